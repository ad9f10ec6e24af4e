/**
 * What the paste box understood, carried to the step it leads to in the history entry's state
 * (so it survives a reload, and never goes into the address or storage).
 */
export interface PasteSummary {
  code: string;
  phrase: string;
  registered: boolean;
  writtenPhrase?: string;
  q850?: { cause: number; name?: string; typicalSip?: number };
  /** The code came from a Q.850 cause's typical mapping, not from a SIP response. */
  typical: boolean;
  /** Reason headers as written. */
  reasons: string[];
  notes: string[];
  /** Other codes in the paste, worth a look. */
  others: { code: string; phrase: string }[];
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every(isString);

/** The summary in a location's state, if there is a well-formed one (state can be stale or foreign). */
export function readPasteSummary(state: unknown): PasteSummary | undefined {
  if (state === null || typeof state !== 'object' || !('pasted' in state)) return undefined;
  const value: unknown = state.pasted;
  if (value === null || typeof value !== 'object') return undefined;
  const summary = value as Partial<Record<keyof PasteSummary, unknown>>;
  if (
    !isString(summary.code) ||
    !isString(summary.phrase) ||
    typeof summary.registered !== 'boolean' ||
    typeof summary.typical !== 'boolean' ||
    !isStringArray(summary.reasons) ||
    !isStringArray(summary.notes) ||
    !Array.isArray(summary.others)
  ) {
    return undefined;
  }
  return value as PasteSummary;
}
