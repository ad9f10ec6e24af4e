import { clsx, type ClassValue } from 'clsx';

/**
 * Joins class names. Components never pass two classes for the same property (they choose with a
 * variant or a condition), so no class-merging library is shipped; see docs/decisions.
 */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}
