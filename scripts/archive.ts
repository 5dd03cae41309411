// `npm run archive`: captures sources with an archive service and records their SHA-256; see
// src/commands/archive.ts. `npm run archive -- --help` lists the options.
import { runArchive } from '../src/commands/archive.ts';

process.exitCode = await runArchive(process.argv.slice(2));
