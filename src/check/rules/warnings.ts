/**
 * Warnings: what does not stop a build but leaves something out, unsourced or twice. Rules:
 * `stray-file`, `missing-archive`, `unused-source`, `duplicate-url`, `incident-without-records`,
 * `missing-published`, `unlisted-records`.
 */
import type { Entry } from '../../data/files.ts';
import { documentKey } from '../../safety/url.ts';
import type { Source } from '../../schema/index.ts';
import { perEntry } from '../cache.ts';
import { problemAt, type CheckContext } from '../context.ts';
import type { Incident } from '../project-data.ts';
import { strayFiles } from '../project-files.ts';
import type { MdxFile } from './read.ts';
import type { Validated } from './schemas.ts';

/** Slugs that some record lists under `incidents`. */
function incidentsWithRecords(records: Entry[]): Set<string> {
  const slugs = new Set<string>();
  for (const { value } of records) {
    const incidents = (value as { incidents?: unknown } | null)?.incidents;
    if (Array.isArray(incidents)) for (const slug of incidents) if (typeof slug === 'string') slugs.add(slug);
  }
  return slugs;
}

/** One document added as two sources: the same address once scheme, `www.`, a trailing slash and tracking parameters are set aside. */
function checkDuplicateUrls(ctx: CheckContext, sources: Validated<Source>[]): void {
  const first = new Map<string, Validated<Source>>();
  for (const source of sources) {
    const url = source.value.url;
    const key = url === undefined ? undefined : perEntry(ctx.cache, 'document-key', source.entry, url, () => documentKey(url));
    if (key === undefined) continue;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, source);
      continue;
    }
    const at = earlier.entry.locate(['url']);
    const message = `source "${source.value.id}" has the address of source "${earlier.value.id}" (${earlier.entry.file}:${at.line}:${at.col}): one document, one source; cite "${earlier.value.id}" and delete this one`;
    ctx.problems.push(problemAt(source.entry, ['url'], message, 'duplicate-url', 'warning'));
  }
}

/** Records that list no incident (the first of a duplicated id only: the others are errors already). */
function recordsWithoutIncidents(records: Entry[]): Entry[] {
  const seen = new Set<string>();
  return records.filter(({ value }) => {
    const record = value as { id?: unknown; incidents?: unknown } | null;
    if (typeof record?.id !== 'string' || seen.has(record.id)) return false;
    seen.add(record.id);
    return !(Array.isArray(record.incidents) && record.incidents.length > 0);
  });
}

/** Records that no incident lists and no write-up names: one line for all of them, at the first. */
function checkUnlistedRecords(ctx: CheckContext, withoutIncidents: Entry[], named: ReadonlySet<string>): void {
  const unlisted = withoutIncidents.filter(({ value }) => !named.has((value as { id: string }).id));
  if (unlisted.length === 0) return;
  const ids = unlisted.map(({ value }) => (value as { id: string }).id);
  const shown = ids.length > 5 ? `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more` : ids.join(', ');
  const [count, pronoun] = ids.length === 1 ? ['1 record lists', 'it, so it appears'] : [`${ids.length} records list`, 'them, so they appear'];
  const message = `${count} no incident and no write-up names ${pronoun} only on the timeline, platform and actor pages and in the downloads: ${shown}; list an incident under "incidents" where one belongs`;
  ctx.problems.push(problemAt(unlisted[0]!, ['id'], message, 'unlisted-records', 'warning'));
}

/** What the warnings need of the records: found with the data's own warnings, once per version of the data (cache.ts). */
export interface RecordsAtHand {
  /** Slugs that some record lists under `incidents`. */
  listedIncidents: Set<string>;
  /** Records that list no incident. */
  withoutIncidents: Entry[];
}

/** The warnings about the data alone: sources without an archived copy, one address as two sources. */
export function checkDataWarnings(ctx: CheckContext, sources: Validated<Source>[], records: Entry[]): RecordsAtHand {
  for (const { entry, value: source } of sources) {
    if (source.url && !source.archived) ctx.problems.push(problemAt(entry, ['url'], `source "${source.id}" has a url and no archived copy`, 'missing-archive', 'warning'));
  }
  checkDuplicateUrls(ctx, sources);
  return { listedIncidents: incidentsWithRecords(records), withoutIncidents: recordsWithoutIncidents(records) };
}

export interface Found {
  /** Every file of content/ and data/, for the files the site would leave out. */
  listed: string[];
  sources: Validated<Source>[];
  incidents: Validated<Incident>[];
  records: RecordsAtHand;
  cited: Set<string>;
  /** The incidents' files, valid or not. */
  writeUps: MdxFile[];
  /** Record ids that a write-up or page names with `<Record>`; undefined when a body could not be read to its end. */
  named: ReadonlySet<string> | undefined;
}

/** The warnings that take the write-ups into account too (the data's own: checkDataWarnings). */
export function checkWarnings(ctx: CheckContext, found: Found): void {
  ctx.problems.push(...strayFiles(found.listed));
  for (const { entry, value: source } of found.sources) {
    if (!found.cited.has(source.id)) ctx.problems.push(problemAt(entry, ['id'], `source "${source.id}" is not cited by any record or incident`, 'unused-source', 'warning'));
  }
  // Judged on every write-up, valid or not, so that it comes in the same run as its other problems.
  for (const { slug, parsed } of found.writeUps) {
    const entry = parsed.entries[0];
    const frontmatter = entry?.value as { status?: unknown; published?: unknown } | undefined;
    if (entry && frontmatter?.status === 'published' && frontmatter.published === undefined) {
      const message = `incident "${slug}" is published with no "published:" date, so its feed item is dated by the event; add published: 'YYYY-MM-DD', the day it goes out`;
      ctx.problems.push(problemAt(entry, ['status'], message, 'missing-published', 'warning'));
    }
  }
  // A record file that could not be read hides its records: say nothing of incidents without any then.
  if (ctx.unreadable.has('records')) return;
  // A write-up that could not be read to its end may name more records: say nothing of them then.
  if (found.named) checkUnlistedRecords(ctx, found.records.withoutIncidents, found.named);
  for (const { entry, value: incident } of found.incidents) {
    if (!found.records.listedIncidents.has(incident.id)) {
      ctx.problems.push(problemAt(entry, ['title'], `incident "${incident.id}" has no records (list its slug under "incidents" on its records)`, 'incident-without-records', 'warning'));
    }
  }
}
