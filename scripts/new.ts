// `npm run new -- incident "Title"` · `npm run new -- source <url>` · `npm run new -- record <kind>`
// Writes a skeleton with a unique id and today's date; see src/scaffold/skeletons.ts. Into the
// project the build and the check read: --root <folder>, else DRIFTWATCH_PROJECT, else here.
import { resolve } from 'node:path';
import { projectProblem } from '../src/commands/check.ts';
import { projectDir } from '../src/site/paths.ts';
import { runNew } from '../src/commands/new.ts';

const argv = process.argv.slice(2);
const rootIndex = argv.indexOf('--root');
const given = rootIndex >= 0 ? argv.splice(rootIndex, 2)[1] : undefined;
const root = given ? resolve(given) : projectDir(process.cwd());
const missing = rootIndex >= 0 && !given ? '--root needs a folder' : projectProblem(root);
if (missing) {
  console.log(missing);
  process.exitCode = 2;
} else {
  if (root !== process.cwd()) console.log(`project: ${root}`);
  process.exitCode = runNew(argv, root);
}
