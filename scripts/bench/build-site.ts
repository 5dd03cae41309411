/**
 * The bare Astro baseline's build, in a child process of its own so the bench can measure its
 * time and memory: `node scripts/bench/build-site.ts <root> <outDir> <cacheDir>`, where <root> is
 * the generated bare Astro project. The cache folder is a fresh temporary one, so every build is
 * cold. (Driftwatch itself builds through scripts/build.ts, as `npm run build` does.)
 */
import { build } from 'astro';
import { readArgs } from '../../src/commands/args.ts';

const [root, outDir, cacheDir, ...extra] = readArgs({ options: {}, allowPositionals: true }).positionals;
if (!root || !outDir || !cacheDir || extra.length > 0) {
  process.stderr.write('usage: node scripts/bench/build-site.ts <root> <outDir> <cacheDir>\n');
  process.exit(2);
}
process.env.ASTRO_TELEMETRY_DISABLED = '1';
await build({ root, outDir, cacheDir, logLevel: 'warn' });
