/**
 * What one check keeps for the next over the same project (`astro dev`, src/site/project.ts), so
 * that a save costs what changed, not the whole project: each file's bytes and what reading them
 * gave (its entries, its problems), and each entry's validation and the references it makes. A
 * file whose bytes are unchanged gives the very same entries as last time, so everything kept by
 * entry is found again; a changed file gives new entries, judged anew. The rules across files
 * (ids, references, citations, warnings) run on every check, over what was kept: they are map
 * lookups, except the rules over the data alone: those run again only when the data changed
 * (`perDataVersion`), so a save to a write-up costs its own rules, not a pass over every record.
 * The result is the same as a check without a cache (tests/check/cache.test.ts).
 */
import type { Entry } from '../data/files.ts';
import type { Problem } from '../data/problems.ts';
import type { CheckContext } from './context.ts';
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
  /** What the data was at the last check: its entries, what the data rules read of the rest, and the version naming them. */
  data?: { entries: readonly Entry[]; rest: string; version: DataVersion };
  /** Per rule over the data alone: what it gave for a version of the data, and the problems it reported. */
  steps: Map<string, { version: DataVersion; value: unknown; problems: Problem[] }>;
}

/** Names one state of the project's data: the same object while no data entry changed (`dataVersion`). */
export type DataVersion = object;

export const newCheckCache = (): CheckCache => ({ files: new Map(), stale: 'all', fresh: 0, entries: new Map(), steps: new Map() });

/**
 * The version of the data for this check: the last one while every entry is the very same object
 * (a file unchanged since gives the same entries, so this is a comparison of pointers) and `rest`,
 * what the data rules read of anything else (which write-ups there are and which are published), is the same.
 */
export function dataVersion(cache: CheckCache, entries: readonly Entry[], rest: string): DataVersion {
  const last = cache.data;
  if (last && last.rest === rest && last.entries.length === entries.length && last.entries.every((entry, i) => entry === entries[i])) return last.version;
  cache.data = { entries, rest, version: {} };
  return cache.data.version;
}

/**
 * `run()`, a rule over the data alone, or, when the data is at the version it was judged at by the
 * last check with this cache, what it gave then: its value, and copies of the problems it reported,
 * in the same place of the report. Without a cache (or a version), run every time.
 */
export function perDataVersion<T>(ctx: CheckContext, version: DataVersion | undefined, step: string, run: () => T): T {
  const cache = ctx.cache;
  if (!cache || !version) return run();
  const kept = cache.steps.get(step);
  if (kept && kept.version === version) {
    ctx.problems.push(...copies(kept.problems));
    return kept.value as T;
  }
  const before = ctx.problems.length;
  const value = run();
  cache.steps.set(step, { version, value, problems: copies(ctx.problems.slice(before)) });
  return value;
}

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
