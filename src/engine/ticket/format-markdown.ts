import { formatPreparedAt, hasNoDiagnosis, oneLine, textLines } from './format-text.ts';
import type { Ticket } from './model.ts';

/**
 * The support request as Markdown, for ticket systems and chats that render it. Every piece of text
 * that is not ours (what the person typed, and content text too) is escaped, so it renders as the
 * literal characters: nothing in it becomes a link, heading, list, emphasis or HTML.
 */

/** Characters with a meaning in CommonMark or GitHub Flavored Markdown, escaped wherever they are. */
const METACHARACTERS = /[\\`*_{}[\]()#+\-.!|<>~&@]/g;

/**
 * One line of text as literal Markdown: metacharacters are backslash-escaped, and so are a ":"
 * before "//" (GFM autolinks) and a leading "=" (setext headings). Line breaks become spaces and
 * the text is trimmed, so a leading indent cannot start a code block.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(METACHARACTERS, '\\$&')
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/^=/, '\\=');
}

/** Text as an inline code span, with a fence longer than any backtick run inside it. */
export function codeSpan(text: string): string {
  const value = oneLine(text);
  const fence = '`'.repeat(longestBacktickRun(value) + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** The Markdown support request: LF line endings, one final newline. */
export function formatMarkdown(ticket: Ticket): string {
  const { diagnosis, numbers, escalation } = ticket;
  const blocks: string[] = [
    `# Support request for ${escapeMarkdown(ticket.provider.name)}`,
    `Prepared ${preparedAt(ticket.preparedAt)} with ${escapeMarkdown(ticket.brand)}`,
  ];

  const about: string[] = [];
  if (diagnosis.outcome) about.push(`- **Diagnosis:** ${escapeMarkdown(diagnosis.outcome.title)}`);
  if (diagnosis.category) about.push(`- **Category:** ${escapeMarkdown(diagnosis.category.title)}`);
  if (diagnosis.answers.length > 0) {
    about.push('- **Answers:**');
    for (const { question, answer } of diagnosis.answers) {
      about.push(`  - ${escapeMarkdown(question)} ${escapeMarkdown(answer)}`);
    }
  }
  if (diagnosis.link !== undefined) about.push(`- **Link:** ${link(diagnosis.link)}`);
  blocks.push('## Diagnosis', hasNoDiagnosis(ticket) ? 'Not chosen\\.' : about.join('\n'));

  const destinations = numbers.destinations.map((number) => codeSpan(number.e164));
  blocks.push(
    '## Numbers',
    [
      `- **Originating number:** ${codeSpan(numbers.originating.e164)}`,
      `- **Destination numbers:** ${destinations.length > 0 ? destinations.join(', ') : '(none)'}`,
    ].join('\n'),
  );

  blocks.push(
    '## Failed calls',
    list(
      ticket.failedCalls.times.map(
        (time) =>
          `${codeSpan(time.utc)} (local ${codeSpan(`${time.local} ${time.offset}`)}, ` +
          `${codeSpan(time.timeZone)})`,
      ),
    ),
  );

  blocks.push(
    '## SIP response codes',
    list(
      ticket.codes.map((code) => `${codeSpan(String(code.code))} ${escapeMarkdown(code.phrase)}`),
    ),
  );

  blocks.push('## Error messages', fencedBlock(ticket.errorText));
  const facts: string[] = [];
  if (ticket.frequency) facts.push(`- **How often:** ${escapeMarkdown(ticket.frequency.label)}`);
  if (ticket.product) facts.push(`- **Product:** ${escapeMarkdown(ticket.product.label)}`);
  if (facts.length > 0) blocks.push('## Details', facts.join('\n'));

  blocks.push('## Description', paragraphs(ticket.description));
  blocks.push(
    '## Steps already tried',
    list(ticket.tried.map((step) => escapeMarkdown(step.text))),
  );

  const headline = escapeMarkdown(escalation.headline);
  blocks.push('## Contact support?', headline === '' ? '(no verdict)' : `**${headline}**`);
  if (escalation.conditions.length > 0) {
    const items = escalation.conditions.map((condition) => {
      const box = condition.holds ? '[x]' : '[ ]';
      return `- ${box} ${escapeMarkdown(condition.text)} ${escapeMarkdown(condition.reason)}`;
    });
    blocks.push(items.join('\n'));
  }
  if (escalation.cautions.length > 0) {
    blocks.push('**Notes:**', list(escalation.cautions.map(escapeMarkdown)));
  }

  return `${blocks.join('\n\n')}\n`;
}

function preparedAt(value: string): string {
  const formatted = formatPreparedAt(value);
  return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/.test(formatted)
    ? formatted
    : escapeMarkdown(formatted);
}

/** An http(s) address as an autolink; anything else as escaped text, so it never becomes a link. */
function link(url: string): string {
  return /^https?:\/\/[^\s<>`\\]+$/i.test(url) ? `<${url}>` : escapeMarkdown(url);
}

function list(items: string[]): string {
  return items.length > 0 ? items.map((item) => `- ${item}`).join('\n') : '(none)';
}

/** Typed text as escaped paragraphs; each typed line ends in a hard line break. */
function paragraphs(text: string): string {
  const lines = textLines(text);
  if (lines.length === 0) return '(none)';
  const out: string[] = [];
  lines.forEach((line, index) => {
    const next = lines[index + 1];
    const escaped = escapeMarkdown(line);
    out.push(escaped !== '' && next !== undefined && next !== '' ? `${escaped}\\` : escaped);
  });
  return out.join('\n');
}

/** Text as a fenced code block whose fence is longer than any backtick run inside it. */
function fencedBlock(text: string): string {
  const lines = textLines(text);
  if (lines.length === 0) return '(none)';
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(lines.join('\n')) + 1));
  return [fence, ...lines, fence].join('\n');
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}
