/**
 * Reading: every file the site reads (project-files.ts), parsed with positions. Rules: `encoding`,
 * and the readers' own `syntax` and `csv-columns`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../data/csv.ts';
import { parseFrontmatter, parseYaml, type Entry, type FrontmatterFile, type ParsedFile } from '../../data/files.ts';
import { positionAt } from '../../data/mdx-scan.ts';
import type { Registry } from '../../schema/index.ts';
import type { CheckContext } from '../context.ts';
import { listFiles, MDX_DIRS, MDX_EXTENSIONS, RECORD_EXTENSIONS, RECORDS_DIR, REGISTRY_FILES } from '../project-files.ts';

/** A write-up or free page: its file name (`my-page.mdx`), path, slug, and frontmatter and body. */
export interface MdxFile {
  name: string;
  file: string;
  slug: string;
  parsed: FrontmatterFile;
}

/** Every entry an editor wrote, valid or not, in the order of the files. */
export interface ProjectFiles {
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
function readText(ctx: CheckContext, file: string): string | undefined {
  const bytes = readFileSync(join(ctx.root, file));
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

/** The entries of one data file; a file that cannot be read or parsed makes its registry unreadable. */
function readEntries(ctx: CheckContext, registry: Registry | undefined, file: string, parse: (file: string, text: string) => ParsedFile): Entry[] {
  const text = readText(ctx, file);
  if (text === undefined) {
    if (registry) ctx.unreadable.add(registry);
    return [];
  }
  const parsed = parse(file, text);
  ctx.problems.push(...parsed.problems);
  if (registry && parsed.problems.some((p) => p.rule === 'syntax')) ctx.unreadable.add(registry);
  return parsed.entries;
}

const readList = (ctx: CheckContext, registry: Registry, file: string) =>
  existsSync(join(ctx.root, file)) ? readEntries(ctx, registry, file, (f, t) => parseYaml(f, t, { shape: 'list' })) : [];

function readMdx(ctx: CheckContext, dir: string): MdxFile[] {
  return listFiles(join(ctx.root, dir), MDX_EXTENSIONS).flatMap((name) => {
    const file = `${dir}/${name}`;
    const text = readText(ctx, file);
    return text === undefined ? [] : [{ name, file, slug: name.replace(/\.mdx?$/, ''), parsed: parseFrontmatter(file, text) }];
  });
}

export function readProject(ctx: CheckContext): ProjectFiles {
  const site = existsSync(join(ctx.root, REGISTRY_FILES.site)) ? readEntries(ctx, undefined, REGISTRY_FILES.site, (f, t) => parseYaml(f, t, { shape: 'mapping' }))[0] : undefined;
  const files: ProjectFiles = {
    site,
    platforms: readList(ctx, 'platforms', REGISTRY_FILES.platforms),
    actors: readList(ctx, 'actors', REGISTRY_FILES.actors),
    sources: readList(ctx, 'sources', REGISTRY_FILES.sources),
    records: listFiles(join(ctx.root, RECORDS_DIR), RECORD_EXTENSIONS).flatMap((name) => {
      const file = `${RECORDS_DIR}/${name}`;
      return name.endsWith('.csv') ? readEntries(ctx, 'records', file, parseCsv) : readList(ctx, 'records', file);
    }),
    incidents: readMdx(ctx, MDX_DIRS.incidents),
    pages: readMdx(ctx, MDX_DIRS.pages),
  };
  for (const { parsed } of [...files.incidents, ...files.pages]) ctx.problems.push(...parsed.problems);
  return files;
}
