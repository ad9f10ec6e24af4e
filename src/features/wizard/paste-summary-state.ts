/**
 * What the paste box understood, carried to the step it leads to in the history entry's state
 * (so it survives a reload and Back, and never goes into the address or storage).
 */
export interface PasteSummary {
  code: string;
  phrase: string;
  registered: boolean;
  /** The phrase as written in the paste, when it differs from the registered one. */
  writtenPhrase?: string | undefined;
  q850?: { cause: number; name?: string | undefined; typicalSip?: number | undefined } | undefined;
  /** The code came from a Q.850 cause's typical mapping, not from a SIP response. */
  typical: boolean;
  /** Reason headers as written (cleaned and shortened by the reader). */
  reasons: string[];
  notes: string[];
  /** Other codes in the paste, worth a look. */
  others: { code: string; phrase: string }[];
}

type Check = (value: unknown) => boolean;

const isString: Check = (value) => typeof value === 'string';
const isNumber: Check = (value) => typeof value === 'number' && Number.isFinite(value);
const isBoolean: Check = (value) => typeof value === 'boolean';
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value);
const arrayOf =
  (check: Check): Check =>
  (value) =>
    Array.isArray(value) && value.every(check);
const objectOf =
  (shape: Record<string, Check>): Check =>
  (value) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
    const record = value as Record<string, unknown>;
    return Object.entries(shape).every(([key, check]) => check(record[key]));
  };

/** The shape, field by field. (zod would do, but this runs on the start page: 20 lines save 0.3 kB.) */
const isSummary = objectOf({
  code: isString,
  phrase: isString,
  registered: isBoolean,
  writtenPhrase: optional(isString),
  q850: optional(
    objectOf({ cause: isNumber, name: optional(isString), typicalSip: optional(isNumber) }),
  ),
  typical: isBoolean,
  reasons: arrayOf(isString),
  notes: arrayOf(isString),
  others: arrayOf(objectOf({ code: isString, phrase: isString })),
});

/**
 * The summary in a location's state, if there is a well-formed one. History state outlives
 * releases and anything on the page can write it, so every field is checked before use.
 */
export function readPasteSummary(state: unknown): PasteSummary | undefined {
  const pasted = objectOf({ pasted: isSummary })(state)
    ? (state as { pasted: PasteSummary }).pasted
    : undefined;
  return pasted;
}
