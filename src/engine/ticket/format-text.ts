import type { SipCodeValue, Ticket } from './model.ts';

/**
 * The support request as plain text, for pasting into any ticket system or email. Text the person
 * typed is kept as typed (it is plain text), apart from line endings and trailing spaces.
 */

/** `preparedAt` for people: "2026-11-24 19:10 UTC"; the input unchanged when it is not a date. */
export function formatPreparedAt(preparedAt: string): string {
  const date = new Date(preparedAt);
  if (Number.isNaN(date.getTime())) return preparedAt;
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** Multi-line text as lines: CRLF and CR read as LF, no trailing spaces, no blank lines around. */
export function textLines(text: string): string[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Text that must fit on one line: line breaks and the spaces around them become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** A SIP code with its reason phrase, like "503 Service Unavailable". */
export function codeLabel(code: SipCodeValue): string {
  return oneLine(`${code.code} ${code.phrase}`);
}

/** True when the ticket says nothing about the diagnosis (no outcome, category, answers or link). */
export function hasNoDiagnosis(ticket: Ticket): boolean {
  const { outcome, category, answers, link } = ticket.diagnosis;
  return !outcome && !category && answers.length === 0 && link === undefined;
}

/** The plain-text support request: LF line endings, no trailing spaces, one final newline. */
export function formatText(ticket: Ticket): string {
  const { diagnosis, numbers, failedCalls, escalation } = ticket;
  const lines: string[] = [
    `Support request for ${oneLine(ticket.provider.name)}`,
    `Prepared ${oneLine(formatPreparedAt(ticket.preparedAt))} with ${oneLine(ticket.brand)}`,
    '',
  ];

  if (hasNoDiagnosis(ticket)) {
    lines.push('Diagnosis: not chosen');
  } else {
    if (diagnosis.outcome) lines.push(`Diagnosis: ${oneLine(diagnosis.outcome.title)}`);
    if (diagnosis.category) lines.push(`Category: ${oneLine(diagnosis.category.title)}`);
    if (diagnosis.answers.length > 0) {
      lines.push('Answers:');
      for (const { question, answer } of diagnosis.answers) {
        lines.push(`- ${oneLine(`${question} ${answer}`)}`);
      }
    }
    if (diagnosis.link !== undefined) lines.push(`Link: ${oneLine(diagnosis.link)}`);
  }
  lines.push('');

  lines.push(`Originating number: ${oneLine(numbers.originating.e164)}`);
  lines.push(`Destination numbers: ${listOrNone(numbers.destinations.map((n) => n.e164))}`);
  lines.push('Failed calls (UTC):');
  for (const time of failedCalls.times) {
    lines.push(
      `- ${oneLine(`${time.utc} (local ${time.local} ${time.offset}, ${time.timeZone})`)}`,
    );
  }
  if (failedCalls.times.length === 0) lines.push('- (none)');
  lines.push(`SIP response codes: ${listOrNone(ticket.codes.map(codeLabel))}`);
  lines.push(...labelled('Error messages:', ticket.errorText));
  if (ticket.frequency) lines.push(`How often: ${oneLine(ticket.frequency.label)}`);
  if (ticket.product) lines.push(`Product: ${oneLine(ticket.product.label)}`);
  lines.push('');

  const description = textLines(ticket.description);
  lines.push('Description:', ...(description.length > 0 ? description : ['(none)']), '');

  lines.push('Steps already tried:');
  for (const step of ticket.tried) lines.push(`- ${oneLine(step.text)}`);
  if (ticket.tried.length === 0) lines.push('- (none)');
  lines.push('');

  lines.push(`Contact support? ${oneLine(escalation.headline)}`);
  for (const condition of escalation.conditions) {
    const box = condition.holds ? '[x]' : '[ ]';
    lines.push(`- ${box} ${oneLine(`${condition.text} ${condition.reason}`)}`);
  }
  for (const caution of escalation.cautions) lines.push(`- Note: ${oneLine(caution)}`);

  return `${lines.map((line) => line.trimEnd()).join('\n')}\n`;
}

function listOrNone(items: string[]): string {
  const values = items.map(oneLine).filter((item) => item !== '');
  return values.length > 0 ? values.join(', ') : '(none)';
}

/** "Label: first line", then further lines indented by two spaces; "(none)" when empty. */
function labelled(label: string, text: string): string[] {
  const [first, ...rest] = textLines(text);
  if (first === undefined) return [`${label} (none)`];
  return [`${label} ${first}`, ...rest.map((line) => (line === '' ? '' : `  ${line}`))];
}
