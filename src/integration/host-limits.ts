/**
 * After `npm run build`: how large the output is, against what static hosts accept. A site that
 * grows past a host's limit builds fine and fails only at upload, minutes later, in another tool's
 * words (or, on GitHub Pages, is published over its documented size); the build says it first,
 * and names the file or the count at fault.
 *
 * Every limit is a warning. `DRIFTWATCH_HOST` names the host a build is for: crossing that host's
 * limits then fails the build (after dist/ is written, so it can be looked at).
 */
import { lstatSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { formatCount } from '../data/counts.ts';

export interface OutputSize {
  bytes: number;
  files: number;
  /** Files over the smallest per-file limit, largest first (path under the output folder). */
  oversized: { path: string; bytes: number }[];
  largest: { path: string; bytes: number } | undefined;
}

const MiB = 1024 * 1024;

/**
 * The hosts docs/deploy.md covers, with the limits each publishes. Netlify publishes none that a
 * site of this kind meets, so it has none here.
 */
export const HOSTS = {
  'cloudflare-pages': { name: 'Cloudflare Pages', fileBytes: 25 * MiB, files: 20_000, siteBytes: undefined },
  'github-pages': { name: 'GitHub Pages', fileBytes: undefined, files: undefined, siteBytes: 1_000_000_000 },
  netlify: { name: 'Netlify', fileBytes: undefined, files: undefined, siteBytes: undefined },
} as const satisfies Record<string, { name: string; fileBytes: number | undefined; files: number | undefined; siteBytes: number | undefined }>;

export type HostId = keyof typeof HOSTS;

export const isHostId = (value: string): value is HostId => Object.hasOwn(HOSTS, value);

/** The smallest size a host refuses a file at: files over it are kept by name for the report. */
const SMALLEST_FILE_LIMIT = Math.min(...Object.values(HOSTS).flatMap((host) => (host.fileBytes === undefined ? [] : [host.fileBytes])));

/** Every file under `dir`, links counted as themselves and never followed. */
export function outputSize(dir: string): OutputSize {
  const size: OutputSize = { bytes: 0, files: 0, oversized: [], largest: undefined };
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        visit(path);
        continue;
      }
      const bytes = lstatSync(path).size;
      const name = relative(dir, path).split(sep).join('/');
      size.bytes += bytes;
      size.files += 1;
      if (!size.largest || bytes > size.largest.bytes) size.largest = { path: name, bytes };
      if (bytes > SMALLEST_FILE_LIMIT) size.oversized.push({ path: name, bytes });
    }
  };
  visit(dir);
  size.oversized.sort((a, b) => b.bytes - a.bytes);
  return size;
}

const ONE_DECIMAL = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Sizes as the bench and docs/deploy.md give them: MiB past one (`1,131.2 MiB`), KiB below. */
export function formatBytes(bytes: number): string {
  return bytes >= MiB ? `${ONE_DECIMAL.format(bytes / MiB)} MiB` : `${ONE_DECIMAL.format(bytes / 1024)} KiB`;
}

export interface HostProblem {
  host: HostId;
  text: string;
  /** A limit of the whole site (its bytes, its files), which grows with its records. */
  grows?: boolean;
}

/** At most this many oversized files are named; the rest are counted. */
const NAMED_FILES = 5;

/** What brings a site's bytes and files down: said once a limit of either is crossed. */
export const SIZE_HINT = 'hint: a lower recordListLimit in data/site.yaml (a number, where it is unset or all) makes the pages of large incidents, busy months and busy years of the map count their records rather than list each (docs/scale.md)';

/** Each limit of each host that `size` crosses, in words. */
export function hostProblems(size: OutputSize): HostProblem[] {
  const problems: HostProblem[] = [];
  for (const [id, host] of Object.entries(HOSTS) as [HostId, (typeof HOSTS)[HostId]][]) {
    if (host.siteBytes !== undefined && size.bytes > host.siteBytes) {
      problems.push({ host: id, text: `${host.name} takes a site of at most ${formatCount(host.siteBytes / 1_000_000)} MB; this one is ${formatCount(Math.ceil(size.bytes / 1_000_000))} MB`, grows: true });
    }
    if (host.files !== undefined && size.files > host.files) {
      problems.push({ host: id, text: `${host.name} takes at most ${formatCount(host.files)} files (its free plan); this site has ${formatCount(size.files)}`, grows: true });
    }
    const fileBytes = host.fileBytes;
    if (fileBytes !== undefined) {
      const over = size.oversized.filter((file) => file.bytes > fileBytes);
      if (over.length > 0) {
        const named = over.slice(0, NAMED_FILES).map((file) => `${file.path} (${formatBytes(file.bytes)})`).join(', ');
        const more = over.length > NAMED_FILES ? ` and ${formatCount(over.length - NAMED_FILES)} more` : '';
        problems.push({ host: id, text: `${host.name} refuses files over ${formatBytes(fileBytes)}: ${named}${more}` });
      }
    }
  }
  return problems;
}

/** The line every build ends with: `dist/: 12.3 MiB in 140 files; the largest data/sources.json (1.6 MiB)`. */
export function sizeLine(folder: string, size: OutputSize): string {
  const largest = size.largest ? `; the largest ${size.largest.path} (${formatBytes(size.largest.bytes)})` : '';
  return `${folder}: ${formatBytes(size.bytes)} in ${formatCount(size.files)} file${size.files === 1 ? '' : 's'}${largest}`;
}

export interface HostReport {
  /** The size line, then a warning per limit crossed of a host the build is not for, and what brings the site's size down. */
  out: string[];
  /** A line per limit crossed of `host`'s, the host the build is for: the build fails. */
  errors: string[];
}

/** What `npm run build` says of `size` at its end, for a build meant for `host` (or any host). */
export function hostReport(folder: string, size: OutputSize, host?: HostId): HostReport {
  const report: HostReport = { out: [sizeLine(folder, size)], errors: [] };
  const problems = hostProblems(size);
  for (const problem of problems) {
    if (problem.host === host) report.errors.push(`error: ${problem.text} (DRIFTWATCH_HOST=${host}; docs/deploy.md)`);
    else report.out.push(`warning: ${problem.text} (docs/deploy.md)`);
  }
  if (problems.some((problem) => problem.grows)) report.out.push(SIZE_HINT);
  return report;
}
