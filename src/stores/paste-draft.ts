import { create } from 'zustand';

/**
 * What was typed into the paste box, kept in memory while the tab is open so going back to the
 * start page finds it again. Deliberately not saved to storage: pasted logs carry phone numbers.
 */
export const usePasteDraft = create<{ text: string; setText: (text: string) => void }>((set) => ({
  text: '',
  setText: (text) => set({ text }),
}));
