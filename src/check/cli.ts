/**
 * `npm run check [-- --strict] [-- --format json] [-- --root <dir>]`
 *
 * Validates content/ and data/ without building: of the folder given with --root, else of the one
 * the build would use (DRIFTWATCH_PROJECT, else the working folder). Exit status 1 on errors (and on warnings with
 * --strict), 0 otherwise. Whatever goes wrong, an editor sees lines, never a stack trace.
 */
import { resolve } from 'node:path';
import { projectDir } from '../data/paths.ts';
import { formatProblems, formatProblemsJson, hasErrors } from './problems.ts';
import { checkProject } from './validate.ts';

export function runCheck(argv: string[], write: (text: string) => void = (t) => process.stdout.write(t)): number {
  const strict = argv.includes('--strict');
  const formatIndex = argv.indexOf('--format');
  const format = formatIndex >= 0 ? argv[formatIndex + 1] : 'text';
  const rootIndex = argv.indexOf('--root');
  const root = rootIndex >= 0 ? resolve(argv[rootIndex + 1]!) : projectDir(process.cwd());
  if (format !== 'text' && format !== 'json') {
    write(`unknown --format "${format}" (use text or json)\n`);
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
