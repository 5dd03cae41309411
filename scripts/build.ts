/**
 * `npm run build [-- astro build flags]`: `astro build`, then the search index.
 *
 * Astro runs in a child process and Pagefind only after it has exited, so the two never hold
 * memory at the same time: at 100,000 records each peaks at about 2 GB (see
 * src/integration/search.ts and docs/performance.md). `astro build` on its own indexes too, in
 * its own process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { indexSite } from '../src/integration/search.ts';
import { searchHandoffEnv } from '../src/site/env.ts';

const require = createRequire(import.meta.url);
const astro = join(dirname(require.resolve('astro/package.json')), 'bin/astro.mjs');
const handoff = mkdtempSync(join(tmpdir(), 'driftwatch-build-'));
const outDirFile = join(handoff, 'out-dir');

try {
  // A larger young generation: a build allocates many short-lived strings, and collecting them
  // in bigger batches took about 5 % off a 1,000-incident build (docs/performance.md).
  const built = spawnSync(process.execPath, ['--max-semi-space-size=64', astro, 'build', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...searchHandoffEnv(outDirFile) },
  });
  if (built.error || built.signal) {
    // Astro could not start, or was stopped (a signal: the system out of memory, or Ctrl-C).
    process.stderr.write(`astro build ${built.error ? `could not start: ${built.error.message}` : `was stopped by ${built.signal}`}\n`);
    process.exitCode = 1;
  } else if (built.status !== 0) {
    process.exitCode = built.status ?? 1; // Astro has said why.
  } else if (existsSync(outDirFile)) {
    const outDir = readFileSync(outDirFile, 'utf8');
    const started = performance.now();
    const { pages } = await indexSite(outDir);
    process.stdout.write(`search index: ${pages} pages in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  // Otherwise Astro built nothing (`--help`): nothing to index.
} finally {
  rmSync(handoff, { recursive: true, force: true });
}
