import reference from 'virtual:code-reference';
import { lookupCode } from '@/engine/codes/lookup';
import type { SipCode } from '@/engine/schema';
import { understandPaste } from '@/engine/paste/understand-paste';
import type { PasteSummary } from '@/features/wizard/paste-summary-state';

/** What the paste box does with a paste: where to go and what to say, or why it can't tell. */
export type PasteReading =
  { ok: true; href: string; code: SipCode; summary: PasteSummary } | { ok: false; reason: string };

/**
 * Reads a paste (a code, a status line, a Reason header, SIP messages) and finds the step of the
 * troubleshooter it leads to. Runs in the browser only: nothing pasted is sent anywhere. Loaded on
 * first use, with the code reference.
 */
export function readPaste(text: string): PasteReading {
  const understood = understandPaste(text, reference);
  if (!understood.ok) return understood;
  const segment = String(understood.code);
  const lookup = lookupCode(reference, segment);
  // An answered call's trouble came after the answer, whatever the code: audio, or a drop.
  const href =
    understood.phase !== 'setup'
      ? reference.afterAnswer[understood.phase]
      : lookup.kind === 'code'
        ? lookup.entry.leadsTo
        : lookup.kind === 'class'
          ? lookup.codeClass.leadsTo
          : '/';
  const phraseOf = (code: string) => {
    const found = lookupCode(reference, code);
    return found.kind === 'code' ? found.entry.phrase : '';
  };
  return {
    ok: true,
    href,
    code: understood.code,
    summary: {
      code: segment,
      phrase: understood.phrase,
      registered: understood.registered,
      ...(understood.writtenPhrase === undefined
        ? {}
        : { writtenPhrase: understood.writtenPhrase }),
      ...(understood.q850 === undefined
        ? {}
        : {
            q850: {
              cause: understood.q850.cause,
              ...(understood.q850.name === undefined ? {} : { name: understood.q850.name }),
              ...(understood.q850.typicalSip === undefined
                ? {}
                : { typicalSip: understood.q850.typicalSip }),
            },
          }),
      typical: understood.source === 'q850-typical',
      reasons: understood.reasons.map((reason) => reason.raw),
      notes: understood.notes,
      others: understood.others.map((code) => ({
        code: String(code),
        phrase: phraseOf(String(code)),
      })),
    },
  };
}
