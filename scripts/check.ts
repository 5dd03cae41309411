// `npm run check`: see src/check/cli.ts.
import { runCheck } from '../src/check/cli.ts';

process.exitCode = runCheck(process.argv.slice(2));
