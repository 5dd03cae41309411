/**
 * One build, as `npm run build` makes it, in a process tree of its own so the bench can measure
 * its time and memory: `node scripts/bench/build-site.ts <root> <outDir> <cacheDir>`.
 *
 * Like scripts/build.ts, Astro builds in a child process, and the search index is written after
 * that child has exited (when the root has the search integration: the baseline has not). The
 * child is this script again, with `--astro`, since it needs Astro's API for the cache folder.
 *
 * For Driftwatch, <root> is this repository and DRIFTWATCH_PROJECT names the generated site;
 * for the baseline, <root> is the generated bare Astro project. The cache folder is a fresh
 * temporary one, so every build is cold and nothing touches the repository's own cache. Social
 * cards are cached there too (src/feeds/og/), not in node_modules/.cache.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'astro';
import { indexSite } from '../../src/integration/search.ts';

const args = process.argv.slice(2);
const child = args[0] === '--astro';
const [root, outDir, cacheDir] = child ? args.slice(1) : args;
if (!root || !outDir || !cacheDir) {
  process.stderr.write('usage: node scripts/bench/build-site.ts <root> <outDir> <cacheDir>\n');
  process.exit(2);
}
const handoff = join(cacheDir, 'search-after');

if (child) {
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  process.env.DRIFTWATCH_OG_CACHE = join(cacheDir, 'og');
  process.env.DRIFTWATCH_SEARCH_AFTER = handoff;
  await build({ root, outDir, cacheDir, logLevel: 'warn' });
} else {
  mkdirSync(cacheDir, { recursive: true });
  const astro = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--astro', root, outDir, cacheDir], { stdio: 'inherit' });
  if (astro.status !== 0) process.exit(astro.status ?? 1);
  if (existsSync(handoff)) await indexSite(readFileSync(handoff, 'utf8'));
}
