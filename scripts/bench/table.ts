/** The bench's one table, as Markdown (readable in a terminal, pasteable into docs/performance.md). */
import type { DistStats, RunResult } from './measure.ts';
import type { DevLoop } from './dev-loop.ts';

export interface Row {
  site: string;
  /** `<incidents> / <records>`, or the page count of a baseline. */
  size: string;
  build: RunResult & { stats?: DistStats };
  /** Build time over the baseline's of the same run. */
  ratio?: number;
  /** The same, in CPU seconds. */
  cpuRatio?: number;
  /** Build time over the `remark-gfm` baseline's (wall, CPU): what Driftwatch adds to its stack. */
  gfmRatio?: number;
  gfmCpuRatio?: number;
  /** Build time over Starlight's with the same write-ups (wall, CPU): the issue-15 target. */
  starlightRatio?: number;
  starlightCpuRatio?: number;
  check?: { seconds: number; cpuSeconds?: number; summary: string; code: number };
  /** `astro dev`, timed as an editor lives it (scripts/bench/dev-loop.ts). */
  dev?: DevLoop | { error: string };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)}`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)}`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)}`;

const ratios = (wall?: number, cpu?: number) => (wall === undefined ? '–' : `${wall.toFixed(2)} / ${cpu === undefined ? '–' : cpu.toFixed(2)}`);

export function formatTable(rows: Row[]): string {
  const header = ['site', 'incidents / records', 'build s', 'build CPU s', '× baseline (wall / CPU)', '× GFM baseline (wall / CPU)', '× Starlight (wall / CPU)', 'peak RSS MB (tree / largest process)', 'pages', 'files', 'dist/ MB', 'largest file MiB', 'HTML KB gz median / max', 'JS KB gz median / max', 'check s'];
  const lines = rows.map((row) => {
    const s = row.build.stats;
    return [
      row.site,
      row.size,
      row.build.code === 0 ? row.build.seconds.toFixed(1) : `failed (${row.build.code})`,
      row.build.cpuSeconds === undefined ? '–' : row.build.cpuSeconds.toFixed(1),
      ratios(row.ratio, row.cpuRatio),
      ratios(row.gfmRatio, row.gfmCpuRatio),
      ratios(row.starlightRatio, row.starlightCpuRatio),
      `${mb(row.build.peakRssBytes)} / ${mb(row.build.peakProcessRssBytes)}`,
      s ? String(s.pages) : '–',
      s ? String(s.files) : '–',
      s ? mb(s.bytes) : '–',
      s ? `${mib(s.largest.bytes)} (${s.largest.path})` : '–',
      s ? `${kb(s.html.median)} / ${kb(s.html.max)}` : '–',
      s ? `${kb(s.js.median)} / ${kb(s.js.max)}` : '–',
      row.check ? `${row.check.seconds.toFixed(1)}${row.check.cpuSeconds === undefined ? '' : ` (CPU ${row.check.cpuSeconds.toFixed(1)})`}${row.check.code === 0 ? '' : ' (errors)'}` : '–',
    ];
  });
  const table = [header, header.map(() => '---'), ...lines];
  return table.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** The dev loop's table: one row per site that was timed in `astro dev`. */
export function formatDevTable(rows: Row[]): string {
  const header = ['site', 'incidents / records', 'server ready s', 'first page s', 'warm page s', 'saved edit visible s', 'saved data edit visible s'];
  const lines = rows.filter((row) => row.dev).map((row) => {
    const dev = row.dev!;
    if ('error' in dev) return [row.site, row.size, `failed: ${dev.error.replaceAll('|', '/').slice(0, 120)}`, '–', '–', '–', '–'];
    return [row.site, row.size, dev.ready.toFixed(1), dev.firstPage.toFixed(2), dev.warmPage.toFixed(2), dev.savedEdit.toFixed(2), dev.savedDataEdit?.toFixed(2) ?? '–'];
  });
  return [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
