/**
 * `npm run archive`: asks an archive service to capture the sources, records the SHA-256 of each
 * original, and writes the captures into data/sources.yaml (src/archive/sources-file.ts keeps the
 * rest of the file byte for byte). `--check` reports originals and captures that no longer answer
 * and changes nothing.
 *
 * One source at a time: the original is fetched and hashed, then the capture asked for; only when
 * both succeeded is the file written (write, then rename), so a failed or interrupted source
 * leaves nothing behind.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REGISTRY_FILES } from '../check/project-files.ts';
import { didYouMean } from '../check/suggest.ts';
import { DEFAULT_SERVICE, hashOriginal, linkRot, requestCapture } from '../archive/capture.ts';
import { PoliteClient } from '../archive/polite.ts';
import { addCapture, archivableSources, SourcesFileError, type ArchivableSource } from '../archive/sources-file.ts';
import { projectDir } from '../site/paths.ts';
import { readArgs, UsageError } from './args.ts';
import { projectProblem } from './check.ts';

const USAGE = `usage: npm run archive -- [--all | --source <id> …] [--service <base>] [--delay <s>] [--timeout <s>] [--retries <n>] [--root <folder>]
       npm run archive -- --check [--source <id> …]
  Captures every source with a url and no capture yet (--all: every source with a url again).
  --service   a Wayback-compatible save address, asked for <base><url> (default ${DEFAULT_SERVICE})
  --delay     seconds between requests, and the first back-off (default 5)
  --timeout   seconds one request may take (default 120)
  --retries   times a busy (429) or failing (5xx) answer is asked again (default 3)
  --check     reports originals and captures that no longer answer; changes nothing`;

const OPTIONS = {
  all: { type: 'boolean' },
  source: { type: 'string', multiple: true },
  check: { type: 'boolean' },
  service: { type: 'string' },
  delay: { type: 'string' },
  timeout: { type: 'string' },
  retries: { type: 'string' },
  root: { type: 'string' },
  help: { type: 'boolean' },
} as const;

type Write = (line: string) => void;

function seconds(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0) throw new UsageError(`--${flag} must be a number of seconds, not "${value}"`);
  return number * 1000;
}

function parse(argv: string[]) {
  const { values } = readArgs({ args: argv, options: OPTIONS }, { source: 'a source id', service: 'an address', delay: 'seconds', timeout: 'seconds', retries: 'a number', root: 'a folder' });
  if (values.all && values.source) throw new UsageError('--all and --source: give one or the other');
  const service = values.service ?? DEFAULT_SERVICE;
  if (!/^https?:\/\//i.test(service) || !URL.canParse(service)) throw new UsageError(`--service must be an http(s) address, not "${service}"`);
  const retries = values.retries === undefined ? 3 : Number(values.retries);
  if (!Number.isInteger(retries) || retries < 0) throw new UsageError(`--retries must be a whole number, not "${values.retries}"`);
  return {
    ...values,
    service,
    retries,
    delayMs: seconds(values.delay, 5, 'delay'),
    timeoutMs: seconds(values.timeout, 120, 'timeout'),
  };
}

/** The sources to work on: those named, else every one with a url (and, to capture, no capture unless --all). */
function chosen(sources: ArchivableSource[], named: string[] | undefined, all: boolean, checking: boolean): ArchivableSource[] {
  if (named) {
    const byId = new Map(sources.map((s) => [s.id, s]));
    for (const id of named) if (!byId.has(id)) throw new UsageError(`no source "${id}" in ${REGISTRY_FILES.sources}${didYouMean(id, byId.keys())}`);
    return named.map((id) => byId.get(id)!);
  }
  if (checking) return sources.filter((s) => s.url !== undefined || s.archived.length > 0);
  return sources.filter((s) => s.url !== undefined && (all || s.captures === 0));
}

const short = (hash: string) => `${hash.slice(0, 12)}…`;

export async function runArchive(argv: string[], write: Write = (line) => process.stdout.write(`${line}\n`)): Promise<number> {
  let options;
  try {
    options = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    write(`${error.message}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    write(USAGE);
    return 0;
  }
  const root = options.root ? resolve(options.root) : projectDir(process.cwd());
  const missing = projectProblem(root);
  if (missing) {
    write(missing);
    return 2;
  }
  const file = join(root, REGISTRY_FILES.sources);
  let sources: ArchivableSource[];
  try {
    sources = chosen(archivableSources(readFileSync(file, 'utf8')), options.source, options.all === true, options.check === true);
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof SourcesFileError || (error as NodeJS.ErrnoException).code === 'ENOENT')) throw error;
    write(error instanceof UsageError ? `${error.message}\n${USAGE}` : `${REGISTRY_FILES.sources}: ${(error as Error).message}`);
    return 2;
  }
  const client = new PoliteClient({
    delayMs: options.delayMs,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    userAgent: 'Driftwatch-archive (+https://github.com/driftwatch; one request at a time)',
    onRetry: (why, waitMs) => write(`  ${why}: asking again in ${Math.round(waitMs / 100) / 10} s`),
  });
  return options.check ? checkRot(client, sources, write) : capture(client, options.service, file, sources, write);
}

async function capture(client: PoliteClient, service: string, file: string, sources: ArchivableSource[], write: Write): Promise<number> {
  if (sources.length === 0) {
    write('every source with a url has a capture already (--all captures them again, --source <id> one)');
    return 0;
  }
  const failed: string[] = [];
  for (const [index, source] of sources.entries()) {
    const prefix = `[${index + 1}/${sources.length}] ${source.id}:`;
    if (!source.url) {
      failed.push(source.id);
      write(`${prefix} failed: it has no url to capture`);
      continue;
    }
    try {
      const sha256 = await hashOriginal(client, source.url);
      const made = await requestCapture(client, service, source.url);
      // Read again right before writing: an editor may have saved the file meanwhile.
      const text = addCapture(readFileSync(file, 'utf8'), source.id, { ...made, sha256, service });
      writeFileSync(`${file}.archive-tmp`, text);
      renameSync(`${file}.archive-tmp`, file);
      write(`${prefix} captured ${made.url} at ${made.at}, sha256 ${short(sha256)}`);
    } catch (error) {
      if (!(error instanceof Error) || error.name === 'TypeError') throw error;
      failed.push(source.id);
      write(`${prefix} failed: ${error.message}; nothing written`);
    }
  }
  const done = sources.length - failed.length;
  write(`${done} of ${sources.length} source${sources.length === 1 ? '' : 's'} captured${failed.length ? `; failed: ${failed.join(', ')} (run again to retry them)` : ''}`);
  return failed.length ? 1 : 0;
}

async function checkRot(client: PoliteClient, sources: ArchivableSource[], write: Write): Promise<number> {
  let checked = 0;
  let gone = 0;
  for (const [index, source] of sources.entries()) {
    const addresses = [...(source.url ? [['original', source.url] as const] : []), ...source.archived.map((url) => ['capture', url] as const)];
    const problems: string[] = [];
    for (const [what, url] of addresses) {
      checked++;
      const rot = await linkRot(client, url);
      if (rot) problems.push(`${what} ${url} ${rot}`);
    }
    gone += problems.length;
    write(`[${index + 1}/${sources.length}] ${source.id}: ${problems.length ? problems.join('; ') : `${addresses.length} address${addresses.length === 1 ? '' : 'es'} answer`}`);
  }
  write(`${checked} address${checked === 1 ? '' : 'es'} checked: ${gone === 0 ? 'all answer' : `${gone} no longer answer${gone === 1 ? 's' : ''}`}; nothing was changed`);
  return gone ? 1 : 0;
}
