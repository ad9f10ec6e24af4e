import type { CodeEntry, Q850Cause } from '../schema.ts';

/**
 * The /codes filter. Digits match codes and Q.850 causes that start with them ("50" → 500–505,
 * "603+" → 603+); words match phrases, meanings and keywords, every word somewhere (case and
 * accents ignored). An empty filter matches everything.
 */
export function filterCodes(
  query: string,
  codes: readonly CodeEntry[],
  causes: readonly Q850Cause[],
): { codes: CodeEntry[]; causes: Q850Cause[] } {
  const trimmed = normalize(query);
  if (trimmed === '') return { codes: [...codes], causes: [...causes] };
  if (/^\d+\+?$/.test(trimmed)) {
    return {
      codes: codes.filter((entry) => String(entry.code).startsWith(trimmed)),
      causes: trimmed.endsWith('+')
        ? []
        : causes.filter((cause) => String(cause.cause).startsWith(trimmed)),
    };
  }
  const words = trimmed.split(/\s+/);
  const matches = (haystack: string) => words.every((word) => haystack.includes(word));
  return {
    codes: codes.filter((entry) =>
      matches(
        normalize(
          [
            String(entry.code),
            entry.phrase,
            entry.meaning,
            ...(entry.oldPhrases ?? []),
            ...(entry.keywords ?? []),
          ].join(' '),
        ),
      ),
    ),
    causes: causes.filter((cause) =>
      matches(normalize(`${String(cause.cause)} ${cause.name} ${cause.meaning}`)),
    ),
  };
}

function normalize(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’']/g, '').trim();
}
