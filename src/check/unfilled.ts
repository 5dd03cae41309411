/** Values that scaffolds (`npm run new`) leave for a person to fill in: `TODO …`. */
import type { PathSegment } from '../data/files.ts';

export const UNFILLED = /^TODO\b/;

export function hasUnfilled(value: unknown): boolean {
  if (typeof value === 'string') return UNFILLED.test(value);
  if (Array.isArray(value)) return value.some(hasUnfilled);
  if (value && typeof value === 'object') return Object.values(value).some(hasUnfilled);
  return false;
}

/** The path of every unfilled value in `value`. */
export function unfilledPaths(value: unknown, path: PathSegment[] = []): PathSegment[][] {
  if (typeof value === 'string') return UNFILLED.test(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => unfilledPaths(item, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => unfilledPaths(item, [...path, key]));
  return [];
}
