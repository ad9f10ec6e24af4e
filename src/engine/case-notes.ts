import { escapeMarkdown } from './ticket/format-markdown.ts';
import { oneLine, textLines } from './ticket/format-text.ts';

/**
 * Case notes: what a support agent copies into their ticket system at the end of a call, as plain
 * text and as Markdown. Both carry the same facts in the same order: the call, the outcome (or
 * where the caller stopped), the path of answers, the agent's notes, the support request fields
 * and the customer link. Pure: no DOM, runs in the browser and in Node; never throws.
 *
 * Clock times are written in `timeZone` with `Intl`; a zone `Intl` does not know falls back to UTC
 * (and then says "GMT"). A time that is not a date (NaN, ±Infinity, out of range) reads
 * "unknown time".
 */

export interface CaseStep {
  question: string;
  answer: string;
  /** epoch ms the answer was chosen, when known */
  at: number | null;
  /**
   * False when the answer was not given on the call: the agent jumped there on the map, or opened
   * a link or a pasted trace that already held it. Such steps say so. Missing means asked.
   */
  asked?: boolean;
}

export type CaseCurrent =
  | { kind: 'question'; title: string }
  | {
      kind: 'outcome';
      title: string;
      summary: string;
      steps: { text: string; ticked: boolean }[];
      feedback: 'fixed' | 'not-fixed' | null;
    };

export interface CaseNotesInput {
  /** The product name, from config. */
  brand: string;
  /** IANA zone for every clock time, e.g. 'Europe/Berlin'. */
  timeZone: string;
  /** Epoch ms the call started. */
  startedAt: number;
  /** Epoch ms the agent ended the call; null while it goes on. */
  endedAt: number | null;
  /** Epoch ms the notes are made. */
  now: number;
  /** The caller's answers, in order. */
  path: CaseStep[];
  /** Answers given on the call that are no longer on the path (the story changed), oldest first. */
  earlier?: CaseStep[];
  /** Where the path ends: an unanswered question or an outcome (diagnosis). */
  current: CaseCurrent;
  /** The agent's notes, oldest first; text may have several lines. */
  notes: { at: number; text: string }[];
  /** Support-request fields the person filled, as typed, in form order (may be empty). */
  ticket: { label: string; value: string }[];
  /** Absolute URL that opens the same place for the caller. */
  customerLink: string;
}

export interface CaseNotes {
  text: string;
  markdown: string;
}

const UNKNOWN_TIME = 'unknown time';

/** "10:02:11" in the zone (24 h); "unknown time" when `epochMs` is not a date. */
export function formatClock(epochMs: number, timeZone: string): string {
  return zoned(epochMs, timeZone)?.clock ?? UNKNOWN_TIME;
}

/**
 * Elapsed time for the timer: "0:07", "12:29", "1:02:03" (h:mm:ss above an hour). Whole seconds,
 * rounded down; negative (and NaN) clamps to "0:00".
 */
export function formatElapsed(ms: number): string {
  if (!(ms > 0)) return '0:00';
  if (!Number.isFinite(ms)) return '0:00';
  const total = Math.floor(ms / 1000);
  const seconds = total % 60;
  const minutes = Math.floor(total / 60) % 60;
  const hours = Math.floor(total / 3600);
  return hours > 0 ? `${hours}:${pad2(minutes)}:${pad2(seconds)}` : `${minutes}:${pad2(seconds)}`;
}

/** The case notes as plain text and as Markdown. */
export function caseNotes(input: CaseNotesInput): CaseNotes {
  const facts = collect(input);
  return {
    text: withoutHiddenControls(renderText(facts)),
    markdown: withoutHiddenControls(renderMarkdown(facts)),
  };
}

/**
 * Direction overrides and invisible marks (U+202A–202E, U+2066–2069, U+200B, U+200E, U+200F,
 * U+FEFF) can make pasted text read differently from what it says; case notes go into tickets,
 * so they are dropped. Joiners used by emoji (U+200D) stay.
 */
function withoutHiddenControls(text: string): string {
  return text.replace(/[\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '');
}

// ---------------------------------------------------------------------------------------------
// Facts shared by both formats. Strings marked "ours" are built here from digits, fixed words
// and Intl offset labels; everything else is raw text that each format escapes its own way.

interface Facts {
  brand: string;
  /** Ours: "2026-11-24 10:02:11 GMT+1" or "unknown time". */
  started: string;
  /** Ours: clock (with date when it differs from the start) and offset, "ongoing", or unknown. */
  ended: string;
  /** Ours: "12:29", "12:29 so far" or "unknown". */
  duration: string;
  current: CaseCurrent;
  /** `time` is ours: a clock time, "unknown time", or null when the answer has no time. */
  path: { time: string | null; question: string; answer: string; asked: boolean }[];
  earlier: { time: string | null; question: string; answer: string; asked: boolean }[];
  /** `time` is ours, e.g. "10:03:05 (+0:54)"; `lines` are the note's non-empty lines. */
  notes: { time: string; lines: string[] }[];
  /** `lines` as typed, with at most one empty line in a row; empty when the value is blank. */
  ticket: { label: string; lines: string[] }[];
  customerLink: string;
}

function collect(input: CaseNotesInput): Facts {
  const { timeZone, startedAt, endedAt } = input;
  const start = zoned(startedAt, timeZone);
  const started = start ? `${start.date} ${start.clock} ${start.offset}` : UNKNOWN_TIME;

  let ended: string;
  let duration: string;
  if (endedAt === null) {
    ended = 'ongoing';
    duration =
      start && isTime(input.now) ? `${formatElapsed(input.now - startedAt)} so far` : 'unknown';
  } else {
    const end = zoned(endedAt, timeZone);
    ended = end
      ? `${end.date === start?.date ? '' : `${end.date} `}${end.clock} ${end.offset}`
      : UNKNOWN_TIME;
    duration = start && end ? formatElapsed(endedAt - startedAt) : 'unknown';
  }

  return {
    brand: input.brand,
    started,
    ended,
    duration,
    current: input.current,
    path: input.path.map((step) => stepFacts(step, timeZone)),
    earlier: (input.earlier ?? []).map((step) => stepFacts(step, timeZone)),
    notes: input.notes
      .map((note) => ({
        time: noteTime(note.at, start ? startedAt : NaN, timeZone),
        lines: textLines(note.text).filter((line) => line !== ''),
      }))
      .filter((note) => note.lines.length > 0),
    ticket: input.ticket.map((field) => ({
      label: field.label,
      lines: textLines(field.value).filter(
        (line, index, lines) => line !== '' || lines[index - 1] !== '',
      ),
    })),
    customerLink: input.customerLink,
  };
}

/** "10:03:05 (+0:54)": the clock time and the time since the call started. */
function noteTime(at: number, startedAt: number, timeZone: string): string {
  const clock = formatClock(at, timeZone);
  if (clock === UNKNOWN_TIME || !isTime(startedAt)) return clock;
  return `${clock} (+${formatElapsed(at - startedAt)})`;
}

function feedbackWord(feedback: 'fixed' | 'not-fixed' | null): string {
  if (feedback === 'fixed') return 'yes';
  if (feedback === 'not-fixed') return 'no';
  return 'not asked';
}

const FIX_STEPS = 'Fix steps (ticked = tried):';
const NO_PATH = 'No questions answered.';
const NO_NOTES = 'No notes.';

// ---------------------------------------------------------------------------------------------
// Plain text, in the house style of the support request (format-text.ts).

function renderText(facts: Facts): string {
  const brand = oneLine(facts.brand);
  const lines: string[] = [brand === '' ? 'Case notes' : `Case notes — ${brand}`, ''];

  lines.push(
    'Call:',
    `Started: ${facts.started}`,
    `Ended: ${facts.ended}`,
    `Duration: ${facts.duration}`,
    '',
  );

  const { current } = facts;
  if (current.kind === 'outcome') {
    lines.push('Outcome:', oneLine(current.title) || '(untitled)');
    const summary = oneLine(current.summary);
    if (summary !== '') lines.push(summary);
    if (current.steps.length > 0) {
      lines.push(FIX_STEPS);
      for (const step of current.steps) {
        lines.push(`${step.ticked ? '[x]' : '[ ]'} ${oneLine(step.text) || '(no text)'}`);
      }
    } else {
      lines.push('Fix steps: (none)');
    }
    lines.push(`Did it fix it? ${feedbackWord(current.feedback)}`);
  } else {
    lines.push(
      'Diagnosis not reached',
      `Stopped at the question: ${oneLine(current.title) || '(untitled)'}`,
    );
  }
  lines.push('');

  lines.push('Path:');
  facts.path.forEach((step, index) => {
    const time = step.time === null ? '' : `${step.time}  `;
    const mark = step.asked ? '' : ` ${NOT_ASKED}`;
    lines.push(`${index + 1}. ${time}${oneLine(step.question)} — ${oneLine(step.answer)}${mark}`);
  });
  if (facts.path.length === 0) lines.push(NO_PATH);
  lines.push('');

  if (facts.earlier.length > 0) {
    lines.push(`${EARLIER}:`);
    for (const step of facts.earlier) {
      const time = step.time === null ? '' : `${step.time}  `;
      lines.push(`- ${time}${oneLine(step.question)} — ${oneLine(step.answer)}`);
    }
    lines.push('');
  }

  lines.push('Notes:');
  for (const note of facts.notes) {
    // Continuation lines start under the first character of the note's text.
    const indent = ' '.repeat(note.time.length + 1);
    note.lines.forEach((line, index) => {
      lines.push(index === 0 ? `${note.time} ${line}` : `${indent}${line}`);
    });
  }
  if (facts.notes.length === 0) lines.push(NO_NOTES);
  lines.push('');

  if (facts.ticket.length > 0) {
    lines.push('Support request:');
    for (const field of facts.ticket) {
      const [first, ...rest] = field.lines;
      lines.push(`${oneLine(field.label) || '(no label)'}: ${first ?? '(none)'}`);
      for (const line of rest) lines.push(line === '' ? '' : `  ${line}`);
    }
    lines.push('');
  }

  lines.push('Customer link:', oneLine(facts.customerLink) || '(none)');

  return finish(lines);
}

/** Marks a path step the caller was not asked on this call. */
const NOT_ASKED = '(not asked on the call)';
/** Heads the answers the caller gave before the story changed. */
const EARLIER = 'Earlier answers (changed during the call)';

function stepFacts(step: CaseStep, timeZone: string) {
  return {
    time: step.at === null ? null : formatClock(step.at, timeZone),
    question: step.question,
    answer: step.answer,
    asked: step.asked ?? true,
  };
}

/** LF line endings, no trailing spaces, no runs of empty lines, one final newline. */
function finish(lines: string[]): string {
  const out: string[] = [];
  for (const line of lines.join('\n').split('\n')) {
    const trimmed = line.trimEnd();
    if (trimmed === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(trimmed);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Markdown (CommonMark + GFM task lists), in the house style of format-markdown.ts. Every piece
// of text that is not ours goes through `md`, so it renders as the literal characters.

/** Escaped text: the house escape, plus "$" (GitHub renders $…$ as math). */
function md(text: string): string {
  return escapeMarkdown(text).replace(/\$/g, '\\$');
}

/** Our own strings (times, offsets) as they are, unless something unexpected is in them. */
function ours(text: string): string {
  return /^[0-9A-Za-z :+\-()]*$/.test(text) ? text : md(text);
}

function renderMarkdown(facts: Facts): string {
  const brand = md(facts.brand);
  const blocks: string[] = [brand === '' ? '# Case notes' : `# Case notes — ${brand}`];

  blocks.push(
    '## Call',
    [
      `- **Started:** ${ours(facts.started)}`,
      `- **Ended:** ${ours(facts.ended)}`,
      `- **Duration:** ${ours(facts.duration)}`,
    ].join('\n'),
  );

  const { current } = facts;
  if (current.kind === 'outcome') {
    const title = md(current.title);
    // An empty title would make "****", which is a thematic break.
    blocks.push('## Outcome', title === '' ? '(untitled)' : `**${title}**`);
    const summary = md(current.summary);
    if (summary !== '') blocks.push(summary);
    if (current.steps.length > 0) {
      blocks.push(
        FIX_STEPS,
        current.steps
          .map((step) => `- ${step.ticked ? '[x]' : '[ ]'} ${md(step.text) || '(no text)'}`)
          .join('\n'),
      );
    } else {
      blocks.push('Fix steps: (none)');
    }
    blocks.push(`**Did it fix it?** ${feedbackWord(current.feedback)}`);
  } else {
    blocks.push(
      '## Diagnosis not reached',
      `Stopped at the question: ${md(current.title) || '(untitled)'}`,
    );
  }

  blocks.push(
    '## Path',
    facts.path.length === 0
      ? NO_PATH
      : facts.path
          .map((step, index) => {
            const time = step.time === null ? '' : `${ours(step.time)} `;
            const mark = step.asked ? '' : ` ${md(NOT_ASKED)}`;
            return `${index + 1}. ${time}${md(step.question)} — ${md(step.answer)}${mark}`;
          })
          .join('\n'),
  );
  if (facts.earlier.length > 0) {
    blocks.push(
      `## ${md(EARLIER)}`,
      facts.earlier
        .map((step) => {
          const time = step.time === null ? '' : `${ours(step.time)} `;
          return `- ${time}${md(step.question)} — ${md(step.answer)}`;
        })
        .join('\n'),
    );
  }

  blocks.push(
    '## Notes',
    facts.notes.length === 0
      ? NO_NOTES
      : facts.notes.map((note) => listItem(`${ours(note.time)} `, note.lines.map(md))).join('\n'),
  );

  if (facts.ticket.length > 0) {
    blocks.push(
      '## Support request',
      facts.ticket
        .map((field) => {
          const lines = field.lines.map(md);
          return listItem(`**${md(field.label) || '(no label)'}:** `, lines, '(none)');
        })
        .join('\n'),
    );
  }

  blocks.push('## Customer link', link(facts.customerLink));

  return finish(blocks.join('\n\n').split('\n'));
}

/**
 * A bullet list item "- <lead><first line>" whose further lines are indented by two spaces, so
 * they stay inside the item. Consecutive lines are joined by hard line breaks (a backslash at the
 * end of the line), so each typed line renders as a line; an empty line starts a new paragraph
 * inside the item (and no backslash goes before it, where it would be a literal backslash).
 */
function listItem(lead: string, lines: string[], empty = ''): string {
  const out: string[] = [];
  lines.forEach((line, index) => {
    const next = lines[index + 1];
    const text = line !== '' && next !== undefined && next !== '' ? `${line}\\` : line;
    if (index === 0) out.push(`- ${lead}${text}`);
    else out.push(text === '' ? '' : `  ${text}`);
  });
  if (out.length === 0) out.push(`- ${lead}${empty}`);
  return out.join('\n');
}

/**
 * An http(s) address as an autolink (CommonMark autolinks allow no spaces, "<", ">" or control
 * characters; backslashes and backticks are left out too); anything else as escaped text, so it
 * never becomes a link.
 */
function link(url: string): string {
  const value = url.trim();
  if (value === '') return '(none)';
  return /^https?:\/\/[^\s<>`\\\p{Cc}]+$/iu.test(value) ? `<${value}>` : md(value);
}

// ---------------------------------------------------------------------------------------------
// Time in a zone, with Intl only.

interface Zoned {
  /** "2026-11-24" */
  date: string;
  /** "10:02:11" */
  clock: string;
  /** "GMT+1", "GMT-5", "GMT+5:30", "GMT" */
  offset: string;
}

/** Date's own limit: ±100,000,000 days around the epoch. */
const MAX_EPOCH_MS = 8.64e15;

function isTime(epochMs: number): boolean {
  return Number.isFinite(epochMs) && Math.abs(epochMs) <= MAX_EPOCH_MS;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter for the zone; UTC when Intl does not know the zone. */
function formatter(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  let made: Intl.DateTimeFormat;
  try {
    made = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'shortOffset',
    });
  } catch (error) {
    if (timeZone === 'UTC') throw error; // caught in `zoned`: every time reads "unknown time"
    made = formatter('UTC');
  }
  if (formatters.size > 64) formatters.clear();
  formatters.set(timeZone, made);
  return made;
}

function zoned(epochMs: number, timeZone: string): Zoned | null {
  if (!isTime(epochMs)) return null;
  try {
    const parts = formatter(timeZone).formatToParts(epochMs);
    const part = (type: Intl.DateTimeFormatPartTypes) =>
      parts.find((p) => p.type === type)?.value ?? '';
    const year = part('year').padStart(4, '0');
    return {
      date: `${year}-${part('month')}-${part('day')}`,
      clock: `${part('hour')}:${part('minute')}:${part('second')}`,
      offset: offsetLabel(part('timeZoneName')),
    };
  } catch {
    return null;
  }
}

/**
 * The offset label the same in every engine: "GMT" for a zero offset (ICU versions differ:
 * "GMT" or "GMT+0"), otherwise "GMT+1", "GMT-3:30". A label of another shape is kept as it is.
 */
function offsetLabel(label: string): string {
  const match = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/.exec(label);
  if (!match) return label || 'GMT';
  const [, sign = '+', hours = '0', minutes = '00'] = match;
  if (Number(hours) === 0 && Number(minutes) === 0) return 'GMT';
  return `GMT${sign}${Number(hours)}${minutes === '00' ? '' : `:${minutes}`}`;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
