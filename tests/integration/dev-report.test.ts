/** What `npm run dev` prints after a save: only what changed since the terminal last showed the problems. */
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/data/problems.ts';
import { changesSince, summary } from '../../src/integration/dev-report.ts';

const problem = (line: number, message: string, severity: Problem['severity'] = 'warning'): Problem => ({ file: 'data/sources.yaml', line, col: 3, severity, message, rule: 'unused-source' });

describe('the dev server’s report after a save', () => {
  const a = problem(4, 'source "a" is not cited');
  const b = problem(9, 'source "b" is not cited');

  it('prints everything the first time, then nothing that was shown already, even when lines moved', () => {
    const first = changesSince(new Map(), [b, a]);
    expect(first.added).toEqual([a, b]);
    const moved = changesSince(first.shown, [{ ...a, line: 6 }, { ...b, line: 11 }]);
    expect(moved).toMatchObject({ added: [], fixed: 0 });
    expect(summary(moved, [a, b])).toBe('content/ and data/ re-checked: nothing new; 0 errors, 2 warnings in all (npm run check lists them)');
  });

  it('names what is new and counts what went away; one message at two places is two problems', () => {
    const first = changesSince(new Map(), [a, b]);
    const error = problem(2, 'unknown actor "x"', 'error');
    const twice = { ...a, line: 20 };
    const next = changesSince(first.shown, [a, error, twice]);
    expect(next.added).toEqual([error, twice]);
    expect(next.fixed).toBe(1);
    expect(summary(next, [a, error, twice])).toBe('content/ and data/ re-checked: 1 fixed, 2 new; 1 error, 2 warnings in all (npm run check lists them)');
    expect(summary(changesSince(next.shown, []), [])).toBe('content/ and data/ re-checked: 3 fixed; no problems');
  });
});
