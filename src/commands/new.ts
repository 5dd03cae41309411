/** The `npm run new` command: writes skeletons into content/ and data/. */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { checkProject, type CheckResult } from '../check/validate.ts';
import { didYouMean } from '../check/suggest.ts';
import { parseDate } from '../schema/edtf.ts';
import { hostOf } from '../safety/url.ts';
import { ID_PATTERN, RECORD_KINDS, type RecordKind } from '../schema/index.ts';
import { listFiles, MDX_DIRS, MDX_EXTENSIONS, REGISTRY_FILES } from '../check/project-files.ts';
import { actorSkeleton, incidentSkeleton, platformSkeleton, recordSkeleton, slugify, sourceSkeleton, uniqueId, yamlListItem } from '../scaffold/skeletons.ts';
import { dateFromUrl } from '../scaffold/url-date.ts';
import { readArgs, UsageError } from './args.ts';
import { projectProblem } from './check.ts';
import { projectDir } from '../site/paths.ts';

const USAGE = `usage:
  npm run new -- incident "Title of the incident" [--date 2020-11-02] [--slug <slug>]
  npm run new -- source https://example.org/2020/11/03/article [--date 2020-11-03] [--id <id>]
  npm run new -- record <${RECORD_KINDS.join('|')}> --incident <slug> [--date 2020-11-02T20:00:00+01:00] [--file data/records/<name>.yaml] [--id <id>]
  npm run new -- actor "Name" [--id <id>]
  npm run new -- platform "Name" [--id <id>]`;

const OPTIONS = {
  date: { type: 'string' },
  slug: { type: 'string' },
  id: { type: 'string' },
  incident: { type: 'string' },
  file: { type: 'string' },
  // Read by `newCommand`; `runNew` is given the folder.
  root: { type: 'string' },
} as const;

type Options = { [K in keyof typeof OPTIONS]?: string };
type Log = (line: string) => void;

function append(root: string, file: string, text: string): void {
  const path = join(root, file);
  mkdirSync(dirname(path), { recursive: true });
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : '';
  appendFileSync(path, `${existing && !existing.endsWith('\n') ? '\n' : ''}${existing ? '\n' : ''}${text}`);
}

/** Ids already used in `registry`, read from the files (valid or not). */
function takenIds(check: CheckResult, registry: string): Set<string> {
  const prefix = `${registry}:`;
  return new Set([...check.locations.keys()].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length)));
}

/** Why a flag's value cannot be used, or undefined: a date that does not parse, an id of the wrong shape. */
function badOption(options: Options): string | undefined {
  if (options.date !== undefined) {
    try {
      parseDate(options.date);
    } catch (error) {
      return `--date: ${(error as Error).message}`;
    }
  }
  for (const flag of ['slug', 'id'] as const) {
    const value = options[flag];
    if (value !== undefined && !ID_PATTERN.test(value)) return `--${flag} "${value}" must be lower-case words joined by dashes, e.g. vienna-shooting-2020`;
  }
  return undefined;
}

/**
 * The record file an incident's records live in: the one holding most of them already, else
 * `data/records/<slug>.yaml`, so an incident's records stay together in one file.
 */
function incidentRecordsFile(check: CheckResult, incident: string): string {
  const counts = new Map<string, number>();
  for (const [key, entry] of check.locations) {
    const listed = (entry.value as { incidents?: unknown }).incidents;
    if (key.startsWith('records:') && Array.isArray(listed) && listed.includes(incident)) counts.set(entry.file, (counts.get(entry.file) ?? 0) + 1);
  }
  const [most] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return most?.[0] ?? `data/records/${incident}.yaml`;
}

function newIncident(root: string, title: string, options: Options, log: Log): number {
  const slug = options.slug ?? slugify(title);
  const file = `content/incidents/${slug}.mdx`;
  if (existsSync(join(root, file))) {
    log(`${file} exists already: give this incident its own slug, e.g. npm run new -- incident ${JSON.stringify(title)} --slug ${slug}-${options.date?.slice(0, 4) ?? '<year or place>'}`);
    return 2;
  }
  mkdirSync(join(root, 'content/incidents'), { recursive: true });
  writeFileSync(join(root, file), incidentSkeleton(title, options.date));
  log(`wrote ${file}: a draft (npm run dev shows it, the build leaves it out until status: published); fill in its TODO fields (npm run check lists them)`);
  return 0;
}

function newSource(root: string, url: string, options: Options, log: Log): number {
  const host = hostOf(url);
  if (!host || !/^https?:\/\//i.test(url)) {
    log(`"${url}" is not an http(s) URL\n${USAGE}`);
    return 2;
  }
  const published = options.date ?? dateFromUrl(url);
  const check = checkProject(root);
  const name = slugify(host.replace(/^www\./, '').split('.').slice(0, -1).join('-') || host, 'source');
  const id = options.id ?? uniqueId(published ? `${name}-${published}` : name, takenIds(check, 'sources'));
  if (takenIds(check, 'sources').has(id)) return taken(log, 'source', id, 'data/sources.yaml');
  append(root, 'data/sources.yaml', yamlListItem(sourceSkeleton(url, id, published)));
  const dated = options.date ? '' : published ? ` (published ${published}, from the URL)` : ' (no date in the URL: fill in "published", or give --date)';
  log(`added source "${id}" to data/sources.yaml${dated}: fill in the TODO fields (npm run check lists them)`);
  return 0;
}

function taken(log: Log, what: string, id: string, file: string): number {
  log(`${what} id "${id}" is taken already (${file}): give another with --id <id>`);
  return 2;
}

function newRecord(root: string, kind: string, options: Options, log: Log): number {
  if (!(RECORD_KINDS as readonly string[]).includes(kind)) {
    log(`unknown record kind "${kind}"${didYouMean(kind, RECORD_KINDS)}\n${USAGE}`);
    return 2;
  }
  const check = checkProject(root);
  const { incident } = options;
  const slugs = listFiles(join(root, MDX_DIRS.incidents), MDX_EXTENSIONS).map((name) => name.replace(/\.mdx?$/, ''));
  if (incident !== undefined && !slugs.includes(incident)) {
    log(`no incident "${incident}"${didYouMean(incident, slugs)} in content/incidents/: write it first with npm run new -- incident "Title"`);
    return 2;
  }
  const file = options.file ?? (incident ? incidentRecordsFile(check, incident) : `data/records/${options.date?.slice(0, 4) ?? 'records'}.yaml`);
  const ids = takenIds(check, 'records');
  const base = options.date ? `${kind}-${options.date.slice(0, 10)}` : incident ? `${incident}-${kind}` : kind;
  const id = options.id ?? uniqueId(base, ids);
  if (ids.has(id)) return taken(log, 'record', id, file);
  append(root, file, yamlListItem(recordSkeleton(kind as RecordKind, { id, date: options.date, incident })));
  const listed = incident ? ` under incident "${incident}"` : ' (no --incident: fill in "incidents", or delete it if the record belongs to none)';
  log(`added ${kind} "${id}" to ${file}${listed}: fill in the TODO fields (npm run check lists them)`);
  return 0;
}

function newRegistryEntry(root: string, registry: 'actors' | 'platforms', name: string, options: Options, log: Log): number {
  const file = REGISTRY_FILES[registry];
  const id = options.id ?? slugify(name, registry === 'actors' ? 'actor' : 'platform');
  const what = registry === 'actors' ? 'actor' : 'platform';
  if (takenIds(checkProject(root), registry).has(id)) return taken(log, what, id, file);
  append(root, file, yamlListItem((registry === 'actors' ? actorSkeleton : platformSkeleton)(id, name)));
  log(`added ${what} "${id}" to ${file}: fill in the TODO fields (npm run check lists them); records name it as "${id}"`);
  return 0;
}

function parse(argv: string[]): { values: Options; positionals: string[] } {
  return readArgs({ args: argv, options: OPTIONS, allowPositionals: true }, { root: 'a folder' });
}

/**
 * `npm run new`: into the project the build and the check read (--root <folder>, else
 * DRIFTWATCH_PROJECT, else the working folder), saying which when it is not the working folder.
 */
export function newCommand(argv: string[], log: Log = console.log): number {
  let root: string;
  try {
    const { root: given } = parse(argv).values;
    root = given ? resolve(given) : projectDir(process.cwd());
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    log(`${error.message}\n${USAGE}`);
    return 2;
  }
  const missing = projectProblem(root);
  if (missing) {
    log(missing);
    return 2;
  }
  if (root !== process.cwd()) log(`project: ${root}`);
  return runNew(argv, root, log);
}

/** Writes the skeleton `argv` asks for into the project at `root`. */
export function runNew(argv: string[], root: string, log: Log = console.log): number {
  let parsed: { values: Options; positionals: string[] };
  try {
    parsed = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    log(`${error.message}\n${USAGE}`);
    return 2;
  }
  const { values: options, positionals } = parsed;
  const [what, arg, ...extra] = positionals;
  const problem = badOption(options) ?? (extra.length > 0 ? `one ${what ?? 'thing'} at a time: unexpected "${extra.join(' ')}" (quote a title with spaces)` : undefined);
  if (problem) {
    log(`${problem}\n${USAGE}`);
    return 2;
  }
  if (arg === undefined) {
    log(USAGE);
    return 2;
  }
  switch (what) {
    case 'incident':
      return newIncident(root, arg, options, log);
    case 'source':
      return newSource(root, arg, options, log);
    case 'record':
      return newRecord(root, arg, options, log);
    case 'actor':
      return newRegistryEntry(root, 'actors', arg, options, log);
    case 'platform':
      return newRegistryEntry(root, 'platforms', arg, options, log);
    default:
      log(`unknown thing to write "${what}"${didYouMean(what ?? '', ['incident', 'source', 'record', 'actor', 'platform'])}\n${USAGE}`);
      return 2;
  }
}
