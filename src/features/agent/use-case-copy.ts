import { useState } from 'react';
import { caseNotes } from '@/engine/case-notes';
import { copyText } from '@/lib/clipboard';
import { sessionStore } from '@/stores/session';
import { caseNotesInput, customerLink } from './case-input';
import type { WizardPlace } from './wizard-place';

export type CopyWhat = 'text' | 'markdown' | 'link';

const LABELS: Record<CopyWhat, string> = {
  text: 'Case notes',
  markdown: 'Case notes in Markdown',
  link: 'The caller’s link',
};

/**
 * Copies the case notes or the caller's link, read from the session at that moment, and says how
 * it went. Shared by the buttons and the `y` / `Y` keys.
 */
export function useCaseCopy(place: WizardPlace | undefined) {
  const [status, setStatus] = useState('');
  const copy = async (what: CopyWhat) => {
    if (place === undefined) return;
    const text =
      what === 'link'
        ? customerLink(place.path)
        : caseNotes(caseNotesInput(sessionStore.getState(), place, Date.now()))[what];
    try {
      await copyText(text);
      setStatus(`${LABELS[what]} copied.`);
    } catch {
      setStatus(
        `The browser didn’t allow copying. Select the ${what === 'link' ? 'link' : 'preview'} and copy it by hand.`,
      );
    }
  };
  return { copy, status };
}
