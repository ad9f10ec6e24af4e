/**
 * The user-facing sentences of the paste box: plain words, short, typographic quotes and
 * apostrophes. Anything taken from the paste is cleaned and cut (see `shown`).
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const CONTROL = /[\p{Cc}\p{Cf}]+/gu;

/**
 * Text from the paste made fit for a sentence: control and format characters become spaces,
 * lone surrogates U+FFFD, and anything longer than `max` characters is cut with “…”.
 */
export function shown(text: string, max = 40): string {
  const chars = Array.from(text.slice(0, max * 2 + 2));
  const cut = chars.length > max || text.length > max * 2 + 2;
  const kept = cut ? `${chars.slice(0, max - 1).join('')}…` : text;
  return kept.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROL, ' ').trim();
}

/** “a” or “an” before a method name read letter by letter or as a word (an INVITE, a BYE). */
function article(word: string): string {
  return /^[AEIOU]/i.test(word) ? 'an' : 'a';
}

/** “A”, “A and B”, “A, B and C”. */
function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.slice(-1).join('')}`;
}

function withThousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const PASTE_THE_RESPONSE = 'Paste the SIP response (the line starting with SIP/2.0) instead.';

/** Every sentence `understandPaste` writes; functions take the parts that vary. */
export const sentences = {
  empty: 'Paste something first: a code like 503, a line from a log, or a whole SIP message.',
  nothing:
    'We couldn’t find a SIP code, a status line (SIP/2.0 …) or a Reason header in what you pasted. Paste the code alone, like 503, or choose one of the symptoms instead.',
  unexpected:
    'Something went wrong while reading what you pasted. Paste the code alone, like 503, or choose one of the symptoms instead.',
  normalClearing:
    'Q.850 cause 16 (Normal call clearing) means the call was ended normally, by a hang-up: it isn’t an error. If a call failed, paste the SIP response that ended it, or just its code, like 503.',
  answered:
    'The call was answered, so the problem came after the answer: no audio, one-way audio or a dropped call.',
  cancelled:
    '487 means the caller cancelled before anyone answered: look at why it rang so long, or at the responses before it.',
  stir: 'A STIR reason reports a caller-identity (STIR/SHAKEN) problem; the call may still have gone through.',

  completedElsewhere:
    'The CANCEL says “Call completed elsewhere”: another phone answered the call, so nothing failed. If a call did fail, paste its final response, or just its code, like 503.',
  gaveUp:
    'The caller gave up (a CANCEL) before the call was answered, and no final response follows in what you pasted. If one came back, paste it too: the final response (200 or more) tells what happened.',

  truncated: (max: number) => `Only the last ${withThousands(max)} characters were read.`,

  /**
   * How many calls, and which one this is: the last call, the last one that failed (a later
   * one was answered), or the last final response (the last call has none).
   */
  calls: (count: number, which: 'last' | 'last-failed' | 'last-final') =>
    which === 'last'
      ? `What you pasted has ${count} calls; this is the last one’s final response.`
      : which === 'last-failed'
        ? `What you pasted has ${count} calls; this is the last one that failed (a later one was answered).`
        : `What you pasted has ${count} calls; this is the last final response among them.`,

  /** A re-INVITE or UPDATE failed after the answer (RFC 3261 §14.1: the call stays up). */
  midCallFailure: (request: string, response: string) =>
    `A later ${request} got ${response}; the call stayed up, but the change it asked for (hold, a codec switch) failed.`,

  /** A 481 or 408 answered an in-dialog request: the dialog was lost. */
  dialogLost: (request: string, response: string, timeout: boolean) =>
    `The call was answered and then lost: a later ${request} got ${response}, so the other side ${timeout ? 'stopped answering' : 'no longer knew the call'}.`,

  /** A BYE with an error reason ended an answered call. */
  byeDropped: (reason: string) =>
    `The call was answered and then ended by the other side, with a BYE giving ${reason}.`,

  challenge: (code: number) =>
    `${code} asks the caller for a password, and no retry follows in what you pasted: check the caller’s credentials, or paste the rest of the call.`,

  provisionalCode: (code: number) =>
    `${code} is a provisional response, not how the call ended: the final response (200 or more) tells what happened.`,

  typical: (cause: number, name: string | undefined, sip: number) =>
    `Q.850 cause ${cause}${name === undefined ? '' : ` (${name})`} typically means SIP ${sip}, but providers differ: if you have the SIP response, paste it.`,

  fromRequest: (method: string) =>
    `This comes from the Reason header of ${article(method)} ${shown(method, 20)}.`,

  bye: (reason: string, normal: boolean) =>
    normal
      ? `After the answer, a BYE ended the call with ${reason}: a normal hang-up.`
      : `After the answer, a BYE ended the call with ${reason}.`,

  otherMethod: (method: string) =>
    `This answers ${article(method)} ${shown(method, 20)}, not a call’s INVITE; if you have the INVITE’s final response, paste that instead.`,

  provisionalOnly: (list: string) =>
    `We found only provisional responses (${list}), so the call hadn’t ended yet. Paste the final response too: the first one with a code of 200 or more.`,

  otherMethodsOnly: (methods: readonly string[]) =>
    `We found only responses to ${listOf(methods)}, not to a call’s INVITE. Paste the INVITE’s final response: the first one with a code of 200 or more.`,

  requestsOnly: (methods: readonly string[]) =>
    methods.length === 1
      ? `We found ${article(methods[0] ?? '')} ${listOf(methods)} request but no response to it. Paste the responses that came back: the final one (200 or more) tells what happened.`
      : `We found ${listOf(methods)} requests but no responses. Paste the responses that came back: the final one (200 or more) tells what happened.`,

  unknownProtocol: (protocol: string) =>
    `We found a Reason header, but its ${shown(protocol, 20)} cause isn’t one we can read. ${PASTE_THE_RESPONSE}`,

  q850NoMapping: (cause: number, name: string) =>
    `Q.850 cause ${cause} (${name}) has no typical SIP response. ${PASTE_THE_RESPONSE}`,

  q850Unknown: (cause: number) =>
    `Q.850 cause ${cause} isn’t in our table, so we can’t tell the SIP response it stands for. ${PASTE_THE_RESPONSE}`,

  invalidCode: (written: string) =>
    `${shown(written, 12)} isn’t a SIP response code: they run from 100 to 699.`,
};
