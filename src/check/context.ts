/**
 * What the rules of one `checkProject` run share: the project's folder, the problems found so
 * far, and the registries a file of which could not be read (references into those cannot be
 * judged). Each rule module takes it, adds its problems, and returns what later rules need.
 */
import type { Entry, PathSegment } from '../data/files.ts';
import type { Registry } from '../schema/index.ts';
import type { Problem, Severity } from '../data/problems.ts';
import type { RuleId } from '../data/rule-ids.ts';
import type { CheckCache } from './cache.ts';

export interface CheckContext {
  root: string;
  problems: Problem[];
  /** Registries with a file that did not parse: references into them cannot be judged. */
  unreadable: Set<Registry>;
  /** What the last check of this project kept (cache.ts): `astro dev` has one, a one-off check none. */
  cache?: CheckCache;
}

export const newContext = (root: string, cache?: CheckCache): CheckContext => ({ root, problems: [], unreadable: new Set(), cache });

/** A problem at the value `path` of `entry` (with `key`, at its key). */
export function problemAt(entry: Entry, path: readonly PathSegment[], message: string, rule: RuleId, severity: Severity = 'error'): Problem {
  return { file: entry.file, ...entry.locate(path), severity, message, rule };
}

/** A problem about a whole file, at its first line. */
export function fileProblem(file: string, message: string, rule: RuleId, severity: Severity = 'error'): Problem {
  return { file, line: 1, col: 1, severity, message, rule };
}

/** Runs `check`, then prefixes the message of every problem it reported (`disputed value: `, `<Cite>: `). */
export function prefixingProblems(ctx: CheckContext, prefix: (message: string) => string, check: () => unknown): void {
  const before = ctx.problems.length;
  check();
  for (const problem of ctx.problems.slice(before)) problem.message = prefix(problem.message);
}

/** Singular names of registries, for messages: `unknown platform "tamtm"`. */
export const NAMES: Record<Registry, string> = { platforms: 'platform', actors: 'actor', sources: 'source', records: 'record', incidents: 'incident' };
