// `npm run check`: see src/commands/check.ts.
import { runCheck } from '../src/commands/check.ts';

process.exitCode = runCheck(process.argv.slice(2));
