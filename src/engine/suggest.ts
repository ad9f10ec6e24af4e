import { closest, distance } from 'fastest-levenshtein';

/**
 * "Did you mean …?" for a misspelt id or key: the closest candidate, if it is close enough to be a
 * plausible typo (at most a third of the word, and at most 3 edits).
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(word, [...candidates]);
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  return distance(word, best) <= limit ? best : undefined;
}

export function didYouMean(word: string, candidates: readonly string[]): string {
  const match = suggest(word, candidates);
  return match === undefined ? '' : ` Did you mean "${match}"?`;
}
