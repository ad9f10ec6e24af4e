import { closest, distance } from 'fastest-levenshtein';

/**
 * "Did you mean …?" for a misspelt id or key: the closest candidate, if it is close enough to be a
 * plausible typo. A swap of two letters ("titel") is two edits, so words longer than three letters
 * allow two, and long words a third of their length, up to three.
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(word, [...candidates]);
  const limit = word.length <= 3 ? 1 : Math.min(3, Math.max(2, Math.floor(word.length / 3)));
  return distance(word, best) <= limit ? best : undefined;
}

export function didYouMean(word: string, candidates: readonly string[]): string {
  const match = suggest(word, candidates);
  return match === undefined ? '' : ` Did you mean "${match}"?`;
}
