/**
 * `npm run check [-- --strict] [-- --format json] [-- --root <dir>]`
 *
 * Validates content/ and data/ without building: of the folder given with --root, else of the one
 * the build would use (DRIFTWATCH_PROJECT, else the working folder). Exit status 1 on errors (and on warnings with
 * --strict), 0 otherwise. Whatever goes wrong, an editor sees lines, never a stack trace.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectDir } from '../site/paths.ts';
import { formatProblems, formatProblemsJson, hasErrors } from '../data/problems.ts';
import { checkProject } from '../check/validate.ts';
import { readArgs, UsageError } from './args.ts';

const USAGE = 'usage: npm run check [-- --strict] [-- --format text|json] [-- --root <folder>]';

export function runCheck(argv: string[], write: (text: string) => void = (t) => process.stdout.write(t)): number {
  let values;
  try {
    // A mistyped flag (`--formt json`) would otherwise check with the defaults and say nothing.
    ({ values } = readArgs({ args: argv, options: { strict: { type: 'boolean' }, format: { type: 'string', default: 'text' }, root: { type: 'string' } } }, { root: 'a folder', format: 'text or json' }));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    write(`${error.message}\n${USAGE}\n`);
    return 2;
  }
  const { strict = false, format, root: given } = values;
  const root = given ? resolve(given) : projectDir(process.cwd());
  if (format !== 'text' && format !== 'json') {
    write(`unknown --format "${format}" (use text or json)\n`);
    return 2;
  }
  const missing = projectProblem(root);
  if (missing) {
    write(`${missing}\n`);
    return 2;
  }
  try {
    const { problems } = checkProject(root);
    write(`${format === 'json' ? formatProblemsJson(problems) : formatProblems(problems)}\n`);
    return hasErrors(problems, strict) ? 1 : 0;
  } catch (error) {
    // A bug in Driftwatch, not in the data: say so in one line and ask for a report.
    write(`internal error in the checker: ${(error as Error).message} (please report this with the file that caused it)\n`);
    return 2;
  }
}

/** Why `root` cannot be a project (it does not exist, or has neither content/ nor data/), or undefined. */
export function projectProblem(root: string): string | undefined {
  if (!existsSync(root) || !statSync(root).isDirectory()) return `no folder at ${root}: give the folder that holds content/ and data/`;
  if (!existsSync(join(root, 'content')) && !existsSync(join(root, 'data'))) return `${root} has neither content/ nor data/: give the folder that holds them`;
  return undefined;
}
