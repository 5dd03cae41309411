/**
 * One Astro build, in a child process of its own so the bench can measure its time and memory:
 * `node scripts/bench/build-site.ts <root> <outDir> <cacheDir>`.
 *
 * For Driftwatch, <root> is this repository and DRIFTWATCH_PROJECT names the generated site;
 * for the baseline, <root> is the generated bare Astro project. The cache folder is a fresh
 * temporary one, so every build is cold and nothing touches the repository's own cache. Social
 * cards are cached there too (src/feeds/og.ts), not in node_modules/.cache.
 */
import { join } from 'node:path';
import { build } from 'astro';

const [root, outDir, cacheDir] = process.argv.slice(2);
if (!root || !outDir || !cacheDir) {
  process.stderr.write('usage: node scripts/bench/build-site.ts <root> <outDir> <cacheDir>\n');
  process.exit(2);
}
process.env.ASTRO_TELEMETRY_DISABLED = '1';
process.env.DRIFTWATCH_OG_CACHE = join(cacheDir, 'og');
await build({ root, outDir, cacheDir, logLevel: 'warn' });
