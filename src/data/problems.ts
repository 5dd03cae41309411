/**
 * The one error reporter. Every bad input (YAML syntax, schema, references, MDX props) becomes a
 * `Problem`, and every Problem prints the same way, in the editor style of docs/checks.md:
 *
 *   data/records/2019-london.yaml:41:15  error  unknown platform "tamtm" (did you mean "tamtam"?)  unknown-ref
 */
import type { RuleId } from './rule-ids.ts';

export type Severity = 'error' | 'warning';

export interface Problem {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line and column of the offending value. */
  line: number;
  col: number;
  severity: Severity;
  message: string;
  /** Stable rule id, e.g. `unknown-ref`: one of the list in rule-ids.ts, which docs/checks.md is generated from. */
  rule: RuleId;
}

export function compareProblems(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.message.localeCompare(b.message);
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col}  ${p.severity}  ${p.message}  ${p.rule}`;
}

/** All problems, one line each, sorted by place; then a count. */
export function formatProblems(problems: Problem[]): string {
  const lines = [...problems].sort(compareProblems).map(formatProblem);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  lines.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return lines.join('\n');
}

export function formatProblemsJson(problems: Problem[]): string {
  return JSON.stringify([...problems].sort(compareProblems), null, 2);
}

export const hasErrors = (problems: Problem[], strict = false): boolean =>
  problems.some((p) => p.severity === 'error' || (strict && p.severity === 'warning'));

/**
 * Thrown by the build when the data has errors. Its message is the report itself (every problem,
 * warnings too, as `npm run check` prints them), so whatever prints it (Astro's logger, vitest)
 * shows the editor lines and not a stack trace.
 */
export class DataProblemsError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    super(`The build stopped before rendering anything: fix these in content/ or data/, then build again.\n${formatProblems(problems)}`);
    this.problems = problems;
    this.name = 'DataProblemsError';
    // The report is the message; a stack trace would only point into Driftwatch's own code.
    this.stack = '';
  }
}
