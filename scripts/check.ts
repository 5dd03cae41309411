// `npm run check`: see src/commands/check.ts.
import { enableCompileCache } from 'node:module';

// Node keeps each module compiled, its TypeScript stripped, between runs (in the system's
// temporary folder): about a third of the check's start-up, a tenth of its time at 20,000 records.
enableCompileCache();
const { runCheck } = await import('../src/commands/check.ts');

process.exitCode = runCheck(process.argv.slice(2));
