/**
 * Every record is still there, as text. After hostile input has been escaped, defanged and
 * neutralised, nothing may have been dropped: each record must appear in the built pages by its
 * id (`data-record="<id>"` or `id="record-<id>"`) or by its title as readable text; each registry
 * entry (platform, actor, source) and incident by its name or title as text.
 *
 * The data is read with the `yaml` package and this folder's CSV reader, not with the site's
 * loader: the check must not trust the code it checks.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseCsv } from './csv.ts';
import { normaliseSpace } from './html.ts';

export interface Entry {
  /** `record`, `platform`, `actor`, `source`, `incident`. */
  kind: string;
  id: string;
  /** The title or name a reader sees. */
  label: string;
}

const list = (file: string): Record<string, unknown>[] => (existsSync(file) ? ((parse(readFileSync(file, 'utf8')) as Record<string, unknown>[] | null) ?? []) : []);

/** Records, registry entries and incidents of a project folder (content/ and data/). */
export function projectEntries(project: string): Entry[] {
  const out: Entry[] = [];
  const data = join(project, 'data');
  for (const [file, kind, label] of [
    ['platforms.yaml', 'platform', 'name'],
    ['actors.yaml', 'actor', 'name'],
    ['sources.yaml', 'source', 'title'],
  ] as const) {
    for (const entry of list(join(data, file))) out.push({ kind, id: String(entry.id), label: String(entry[label]) });
  }
  const records = join(data, 'records');
  for (const file of existsSync(records) ? readdirSync(records).sort() : []) {
    if (/\.ya?ml$/.test(file)) for (const r of list(join(records, file))) out.push({ kind: 'record', id: String(r.id), label: String(r.title) });
    if (file.endsWith('.csv')) {
      const [header = [], ...rows] = parseCsv(readFileSync(join(records, file), 'utf8'));
      for (const row of rows.filter((r) => r.some((c) => c !== ''))) {
        const at = (name: string) => row[header.indexOf(name)] ?? '';
        out.push({ kind: 'record', id: at('id'), label: at('title') });
      }
    }
  }
  const incidents = join(project, 'content/incidents');
  for (const file of existsSync(incidents) ? readdirSync(incidents).sort() : []) {
    if (!file.endsWith('.mdx')) continue;
    const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(incidents, file), 'utf8'))?.[1] ?? '';
    const meta = (parse(front) ?? {}) as Record<string, unknown>;
    if (meta.status === 'draft') continue;
    out.push({ kind: 'incident', id: file.slice(0, -4), label: String(meta.title) });
  }
  return out;
}

export interface Page {
  file: string;
  /** The raw HTML (for ids). */
  html: string;
  /** What a reader reads (see textAndLabels). */
  text: string;
}

/** Entries found in none of the pages, one line each. */
export function missingEntries(entries: Entry[], pages: Page[]): string[] {
  const missing: string[] = [];
  for (const entry of entries) {
    const label = normaliseSpace(entry.label);
    const byText = pages.some((p) => p.text.includes(label));
    const byId =
      entry.kind === 'record' &&
      pages.some((p) => p.html.includes(`data-record="${entry.id}"`) || p.html.includes(`id="record-${entry.id}"`));
    if (!byText && !byId) missing.push(`${entry.kind} "${entry.id}" (${JSON.stringify(label.slice(0, 60))}) is on no page`);
  }
  return missing;
}
