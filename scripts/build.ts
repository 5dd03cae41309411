/**
 * `npm run build [-- astro build flags]`: `astro build`, and the search index beside it.
 *
 * Astro runs in a child process; this one reads the pages Astro has written while it renders the
 * rest (src/integration/search.ts, `SearchFeed`), on the second core, which rendering leaves
 * idle, defangs them as the last guard would, and gives each to Pagefind once the pages Astro
 * rendered before it are in (the order the middleware notes, src/integration/render-order.ts, so
 * that the index is the same from one build of a commit to the next); once Astro has exited it
 * gives the last pages and writes the index. Pagefind is a process of its own; past
 * FOLLOW_UP_TO_RECORDS records the pages are read after Astro has exited, in the same order, so
 * that their memory never adds up. `astro build` on its own indexes too, in its own process, at
 * the end, by path.
 *
 * Last, it measures the output against static hosts' limits (src/integration/host-limits.ts):
 * warnings, or a failed build when `DRIFTWATCH_HOST` names the host whose limits are crossed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { indexSite, SearchFeed, targetFile, type SearchTarget } from '../src/integration/search.ts';
import { readRenderOrder } from '../src/integration/render-order.ts';
import { deployHostSetting, searchHandoffEnv } from '../src/site/env.ts';
import { hostReport, HOSTS, isHostId, outputSize, type HostId } from '../src/integration/host-limits.ts';
import { defangSite } from '../src/safety/last-guard.ts';

/** `DRIFTWATCH_HOST`, read before a build of minutes: a host misspelt is said first, not after. */
const host = ((setting = deployHostSetting()): HostId | undefined => {
  if (setting === undefined || isHostId(setting)) return setting;
  process.stderr.write(`DRIFTWATCH_HOST=${setting}: not a host this build knows; one of ${Object.keys(HOSTS).join(', ')}\n`);
  process.exit(1);
})();

const require = createRequire(import.meta.url);
const astro = join(dirname(require.resolve('astro/package.json')), 'bin/astro.mjs');
const handoff = mkdtempSync(join(tmpdir(), 'driftwatch-build-'));
const outDirFile = join(handoff, 'out-dir');
/** How often the pages written so far are looked for while Astro renders. */
const SCAN_EVERY_MS = 2000;

try {
  const started = Date.now();
  // A larger young generation: a build allocates many short-lived strings, and collecting them
  // in bigger batches took about 5 % off a 1,000-incident build (docs/performance.md).
  const child = spawn(process.execPath, ['--max-semi-space-size=64', astro, 'build', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...searchHandoffEnv(outDirFile) },
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>((resolve) => {
    child.on('error', (error) => resolve({ code: null, signal: null, error }));
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  let done: Awaited<typeof exited> | undefined;
  void exited.then((result) => (done = result));

  // While Astro runs: read what it has written. A failure here only costs the overlap:
  // the index is then built after Astro has exited, as before.
  let feed: SearchFeed | undefined;
  /** Where the pages go and the defang list, as the integration wrote them when Astro started. */
  let target: SearchTarget | undefined;
  const readTarget = () => JSON.parse(readFileSync(targetFile(outDirFile), 'utf8')) as SearchTarget;
  /** Set when the feed stops (failed, or a site too large to follow): the index is built after Astro. */
  let indexAfter = false;
  while (!done) {
    await Promise.race([exited, sleep(SCAN_EVERY_MS)]);
    if (done || indexAfter) continue;
    try {
      if (!feed && existsSync(targetFile(outDirFile))) {
        target = readTarget();
        // A large site is indexed after Astro has exited, so the two never hold their memory at once.
        if (!target.follow) {
          indexAfter = true;
          continue;
        }
        feed = await SearchFeed.open(target, started);
      }
      await feed?.scan();
    } catch (error) {
      indexAfter = true;
      process.stderr.write(`search index: could not follow the build (${error instanceof Error ? error.message : String(error)}); indexing after it\n`);
      await feed?.close().catch(() => undefined);
      feed = undefined;
    }
  }

  const built = done;
  if (built.error || built.signal) {
    // Astro could not start, or was stopped (a signal: the system out of memory, or Ctrl-C).
    process.stderr.write(`astro build ${built.error ? `could not start: ${built.error.message}` : `was stopped by ${built.signal}`}\n`);
    process.exitCode = 1;
  } else if (built.code !== 0) {
    process.exitCode = built.code ?? 1; // Astro has said why.
  } else if (existsSync(outDirFile)) {
    const outDir = readFileSync(outDirFile, 'utf8');
    const tail = performance.now();
    // The pages are defanged here, as they are read for the index (Astro's process left it to this one).
    const { domains, order } = target ?? readTarget();
    const finishing = feed;
    feed = undefined;
    /** Pages Pagefind read while Astro rendered, in the order Astro rendered them (render-order.ts). */
    const early = finishing?.given ?? 0;
    const { pages, defanged } = finishing
      ? await finishing.finish().catch((error: unknown) => {
          defangSite(outDir, domains); // whatever failed, no page leaves undefanged
          throw error;
        })
      : await indexSite(outDir, domains, readRenderOrder(order));
    if (defanged > 0) process.stdout.write(`defanged addresses in the text of ${defanged} page${defanged === 1 ? '' : 's'}\n`);
    process.stdout.write(`search index: ${pages} pages in ${((performance.now() - tail) / 1000).toFixed(1)} s${early > 0 ? ` (${early} of them read while Astro rendered)` : ''}\n`);
    reportSize(outDir);
  }
  // Otherwise Astro built nothing (`--help`): nothing to index.
  await feed?.close();
} finally {
  rmSync(handoff, { recursive: true, force: true });
}

/** The output's size, and each static host's limit it crosses: an error for `DRIFTWATCH_HOST`'s. */
function reportSize(outDir: string): void {
  const shown = relative(process.cwd(), outDir);
  const folder = shown && !shown.startsWith('..') && !isAbsolute(shown) ? `${shown}/` : outDir;
  const { out, errors } = hostReport(folder, outputSize(outDir), host);
  for (const line of out) process.stdout.write(`${line}\n`);
  for (const line of errors) process.stderr.write(`${line}\n`);
  if (errors.length > 0) process.exitCode = 1;
}
