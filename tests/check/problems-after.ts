/**
 * The checker's tests: one edit to the minimal fixture site, and the exact lines the editor sees
 * (message and file:line:col), in the order the rules report them.
 */
import { afterAll, expect, it } from 'vitest';
import { formatProblem } from '../../src/data/problems.ts';
import { checkProject } from '../../src/check/validate.ts';
import { fixture, removeFixture, type Edit } from '../helpers/fixture.ts';

export const RECORDS = 'data/records/main.yaml';
export const WRITEUP = 'content/incidents/incident-one.mdx';

/** A case: what it shows, the edits, the lines expected. */
export type Case = [string, Record<string, Edit>, string[]];

const made: string[] = [];
// Registered when a test file imports this (each file has its own copy of this module).
afterAll(() => made.splice(0).forEach(removeFixture));

/** A copy of the minimal fixture with `edits`, removed after the file's tests. */
export function editedFixture(edits: Record<string, Edit> = {}): string {
  const dir = fixture('minimal', edits);
  made.push(dir);
  return dir;
}

export function problemsAfter(edits: Record<string, Edit>): string[] {
  return checkProject(editedFixture(edits)).problems.map(formatProblem);
}

/** One test per case. */
export function itReports(cases: Case[]): void {
  it.each(cases)('%s', (_name, edits, expected) => {
    expect(problemsAfter(edits)).toEqual(expected);
  });
}
