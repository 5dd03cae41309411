/**
 * Every question the pages ask of the data, answered from indexes built once per build.
 *
 * Pure: takes the validated data and returns a `SiteData`; src/data/site.ts feeds it from the
 * content collections. Nothing here scans all records per page: pages look things up in maps.
 */
import type { Actor, DataRecord, IncidentFrontmatter, Platform, RecordKind, SiteSettings, Source } from '../schema/index.ts';
import { compareSpans, parseDate, type DateSpan } from './dates.ts';

export interface IncidentSummary extends IncidentFrontmatter {
  /** The slug: file name without `.mdx`. */
  id: string;
  span: DateSpan;
}

/** What the queries need: the validated data, with incidents reduced to id and frontmatter. */
export interface DataInput {
  site: SiteSettings;
  platforms: Platform[];
  actors: Actor[];
  sources: Source[];
  records: DataRecord[];
  incidents: (IncidentFrontmatter & { id: string })[];
}

export interface SiteData {
  site: SiteSettings;
  /** Published incidents, newest first. */
  incidents: IncidentSummary[];
  /** Records that belong to no draft, sorted by date. */
  records: DataRecord[];
  platforms: Platform[];
  actors: Actor[];
  sources: Source[];
  recordById: Map<string, DataRecord>;
  platformById: Map<string, Platform>;
  actorById: Map<string, Actor>;
  sourceById: Map<string, Source>;
  incidentById: Map<string, IncidentSummary>;
  /** The date of a record, parsed once. */
  span(record: DataRecord): DateSpan;
  recordsOfIncident(slug: string): DataRecord[];
  recordsOfKind<K extends RecordKind>(kind: K): Extract<DataRecord, { kind: K }>[];
  /** Source ids an incident cites: its frontmatter's, then its records' and their disputes', in order of first use. */
  sourcesOfIncident(slug: string): Source[];
}

export interface QueryOptions {
  /** `astro dev` shows drafts (with a banner); a build never does. */
  includeDrafts: boolean;
}

function groupBy<T>(items: T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      let group = groups.get(key);
      if (!group) groups.set(key, (group = []));
      group.push(item);
    }
  }
  return groups;
}

/** The ids of every source a record cites, its disputes' included. */
export function recordSourceIds(record: DataRecord): string[] {
  return [...record.sources, ...(record.disputed ?? []).flatMap((d) => d.sources)];
}

export function buildSiteData(data: DataInput, options: QueryOptions): SiteData {
  const drafts = new Set(data.incidents.filter((i) => i.status === 'draft').map((i) => i.id));
  const visibleIncidents = data.incidents
    .filter((i) => options.includeDrafts || i.status !== 'draft')
    .map((incident) => ({ ...incident, span: parseDate(incident.date) }))
    .sort((a, b) => compareSpans(b.span, a.span) || a.id.localeCompare(b.id));

  // A record that belongs only to drafts is as unpublished as the drafts are.
  const isHidden = (r: DataRecord) => !options.includeDrafts && (r.incidents ?? []).length > 0 && (r.incidents ?? []).every((slug) => drafts.has(slug));
  const spans = new Map<string, DateSpan>();
  const records = data.records.filter((r) => !isHidden(r));
  for (const record of records) spans.set(record.id, parseDate(record.date));
  const span = (record: DataRecord) => spans.get(record.id) ?? parseDate(record.date);
  records.sort((a, b) => compareSpans(span(a), span(b)) || a.id.localeCompare(b.id));

  const byIncident = groupBy(records, (r) => r.incidents ?? []);
  const byKind = groupBy(records, (r) => [r.kind]);
  const sourceById = new Map(data.sources.map((s) => [s.id, s]));
  const incidentById = new Map(visibleIncidents.map((i) => [i.id, i]));

  return {
    site: data.site,
    incidents: visibleIncidents,
    records,
    platforms: [...data.platforms].sort((a, b) => a.name.localeCompare(b.name)),
    actors: [...data.actors].sort((a, b) => a.name.localeCompare(b.name)),
    sources: [...data.sources].sort((a, b) => a.title.localeCompare(b.title)),
    recordById: new Map(records.map((r) => [r.id, r])),
    platformById: new Map(data.platforms.map((p) => [p.id, p])),
    actorById: new Map(data.actors.map((a) => [a.id, a])),
    sourceById,
    incidentById,
    span,
    recordsOfIncident: (slug) => byIncident.get(slug) ?? [],
    recordsOfKind: <K extends RecordKind>(kind: K) => (byKind.get(kind) ?? []) as Extract<DataRecord, { kind: K }>[],
    sourcesOfIncident(slug) {
      const ids = new Set<string>(incidentById.get(slug)?.sources ?? []);
      for (const record of byIncident.get(slug) ?? []) for (const id of recordSourceIds(record)) ids.add(id);
      return [...ids].flatMap((id) => sourceById.get(id) ?? []);
    },
  };
}
