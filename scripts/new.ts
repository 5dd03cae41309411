// `npm run new -- incident "Title"` · `npm run new -- source <url>` · `npm run new -- record <kind>`
// Writes a skeleton with a unique id and today's date; see src/scaffold/skeletons.ts.
import { runNew } from '../src/scaffold/cli.ts';

process.exitCode = runNew(process.argv.slice(2), process.cwd());
