/**
 * `npm run bench [-- --sizes 100x2000,1000x20000] [-- --quick] [-- --out <dir>] [-- --seed <n>]
 *   [-- --only driftwatch|baseline] [-- --dev 1000x20000|none] [-- --no-starlight]
 *   [-- --record-list-limit <n>|all]`
 *
 * Generates synthetic sites (scripts/bench/generate.ts), builds each with Driftwatch, two bare
 * Astro baselines with the same MDX pages (scripts/bench/baseline.ts: Astro's default Markdown,
 * and the `remark-gfm` pipeline Driftwatch must use) and Starlight with the same write-ups
 * (scripts/bench/starlight.ts: pinned versions, installed from the npm registry into the work
 * folder), times `npm run check`, times the editor's loop in `astro dev` for Driftwatch and
 * Starlight at one size (scripts/bench/dev-loop.ts), and prints the tables. Sizes are
 * `<incidents>x<records>`. With `--record-list-limit`, each size is built a second time with
 * data/site.yaml `recordListLimit` set: a number, or `all` to list every record on a site large
 * enough to count past 50 by default (docs/scale.md). Results also go to <out>/results.json.
 * See docs/performance.md.
 *
 * Timings are wall-clock and noisy on a shared machine: compare runs made on the same machine,
 * and prefer the ratio to the baseline of the same run.
 */
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { projectEnv } from '../src/site/env.ts';
import { writeBaseline, type BaselineKind } from './bench/baseline.ts';
import { installStarlight, starlightIncident, starlightPackages, writeStarlight } from './bench/starlight.ts';
import { measureDevLoop, type DevLoop } from './bench/dev-loop.ts';
import { LARGE_SITE_LIST_LIMIT, LARGE_SITE_RECORDS } from '../src/data/queries.ts';
import { siteSchema, type SiteSettings } from '../src/schema/site.ts';
import { generateSite, incidentDataEdit, withRecordListLimit, writeSite, type GeneratedSite, type SiteSize } from './bench/generate.ts';
import { distStats, run, type DistStats, type RunResult } from './bench/measure.ts';
import { formatDevTable, formatTable, type Row } from './bench/table.ts';
import { readArgs } from '../src/commands/args.ts';

const REPO = resolve(import.meta.dirname, '..');
const NODE = process.execPath;

const args = (() => {
  try {
    return readArgs({
      options: { sizes: { type: 'string' }, quick: { type: 'boolean' }, out: { type: 'string' }, seed: { type: 'string' }, only: { type: 'string' }, dev: { type: 'string' }, 'no-starlight': { type: 'boolean' }, 'record-list-limit': { type: 'string' } },
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\nusage: npm run bench -- [--sizes 100x2000,…] [--quick] [--out <dir>] [--seed <n>] [--only driftwatch|baseline] [--dev <size>|none] [--no-starlight] [--record-list-limit <n>|all]\n`);
    process.exit(2);
  }
})();
const DEFAULT_SIZES = '100x2000,1000x20000,1000x100000,1000x200000';
const sizes: SiteSize[] = (args.quick ? '10x200' : (args.sizes ?? DEFAULT_SIZES)).split(',').map((text) => {
  const match = /^(\d+)x(\d+)$/.exec(text.trim());
  if (!match) {
    process.stderr.write(`bad size "${text}": use <incidents>x<records>, e.g. 100x2000\n`);
    process.exit(2);
  }
  return { incidents: Number(match[1]), records: Number(match[2]) };
});
const out = resolve(args.out ?? join(tmpdir(), 'driftwatch-bench'));
const seed = Number(args.seed ?? 7);
const only = args.only;
/** The size whose editor's loop is timed in `astro dev` (Driftwatch and Starlight), or none. */
const devSize = args.quick ? '10x200' : (args.dev ?? '1000x20000');
const withStarlight = !args['no-starlight'];
/**
 * data/site.yaml `recordListLimit` for a second build of each size, if asked for: a number, or
 * `all` (every record listed, where a large site would count past 50 by default).
 */
const listLimit = ((setting = args['record-list-limit']): SiteSettings['recordListLimit'] => {
  if (setting === undefined) return undefined;
  // The schema says what the setting takes; a number on the command line is text until here.
  const parsed = siteSchema.shape.recordListLimit.safeParse(setting === 'all' ? setting : Number(setting));
  if (parsed.success) return parsed.data;
  process.stderr.write(`bad --record-list-limit "${setting}": a whole number of at least 1, or all\n`);
  process.exit(2);
})();
const ASTRO_BIN = (root: string) => join(root, 'node_modules/astro/bin/astro.mjs');
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

function machine() {
  return {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString(),
  };
}

/**
 * One cold build, in a process tree of its own so its time and memory can be measured. Driftwatch
 * builds as `npm run build` does (scripts/build.ts: Astro, and Pagefind fed beside it, in a
 * process of its own); the baseline through Astro's API (scripts/bench/build-site.ts). Each gets
 * a fresh cache folder, social cards included, so nothing comes from an earlier run or touches
 * the repository's own cache.
 */
async function build(kind: 'driftwatch' | 'baseline' | 'starlight', root: string, outDir: string, env: NodeJS.ProcessEnv, logFile: string): Promise<RunResult & { stats?: DistStats }> {
  const cacheDir = `${outDir}-cache`;
  rmSync(outDir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
  // Starlight builds with its own Astro CLI (its own node_modules), search index included.
  const args =
    kind === 'driftwatch'
      ? [join(REPO, 'scripts/build.ts'), '--root', root, '--outDir', outDir]
      : kind === 'starlight'
        ? [ASTRO_BIN(root), 'build', '--root', root, '--outDir', outDir]
        : ['--max-old-space-size=8192', join(REPO, 'scripts/bench/build-site.ts'), root, outDir, cacheDir];
  // Astro writes its prerender bundle to <outDir>/.prerender when outDir is inside the working
  // folder, else to <cwd>/.astro/.prerender, which builds of the same repository would share.
  const result = await run(NODE, args, {
    cwd: dirname(outDir),
    // No host's limits: a shell's DRIFTWATCH_HOST must not fail the bench's large sizes.
    env: { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...projectEnv({ astroCache: cacheDir, socialCardCache: join(cacheDir, 'og'), host: '' }) },
  });
  writeFileSync(logFile, result.output);
  if (result.code !== 0) {
    log(`build failed (exit ${result.code}); the end of its output is in ${logFile}`);
    return result;
  }
  return { ...result, stats: distStats(outDir) };
}

/** What else the machine did during a build (measure.ts), for reading its time: nothing when unknown. */
const othersNote = (run: RunResult) =>
  run.othersCpuSeconds === undefined ? '' : ` (the rest of the machine meanwhile: ${run.othersCpuSeconds.toFixed(1)} s of CPU, ${(run.stealSeconds ?? 0).toFixed(1)} s stolen)`;

const cpuRatio = (run: RunResult, base: RunResult) => (run.cpuSeconds && base.cpuSeconds ? run.cpuSeconds / base.cpuSeconds : undefined);

const BASELINE_NAMES = { plain: 'bare Astro', gfm: 'bare Astro + remark-gfm' } as const;

/** Writes and builds one baseline project (see scripts/bench/baseline.ts for the two kinds). */
async function buildBaseline(incidents: number, site: GeneratedSite, kind: BaselineKind): Promise<Row> {
  const name = kind === 'plain' ? `baseline-${incidents}` : `baseline-${kind}-${incidents}`;
  writeBaseline(join(out, name), site, REPO, kind);
  log(`${incidents} incidents: building the ${BASELINE_NAMES[kind]} baseline…`);
  const result = await build('baseline', join(out, name), join(out, `dist-${name}`), {}, join(out, `${name}.log`));
  log(`${incidents} incidents: ${BASELINE_NAMES[kind]} ${result.seconds.toFixed(1)} s${othersNote(result)}`);
  return { site: BASELINE_NAMES[kind], size: `${incidents} pages`, build: result, ratio: 1, cpuRatio: 1 };
}

/** Builds the Starlight project of the same write-ups (installing its pinned packages the first time). */
async function buildStarlight(incidents: number, site: GeneratedSite): Promise<Row | undefined> {
  const dir = join(out, 'starlight');
  const failed = installStarlight(dir, REPO, log);
  if (failed) {
    log(`Starlight skipped: ${failed}`);
    return undefined;
  }
  writeStarlight(dir, site);
  log(`${incidents} incidents: building with Starlight ${starlightPackages(REPO)['@astrojs/starlight']}…`);
  // Its output inside its own folder: the prerender bundle written beside the output resolves
  // packages from there, and the work folder's node_modules are Driftwatch's.
  const result = await build('starlight', dir, join(dir, 'dist'), {}, join(out, `starlight-${incidents}.log`));
  log(`${incidents} incidents: Starlight ${result.seconds.toFixed(1)} s${othersNote(result)}`);
  return { site: 'Starlight', size: `${incidents} write-ups`, build: result };
}

/** The dev loop of one project; a failure is reported in the table, not thrown. */
async function devLoop(label: string, options: Parameters<typeof measureDevLoop>[0]): Promise<DevLoop | { error: string }> {
  log(`${label}: timing the editor's loop in astro dev…`);
  try {
    return await measureDevLoop({ ...options, log: (line) => log(`${label}: ${line}`) });
  } catch (error) {
    log(`${label}: dev loop failed: ${(error as Error).message}`);
    return { error: (error as Error).message };
  }
}

/** Four incident slugs spread over the site: the first is edited, the others are the warm pages. */
const incidentSlugs = (site: GeneratedSite) => {
  const slugs = [...site.files.keys()].flatMap((path) => /^content\/incidents\/(.+)\.mdx$/.exec(path)?.[1] ?? []).sort();
  return [0.5, 0.1, 0.3, 0.7].map((at) => slugs[Math.floor(at * (slugs.length - 1))]!);
};

mkdirSync(out, { recursive: true });
// Builds run from the work folder (see build()); their prerender bundles import packages from here.
if (!existsSync(join(out, 'node_modules'))) symlinkSync(join(REPO, 'node_modules'), join(out, 'node_modules'), 'dir');
log(`machine: ${JSON.stringify(machine())}`);
log(`work folder: ${out}`);
const rows: Row[] = [];
const baselines = new Map<number, Row>();
const gfmBaselines = new Map<number, Row>();
const starlights = new Map<number, Row>();
const devRows: Row[] = [];
for (const size of sizes) {
  const label = `${size.incidents} / ${size.records}`;
  const name = `${size.incidents}x${size.records}`;
  const siteDir = join(out, `site-${name}`);
  let started = performance.now();
  const site = generateSite({ ...size, seed });
  writeSite(siteDir, site);
  log(`${label}: generated ${site.files.size} files in ${((performance.now() - started) / 1000).toFixed(1)} s (${JSON.stringify(site.counts.byKind)}, ${site.counts.sources} sources, ${site.counts.actors} actors)`);

  // The baselines depend only on the MDX pages: one of each per incident count.
  let baseline = baselines.get(size.incidents);
  let gfm = gfmBaselines.get(size.incidents);
  if (!baseline && only !== 'driftwatch') {
    baseline = await buildBaseline(size.incidents, site, 'plain');
    baselines.set(size.incidents, baseline);
    rows.push(baseline);
    gfm = await buildBaseline(size.incidents, site, 'gfm');
    gfm.ratio = gfm.build.seconds / baseline.build.seconds;
    gfm.cpuRatio = cpuRatio(gfm.build, baseline.build);
    gfmBaselines.set(size.incidents, gfm);
    rows.push(gfm);
  }
  let starlight = starlights.get(size.incidents);
  if (!starlight && withStarlight && only !== 'driftwatch') {
    starlight = await buildStarlight(size.incidents, site);
    if (starlight) {
      if (baseline) Object.assign(starlight, { ratio: starlight.build.seconds / baseline.build.seconds, cpuRatio: cpuRatio(starlight.build, baseline.build) });
      starlights.set(size.incidents, starlight);
      rows.push(starlight);
      if (size.incidents === Number(devSize.split('x')[0])) {
        const slugs = incidentSlugs(site);
        const dir = join(out, 'starlight');
        const dev = await devLoop(`Starlight ${size.incidents}`, { command: NODE, args: [ASTRO_BIN(dir), 'dev', '--root', dir], cwd: dir, pages: slugs.map((s) => starlightIncident(s).path), file: join(dir, starlightIncident(slugs[0]!).file) });
        devRows.push({ ...starlight, dev });
      }
    }
  }
  if (only === 'baseline') continue;

  log(`${label}: npm run check…`);
  started = performance.now();
  const check = await run(NODE, [join(REPO, 'scripts/check.ts'), '--root', siteDir], { cwd: REPO });
  const checkSeconds = (performance.now() - started) / 1000;
  const checkSummary = check.output.trim().split('\n').at(-1) ?? '';
  log(`${label}: check ${checkSeconds.toFixed(1)} s, ${checkSummary}`);

  /** A Driftwatch build of `dir` as a row, its ratios to this size's baselines and Starlight. */
  const driftwatchRow = async (siteLabel: string, dir: string, tag: string): Promise<Row> => {
    log(`${label}: building with ${siteLabel}…`);
    const result = await build('driftwatch', REPO, join(out, `dist-${tag}`), projectEnv({ project: dir }), join(out, `build-${tag}.log`));
    log(`${label}: ${siteLabel} build ${result.seconds.toFixed(1)} s${othersNote(result)}`);
    return {
      site: siteLabel,
      size: label,
      build: result,
      ratio: baseline ? result.seconds / baseline.build.seconds : undefined,
      cpuRatio: baseline ? cpuRatio(result, baseline.build) : undefined,
      gfmRatio: gfm ? result.seconds / gfm.build.seconds : undefined,
      gfmCpuRatio: gfm ? cpuRatio(result, gfm.build) : undefined,
      starlightRatio: starlight && starlight.build.code === 0 ? result.seconds / starlight.build.seconds : undefined,
      starlightCpuRatio: starlight && starlight.build.code === 0 ? cpuRatio(result, starlight.build) : undefined,
    };
  };
  // Past LARGE_SITE_RECORDS the site as generated counts past LARGE_SITE_LIST_LIMIT a page: its row says so.
  const asGenerated = size.records > LARGE_SITE_RECORDS ? `Driftwatch, counting past ${LARGE_SITE_LIST_LIMIT} (the default)` : 'Driftwatch';
  rows.push({ ...(await driftwatchRow(asGenerated, siteDir, name)), check: { seconds: checkSeconds, cpuSeconds: check.cpuSeconds, summary: checkSummary, code: check.code } });
  const checked = rows.at(-1)!;
  if (name === devSize) {
    const slugs = incidentSlugs(site);
    const dataEdit = incidentDataEdit(site, slugs[0]!);
    const dev = await devLoop(`Driftwatch ${label}`, {
      command: NODE,
      args: [ASTRO_BIN(REPO), 'dev'],
      cwd: REPO,
      env: projectEnv({ project: siteDir }),
      pages: slugs.map((slug) => `/incidents/${slug}/`),
      file: join(siteDir, `content/incidents/${slugs[0]}.mdx`),
      dataEdit: { ...dataEdit, file: join(siteDir, dataEdit.file) },
    });
    devRows.push({ ...checked, dev });
  }
  if (listLimit !== undefined) {
    const limited = `${name}-list${listLimit}`;
    writeSite(join(out, `site-${limited}`), withRecordListLimit(site, listLimit));
    rows.push(await driftwatchRow(`Driftwatch, recordListLimit ${listLimit}`, join(out, `site-${limited}`), limited));
  }
  writeFileSync(join(out, 'results.json'), `${JSON.stringify({ machine: machine(), seed, rows: rows.map(({ build: b, ...rest }) => ({ ...rest, build: { seconds: b.seconds, cpuSeconds: b.cpuSeconds, othersCpuSeconds: b.othersCpuSeconds, stealSeconds: b.stealSeconds, peakRssBytes: b.peakRssBytes, peakProcessRssBytes: b.peakProcessRssBytes, code: b.code, stats: b.stats } })), dev: devRows.map((row) => ({ site: row.site, size: row.size, dev: row.dev })) }, null, 2)}\n`);
}

process.stdout.write(`\n${formatTable(rows)}\n`);
if (devRows.length > 0) process.stdout.write(`\nThe editor's loop in astro dev (${devSize}):\n\n${formatDevTable(devRows)}\n`);
const over = rows.flatMap((row) => (row.build.stats?.overBudget ?? []).slice(0, 5).map((p) => `${row.size}: ${p.page} ${(p.bytes / 1024).toFixed(0)} KB gzipped`));
if (over.length > 0) process.stdout.write(`\nPages over 300 KB of HTML gzipped (largest five per size):\n${over.map((l) => `- ${l}`).join('\n')}\n`);
process.stdout.write(`\nMachine: ${JSON.stringify(machine())}\nResults: ${join(out, 'results.json')}\n`);
process.exitCode = rows.some((row) => row.build.code !== 0 || (row.check && row.check.code !== 0)) ? 1 : 0;
