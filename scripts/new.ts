// `npm run new -- incident "Title"` · `npm run new -- source <url>` · `npm run new -- record <kind>`
// Writes a skeleton with a unique id; see src/commands/new.ts and src/scaffold/skeletons.ts.
import { newCommand } from '../src/commands/new.ts';

process.exitCode = newCommand(process.argv.slice(2));
