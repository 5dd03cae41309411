/**
 * What one check keeps for the next over the same project (`astro dev`, src/site/project.ts), so
 * that a save costs what changed, not the whole project: each file's bytes and what reading them
 * gave (its entries, its problems), and each entry's validation and the references it makes. A
 * file whose bytes are unchanged gives the very same entries as last time, so everything kept by
 * entry is found again; a changed file gives new entries, judged anew. The rules across files
 * (ids, references, citations, warnings) run on every check, over what was kept: they are map
 * lookups. The result is the same as a check without a cache (tests/check/cache.test.ts).
 */
import type { Entry } from '../data/files.ts';
import type { Problem } from '../data/problems.ts';
import type { CheckResult } from './project-data.ts';
import { hasUnfilled } from './unfilled.ts';

/** What reading one file gave, kept by its bytes. */
export interface FileRead {
  bytes: Buffer;
  /** The problems of reading and parsing it, in the order they were found. */
  problems: Problem[];
  /** Its entries (a data file) or its write-up (MDX); undefined when it could not be read. */
  value: unknown;
}

export interface CheckCache {
  files: Map<string, FileRead>;
  /**
   * The files the next check reads again, project-relative (`content/incidents/x.mdx`), as the
   * dev server's watcher names them; `all` to compare every file's bytes (the first check, and
   * after a change no one named). A file not kept yet is read whatever this says.
   */
  stale: Set<string> | 'all';
  /** Files parsed anew (or refused) by the check under way: none, and the listing the same, is the last result again. */
  fresh: number;
  /** The last check's result, and what its files and reading gave, as text to compare. */
  last?: { read: string; result: CheckResult };
  /** Per rule (`validate`, `references`, …): what it found of each entry, and what it judged it by (a schema). */
  entries: Map<string, WeakMap<Entry, { key: unknown; value: unknown }>>;
}

export const newCheckCache = (): CheckCache => ({ files: new Map(), stale: 'all', fresh: 0, entries: new Map() });

/** Tells the next check with `cache` that `file` (project-relative) changed, or that any file may have. */
export function markStale(cache: CheckCache, file?: string): void {
  if (file === undefined) cache.stale = 'all';
  else if (cache.stale !== 'all') cache.stale.add(file);
}

/** Copies of problems, so that a rule that rewrites the ones it found (`prefixingProblems`) never rewrites what is kept. */
export const copies = (problems: readonly Problem[]): Problem[] => problems.map((problem) => ({ ...problem }));

/**
 * `compute()` for this rule, entry and key, or what it gave the last time: the same entry object
 * means the same file bytes. Without a cache, computed every time.
 */
export function perEntry<T>(cache: CheckCache | undefined, rule: string, entry: Entry, key: unknown, compute: () => T): T {
  if (!cache) return compute();
  let kept = cache.entries.get(rule);
  if (!kept) cache.entries.set(rule, (kept = new WeakMap()));
  const found = kept.get(entry);
  if (found && found.key === key) return found.value as T;
  const value = compute();
  kept.set(entry, { key, value });
  return value;
}

/** Whether an entry has a value still to fill in (`TODO …`). */
export const isUnfilled = (cache: CheckCache | undefined, entry: Entry): boolean => perEntry(cache, 'unfilled', entry, undefined, () => hasUnfilled(entry.value));
