import { create } from 'zustand';

/** Where the last paste led: the code it was read as, and the wizard path it opened. */
export interface PasteLanding {
  code: number | '603+';
  path: string;
}

interface PasteDraft {
  text: string;
  setText: (text: string) => void;
  /** Lets the support request include the pasted code when it is about the same diagnosis. */
  landing: PasteLanding | undefined;
  setLanding: (landing: PasteLanding) => void;
}

/**
 * What was typed into the paste box, kept in memory while the tab is open so going back to the
 * start page finds it again. Deliberately not saved to storage: pasted logs carry phone numbers.
 */
export const usePasteDraft = create<PasteDraft>((set) => ({
  text: '',
  setText: (text) => set({ text }),
  landing: undefined,
  setLanding: (landing) => set({ landing }),
}));
