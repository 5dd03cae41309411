/**
 * Which files of a project the site reads (each section of docs/data-model.md names its file), and the ones it would
 * silently leave out: a record file in the wrong folder, `test.YAML`, a write-up one folder too
 * high. Each of those is a warning, so that nothing an editor wrote goes missing without a word.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename } from 'node:path';
import type { Problem } from '../data/problems.ts';

export const REGISTRY_FILES = { site: 'data/site.yaml', platforms: 'data/platforms.yaml', actors: 'data/actors.yaml', sources: 'data/sources.yaml' } as const;
export const RECORDS_DIR = 'data/records';
export const RECORD_EXTENSIONS = ['.yaml', '.yml', '.csv'];
export const MDX_DIRS = { incidents: 'content/incidents', pages: 'content/pages' } as const;
// Only MDX: a `.md` file renders as plain Markdown, where <Cite> and the other components are
// not components (a citation was lost, and swallowed the text after it).
export const MDX_EXTENSIONS = ['.mdx'];

/**
 * Top-level addresses the site itself uses (src/pages/, and the folders a build writes): a free
 * page by one of these names would be dropped by the build with only Astro's warning. A test
 * keeps this list in step with src/pages/.
 */
export const RESERVED_PAGE_NAMES = ['404', 'CITATION.cff', 'actors', 'changes', 'changes.xml', 'claims', 'data', 'embed', 'incidents', 'index', 'map', 'og', 'platforms', 'robots.txt', 'rss.xml', 'search', 'sitemap.xml', 'sources', 'takedowns', 'timeline', '_astro', 'pagefind'];

/** Files under `dir` (relative to it, `/`-separated) whose names end with one of `extensions`. */
export function listFiles(dir: string, extensions: string[]): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => extensions.some((ext) => name.endsWith(ext)))
    .map((name) => name.replaceAll('\\', '/'))
    .sort();
}

function isRead(file: string): boolean {
  if ((Object.values(REGISTRY_FILES) as string[]).includes(file)) return true;
  if (file.startsWith(`${RECORDS_DIR}/`)) return RECORD_EXTENSIONS.some((ext) => file.endsWith(ext));
  return Object.values(MDX_DIRS).some((dir) => file.startsWith(`${dir}/`)) && MDX_EXTENSIONS.some((ext) => file.endsWith(ext));
}

/** Hidden files (`.gitkeep`, `.DS_Store`) and read-me notes are for people, not for the site. */
const FOR_PEOPLE = /^(?:\.|readme(?:\.|$))/i;

function whereItGoes(file: string): string {
  const registry = Object.values(REGISTRY_FILES).find((f) => f.replace(/\.yaml$/, '.yml') === file);
  if (registry) return `rename it ${basename(registry)}`;
  if (/\.md$/i.test(file) && Object.values(MDX_DIRS).some((dir) => file.startsWith(`${dir}/`))) return `write-ups and pages are MDX: rename it ${basename(file).replace(/\.md$/i, '.mdx')}`;
  if (file.startsWith(`${RECORDS_DIR}/`)) return `${RECORDS_DIR}/ holds records as .yaml, .yml or .csv files (extensions in lower case)`;
  if (file.startsWith('data/')) return `data/ holds ${Object.values(REGISTRY_FILES).map((f) => basename(f)).join(', ')}, and records in ${RECORDS_DIR}/`;
  return `write-ups go in content/incidents/<slug>.mdx, free pages in content/pages/<slug>.mdx`;
}

/** The files of `content/` and `data/` (of a project listing) that the site would leave out, each a warning. */
export function strayFiles(files: readonly string[]): Problem[] {
  return files
    .filter((file) => /^(?:content|data)\//.test(file) && !file.split('/').some((part) => FOR_PEOPLE.test(part)) && !isRead(file))
    .map((file): Problem => ({ file, line: 1, col: 1, severity: 'warning', message: `this file is not read, so the site leaves it out: ${whereItGoes(file)}`, rule: 'stray-file' }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** The files of a project listing under `dir` whose names end with one of `extensions`, relative to `dir`. */
export function filesUnder(files: readonly string[], dir: string, extensions: string[]): string[] {
  return files.filter((file) => file.startsWith(`${dir}/`) && extensions.some((ext) => file.endsWith(ext))).map((file) => file.slice(dir.length + 1));
}
