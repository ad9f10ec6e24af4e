/**
 * Agent mode's call: when it started and ended, the agent's notes, the note being typed and the
 * wizard pages visited (for the times in the case notes). Limits are far past real use, so a saved
 * call always reads back, and bounded, so storage can't fill up with one.
 */
export const CALL_LIMITS = {
  notes: 500,
  noteLength: 4000,
  /** The note being typed may run past `noteLength` (the panel says so); this bounds storage. */
  noteDraft: 50_000,
  visits: 500,
  pathLength: 2000,
} as const;
