/**
 * Warnings: what does not stop a build but leaves something out or unsourced. Rules:
 * `stray-file`, `missing-archive`, `unused-source`, `incident-without-records`.
 */
import type { Entry } from '../../data/files.ts';
import type { Source } from '../../schema/index.ts';
import { problemAt, type CheckContext } from '../context.ts';
import type { Incident } from '../project-data.ts';
import { strayFiles } from '../project-files.ts';
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

export function checkWarnings(ctx: CheckContext, found: { listed: string[]; sources: Validated<Source>[]; incidents: Validated<Incident>[]; records: Entry[]; cited: Set<string> }): void {
  ctx.problems.push(...strayFiles(found.listed));
  for (const { entry, value: source } of found.sources) {
    if (source.url && !source.archived) ctx.problems.push(problemAt(entry, ['url'], `source "${source.id}" has a url and no archived copy`, 'missing-archive', 'warning'));
    if (!found.cited.has(source.id)) ctx.problems.push(problemAt(entry, ['id'], `source "${source.id}" is not cited by any record or incident`, 'unused-source', 'warning'));
  }
  // A record file that could not be read hides its records: say nothing of incidents without any then.
  if (ctx.unreadable.has('records')) return;
  const listed = incidentsWithRecords(found.records);
  for (const { entry, value: incident } of found.incidents) {
    if (!listed.has(incident.id)) {
      ctx.problems.push(problemAt(entry, ['title'], `incident "${incident.id}" has no records (list its slug under "incidents" on its records)`, 'incident-without-records', 'warning'));
    }
  }
}
