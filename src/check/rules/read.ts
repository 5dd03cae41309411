/**
 * Reading: every file the site reads (project-files.ts), from a listing that follows no link and
 * opens no pipe (src/data/project-fs.ts), each within its limits (src/data/limits.ts), parsed
 * with positions. Rules: `symlink`, `special-file`, `file-size`, `line-length`, `encoding`, and
 * the readers' own (`syntax`, `csv-columns`, `nesting`, `yaml-aliases`, `too-many-entries`).
 */
import { isUtf8 } from 'node:buffer';
import { parseCsv } from '../../data/csv.ts';
import { parseFrontmatter, parseYaml, type Entry, type FrontmatterFile, type ParsedFile } from '../../data/files.ts';
import { formatLimit, LIMITS } from '../../data/limits.ts';
import { positionAt } from '../../data/mdx-scan.ts';
import { listProject, readProjectFile } from '../../data/project-fs.ts';
import type { RuleId } from '../../data/rule-ids.ts';
import type { Registry } from '../../schema/index.ts';
import type { Problem } from '../../data/problems.ts';
import { copies } from '../cache.ts';
import { newContext, type CheckContext } from '../context.ts';
import { filesUnder, MDX_DIRS, MDX_EXTENSIONS, RECORD_EXTENSIONS, RECORDS_DIR, REGISTRY_FILES } from '../project-files.ts';

/** A write-up or free page: its file name (`my-page.mdx`), path, slug, and frontmatter and body. */
export interface MdxFile {
  name: string;
  file: string;
  slug: string;
  parsed: FrontmatterFile;
}

/** Every entry an editor wrote, valid or not, in the order of the files. */
export interface ProjectFiles {
  /** Every regular file of content/, data/ and public/. */
  listed: string[];
  site: Entry | undefined;
  platforms: Entry[];
  actors: Entry[];
  sources: Entry[];
  records: Entry[];
  incidents: MdxFile[];
  pages: MdxFile[];
}

/**
 * A file's text, as UTF-8. A byte-order mark (which some editors write first) is dropped, as the
 * decoder does: parsers would read it as text and every position after it would be off. Bytes
 * that are not UTF-8 (a file saved as Latin-1 or UTF-16) are an error at the first of them;
 * decoded anyway, they would be published as �.
 */
function decode(ctx: CheckContext, file: string, bytes: Buffer): string | undefined {
  // Valid UTF-8, as nearly every file is: checked in one pass, decoded without a decoder per file.
  if (isUtf8(bytes)) {
    const text = bytes.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // UTF-16 (a byte-order mark, or a zero byte beside every ASCII letter) decodes to nothing a
    // parser could read: the encoding error alone says what to do, not a parser's errors as well.
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.subarray(0, 64).includes(0)) {
      ctx.problems.push({ file, line: 1, col: 1, severity: 'error', message: 'this file is UTF-16 text, not UTF-8: save it again as UTF-8', rule: 'encoding' });
      return undefined;
    }
    const text = new TextDecoder('utf-8').decode(bytes);
    ctx.problems.push({
      file,
      ...positionAt(text, Math.max(0, text.indexOf('\uFFFD'))),
      severity: 'error',
      message: 'this file is not UTF-8 text (saved as Latin-1, Windows-1252 or UTF-16?): save it again as UTF-8; the first character that is not is here',
      rule: 'encoding',
    });
    return text;
  }
}

/** The first line longer than the limit, reported where it passes it: the file is not parsed. */
function longLine(ctx: CheckContext, file: string, text: string): boolean {
  const limit = LIMITS.lineChars.value;
  if (text.length <= limit) return false;
  for (let start = 0, line = 1; start <= text.length; line++) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    if (stop - start > limit) {
      ctx.problems.push({ file, line, col: limit + 1, severity: 'error', message: `this line is longer than ${formatLimit(limit)} characters: the file is not read`, rule: 'line-length' });
      return true;
    }
    if (end < 0) break;
    start = end + 1;
  }
  return false;
}

/**
 * What reading a listed file gives: `parse(text)` with the problems of reading and parsing it, or
 * undefined (reported) when it is refused or its text cannot be parsed. Kept by the file's bytes
 * when the check has a cache (cache.ts): a file unchanged since the last check is not parsed again.
 */
function readFile<T>(ctx: CheckContext, file: string, maxBytes: number, parse: (found: CheckContext, text: string) => T): { value: T | undefined; problems: readonly Problem[] } {
  let kept = ctx.cache?.files.get(file);
  if (kept && ctx.cache!.stale !== 'all' && !ctx.cache!.stale.has(file)) {
    // No change named since it was read: not even opened.
    ctx.problems.push(...copies(kept.problems));
    return { value: kept.value as T | undefined, problems: kept.problems };
  }
  const read = readProjectFile(ctx.root, file, maxBytes);
  if ('problem' in read) {
    if (ctx.cache) {
      ctx.cache.files.delete(file);
      ctx.cache.fresh++;
    }
    ctx.problems.push(read.problem);
    return { value: undefined, problems: [read.problem] };
  }
  if (!kept || !kept.bytes.equals(read.bytes)) {
    const found = newContext(ctx.root);
    const text = decode(found, file, read.bytes);
    const value = text === undefined || longLine(found, file, text) ? undefined : parse(found, text);
    kept = { bytes: read.bytes, problems: found.problems, value };
    if (ctx.cache) {
      ctx.cache.files.set(file, kept);
      ctx.cache.fresh++;
    }
  }
  ctx.problems.push(...copies(kept.problems));
  return { value: kept.value as T | undefined, problems: kept.problems };
}

/** The readers' problems that leave entries of a file unread (a bad row or column leaves the others). */
const UNREAD = new Set<RuleId>(['syntax', 'nesting', 'yaml-aliases', 'too-many-entries']);

/** The entries of one data file; a file that cannot be read or parsed makes its registry unreadable. */
function readEntries(ctx: CheckContext, registry: Registry | undefined, file: string, parse: (file: string, text: string) => ParsedFile): Entry[] {
  const { value, problems } = readFile(ctx, file, LIMITS.dataFileBytes.value, (found, text) => {
    const parsed = parse(file, text);
    found.problems.push(...parsed.problems);
    return parsed.entries;
  });
  if (registry && (value === undefined || problems.some((p) => UNREAD.has(p.rule)))) ctx.unreadable.add(registry);
  return value ?? [];
}

function readMdx(ctx: CheckContext, listed: string[], dir: string): MdxFile[] {
  return filesUnder(listed, dir, MDX_EXTENSIONS).flatMap((name) => {
    const file = `${dir}/${name}`;
    const { value } = readFile(ctx, file, LIMITS.mdxFileBytes.value, (_, text): MdxFile => ({ name, file, slug: name.replace(/\.mdx?$/, ''), parsed: parseFrontmatter(file, text) }));
    return value === undefined ? [] : [value];
  });
}

export function readProject(ctx: CheckContext): ProjectFiles {
  const listing = listProject(ctx.root);
  ctx.problems.push(...listing.problems);
  const listed = new Set(listing.files);
  const readList = (registry: Registry, file: string) => (listed.has(file) ? readEntries(ctx, registry, file, (f, t) => parseYaml(f, t, { shape: 'list' })) : []);
  const files: ProjectFiles = {
    listed: listing.files,
    site: listed.has(REGISTRY_FILES.site) ? readEntries(ctx, undefined, REGISTRY_FILES.site, (f, t) => parseYaml(f, t, { shape: 'mapping' }))[0] : undefined,
    platforms: readList('platforms', REGISTRY_FILES.platforms),
    actors: readList('actors', REGISTRY_FILES.actors),
    sources: readList('sources', REGISTRY_FILES.sources),
    records: filesUnder(listing.files, RECORDS_DIR, RECORD_EXTENSIONS).flatMap((name) => {
      const file = `${RECORDS_DIR}/${name}`;
      return name.endsWith('.csv') ? readEntries(ctx, 'records', file, parseCsv) : readList('records', file);
    }),
    incidents: readMdx(ctx, listing.files, MDX_DIRS.incidents),
    pages: readMdx(ctx, listing.files, MDX_DIRS.pages),
  };
  for (const { parsed } of [...files.incidents, ...files.pages]) ctx.problems.push(...copies(parsed.problems));
  if (ctx.cache) {
    // What was read is current now; files gone from the listing are forgotten.
    ctx.cache.stale = new Set();
    for (const file of ctx.cache.files.keys()) if (!listed.has(file)) ctx.cache.files.delete(file);
  }
  return files;
}
