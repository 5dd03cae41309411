/**
 * What `npm run dev` prints after a save: the problems that are new since the last check, and how
 * many went away, not the whole report again. An editor fixing one line should not have to find
 * the one change among every warning printed anew.
 */
import { compareProblems, type Problem } from '../data/problems.ts';

/**
 * A problem as the editor would recognise it after a save: without its line and column, which
 * move when lines are added above it. Counted, so one message at two places stays two problems.
 */
const keyOf = (p: Problem) => `${p.file}\u0000${p.severity}\u0000${p.rule}\u0000${p.message}`;

export type Shown = ReadonlyMap<string, number>;

export interface Changes {
  /** Problems not shown before, in report order. */
  added: Problem[];
  /** How many shown before are gone. */
  fixed: number;
  /** What is shown now, for the next call. */
  shown: Shown;
}

export function changesSince(shown: Shown, problems: readonly Problem[]): Changes {
  const now = new Map<string, number>();
  const added: Problem[] = [];
  for (const problem of [...problems].sort(compareProblems)) {
    const key = keyOf(problem);
    const count = (now.get(key) ?? 0) + 1;
    now.set(key, count);
    if (count > (shown.get(key) ?? 0)) added.push(problem);
  }
  let fixed = 0;
  for (const [key, count] of shown) fixed += Math.max(0, count - (now.get(key) ?? 0));
  return { added, fixed, shown: now };
}

/** The line after a re-check: what changed, and where things stand. */
export function summary(changes: Changes, problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const change = [changes.fixed > 0 ? `${changes.fixed} fixed` : '', changes.added.length > 0 ? `${changes.added.length} new` : ''].filter(Boolean).join(', ') || 'nothing new';
  return `content/ and data/ re-checked: ${change}; ${problems.length === 0 ? 'no problems' : `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in all (npm run check lists them)`}`;
}
