/**
 * Every question the pages ask of the data, answered from indexes built once per build.
 *
 * Pure: takes the validated data and returns a `SiteData`; src/site/index.ts feeds it from the
 * content collections. Nothing here scans all records per page: pages look things up in maps.
 */
import { capturesOf, SOURCE_KINDS, type Actor, type DataRecord, type IncidentFrontmatter, type Platform, type RecordKind, type SiteSettings, type Source } from '../schema/index.ts';
import { isDefangedDomain } from '../safety/defang.ts';
import { addressesIn } from '../safety/url.ts';
import { compareSpans, parseDate, type DateSpan } from '../schema/edtf.ts';
import { publishedLocation, publishedRecord } from './places.ts';
import { paginateSources, type SourceGroup, type SourcePage } from './source-pages.ts';

/**
 * Actors whose social posts may be linked: kinds no extremist network posts as. Everyone else's
 * posts are defanged: an armed group's, its outlets', a supporters' network's (Nashir has no
 * parent and is no armed group), an individual's, and a post whose author is not recorded.
 */
const LINKABLE_POSTERS = new Set<Actor['kind']>(['researcher', 'government-agency', 'platform-operator']);

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
  /** `citations`: source ids the write-up cites with `<Cite>`, in order of first use. */
  incidents: (IncidentFrontmatter & { id: string; citations?: readonly string[] })[];
  /** Source ids the free pages (`/about/`, …) cite: published, whatever drafts cite them too. */
  pageCitations?: readonly string[];
}

/**
 * data/site.yaml's settings as the pages read them: `recordListLimit` resolved for this site's
 * size (`listLimitOf`), a number or unset (every record listed).
 */
export type ListedSiteSettings = Omit<SiteSettings, 'recordListLimit'> & { recordListLimit?: number };

export interface SiteData {
  site: ListedSiteSettings;
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
  /** The sources behind a platform's or an actor's own facts (its `sources`), in the order given. */
  sourcesOfEntry(entry: Platform | Actor): Source[];
  /**
   * Whether a source's links must be defanged: a social post, unless a researcher, a government
   * agency or a platform operator posted it (LINKABLE_POSTERS); or a source whose url, or the
   * address inside its archive copy, is on a listed domain.
   */
  sourceIsDefanged(source: Source): boolean;
  /** Records that name a platform, each with how (removed there, claim published there, moved from/to, said on). */
  recordsOfPlatform(id: string): RoleOf[];
  /** Records that name an actor, each with its role (perpetrator, claimant, target, moved, …). */
  recordsOfActor(id: string): RoleOf[];
  /** Incidents whose records name a platform / an actor, or that fall in a year; newest first. */
  incidentsOfPlatform(id: string): IncidentSummary[];
  incidentsOfActor(id: string): IncidentSummary[];
  incidentsOfYear(year: number): IncidentSummary[];
  /** What the incident list can be filtered by: only values some incident has, with counts. */
  facets: Facets;
  /** An incident's year, platforms and actors, for filters and search. */
  facetsOfIncident(slug: string): { years: number[]; platforms: string[]; actors: string[] };
  /** Actors whose `parent` is this actor. */
  childrenOfActor(id: string): Actor[];
  /** Sources grouped by kind, in the order of SOURCE_KINDS, each group sorted by title. */
  sourcesByKind: SourceGroup[];
  /** The bibliography's pages (src/data/source-pages.ts): one, unless there are thousands of sources. */
  sourcePages: SourcePage[];
  /** A source's entry in the bibliography: `/sources/#id`, or `/sources/2/#id` on a later page. */
  sourcePath(id: string): string;
  /** Where the bibliography's list of a kind of source begins. */
  sourceKindPath(kind: Source['kind']): string;
  /** Records citing a source (its disputes' sources included). */
  recordsCitingSource(id: string): DataRecord[];
  /** Headline figures for the home page. */
  counts: Counts;
}

export interface RoleOf {
  record: DataRecord;
  role: Role;
}

/**
 * How many records of one role a platform's or an actor's page lists, the most recent
 * (src/components/RolesOf.astro); the timeline's pages and the downloads have all of them.
 */
export const ROLE_TABLE_LIMIT = 200;

/**
 * A page's own limit on the records it lists one by one (`own`), lowered to data/site.yaml
 * `recordListLimit` (`listUpTo`) where that is below it, never raised: the role tables, the
 * site-wide charts' tables and the map's pages each start from their own.
 */
export function withinListLimit(own: number, listUpTo: number | undefined): number {
  return Math.min(own, listUpTo ?? own);
}

/** How many records of one role a platform's or an actor's page lists: ROLE_TABLE_LIMIT, or data/site.yaml `recordListLimit` below it. */
export function roleTableLimit(settings: ListedSiteSettings): number {
  return withinListLimit(ROLE_TABLE_LIMIT, settings.recordListLimit);
}

/**
 * Past this many published records, a site whose data/site.yaml leaves `recordListLimit` unset
 * lists at most LARGE_SITE_LIST_LIMIT records a page. Listing each one, pages grow with the
 * records, about 5.5 MiB per 1,000 at the bench's proportions: at 1,000 incidents the output was
 * 246 MiB at 20,000 records, 683 MiB at 100,000 and 1,125 MiB at 200,000, past GitHub Pages'
 * 1 GB; with 50 a page, 281 and 398 MiB (docs/scale.md). Why 50,000: a site up to it, listing
 * every record (about 410 MiB), is within every host's limits, so none that deploys today loses
 * a card by this default; past it the size heads for GitHub Pages' 1 GB (about 160,000 records),
 * and the build already works one thing at a time there (src/integration/search.ts). A team
 * whose host takes more sets `all`.
 */
export const LARGE_SITE_RECORDS = 50_000;
export const LARGE_SITE_LIST_LIMIT = 50;

/**
 * The `recordListLimit` a site's pages follow: the one data/site.yaml sets (`all`: none), else
 * none up to LARGE_SITE_RECORDS published records and LARGE_SITE_LIST_LIMIT past them.
 */
export function listLimitOf(setting: SiteSettings['recordListLimit'], publishedRecords: number): number | undefined {
  if (setting === 'all') return undefined;
  if (setting !== undefined) return setting;
  return publishedRecords > LARGE_SITE_RECORDS ? LARGE_SITE_LIST_LIMIT : undefined;
}

/**
 * Whether an incident's page lists each of its `count` records (a card each, a mark each in its
 * charts). Past data/site.yaml `recordListLimit` it counts them instead, and links to a record
 * lead to its row on the timeline's pages (src/charts/site/record-href.ts).
 */
export function listsEachRecord(settings: ListedSiteSettings, count: number): boolean {
  return settings.recordListLimit === undefined || count <= settings.recordListLimit;
}

/**
 * How many incidents a platform's or an actor's page lists, the most recent; the incident list
 * filtered by it (/incidents/platform/<id>/, /incidents/actor/<id>/) has all of them. An agency
 * named in 950 incidents made an 870 KB page listing them all.
 */
export const REGISTRY_INCIDENT_LIMIT = 50;

/** The records behind a list of roles, each once (a record may name a platform or actor twice), in order. */
export function recordsOfRoles(roles: readonly RoleOf[]): DataRecord[] {
  return [...new Map(roles.map((r) => [r.record.id, r.record])).values()];
}

export type Role =
  | 'perpetrator'
  | 'claimant'
  | 'outlet'
  | 'referrer'
  | 'target'
  | 'moved'
  | 'speaker'
  | 'removed-on'
  | 'claim-published-on'
  | 'moved-from'
  | 'moved-to'
  | 'said-on';

export interface Facet {
  value: string;
  label: string;
  count: number;
}

export interface Facets {
  years: Facet[];
  platforms: Facet[];
  actors: Facet[];
}

export interface Counts {
  incidents: number;
  records: number;
  attacks: number;
  claims: number;
  takedowns: number;
  migrations: number;
  statements: number;
  platforms: number;
  actors: number;
  sources: number;
}

/** Every platform a record names, with how. */
export function platformRoles(record: DataRecord): [string, Role][] {
  switch (record.kind) {
    case 'takedown':
      return [[record.platform, 'removed-on']];
    case 'claim':
      return (record.platforms ?? []).map((id) => [id, 'claim-published-on']);
    case 'migration':
      return [
        [record.from, 'moved-from'],
        [record.to, 'moved-to'],
      ];
    case 'statement':
      return record.platform ? [[record.platform, 'said-on']] : [];
    default:
      return [];
  }
}

/** Every actor a record names, with its role. */
export function actorRoles(record: DataRecord): [string, Role][] {
  switch (record.kind) {
    case 'attack':
      return (record.perpetrators ?? []).map((id) => [id, 'perpetrator']);
    case 'claim':
      return [[record.claimant, 'claimant'] as [string, Role], ...(record.outlet ? [[record.outlet, 'outlet'] as [string, Role]] : [])];
    case 'takedown':
      return [...(record.referrer ? [[record.referrer, 'referrer'] as [string, Role]] : []), ...(record.targets ?? []).map((id): [string, Role] => [id, 'target'])];
    case 'migration':
      return record.actors.map((id) => [id, 'moved']);
    case 'statement':
      return [[record.actor, 'speaker']];
  }
}

export interface QueryOptions {
  /** `astro dev` shows drafts (with a banner); a build never does. */
  includeDrafts: boolean;
}

/** Adds `value` to the list of `key`. */
function push<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

function groupBy<T>(items: T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) for (const key of keys(item)) push(groups, key, item);
  return groups;
}

/** The ids of every source a record cites, its disputes' included. */
export function recordSourceIds(record: DataRecord): string[] {
  return [...record.sources, ...(record.disputed ?? []).flatMap((d) => d.sources)];
}

/** The slugs of the write-ups that are drafts. */
function draftSlugs(incidents: DataInput['incidents']): Set<string> {
  return new Set(incidents.filter((i) => i.status === 'draft').map((i) => i.id));
}

/** Whether a record is left out of the site: one that belongs only to drafts is as unpublished as the drafts are. */
function hiddenBy(drafts: ReadonlySet<string>, options: QueryOptions): (record: DataRecord) => boolean {
  return (r) => !options.includeDrafts && (r.incidents ?? []).length > 0 && (r.incidents ?? []).every((slug) => drafts.has(slug));
}

/** How many records the site publishes: those of no draft, or every one where drafts are shown. */
export function publishedRecordCount(data: Pick<DataInput, 'incidents' | 'records'>, options: QueryOptions): number {
  const isHidden = hiddenBy(draftSlugs(data.incidents), options);
  return data.records.reduce((n, r) => (isHidden(r) ? n : n + 1), 0);
}

export function buildSiteData(data: DataInput, options: QueryOptions): SiteData {
  const drafts = draftSlugs(data.incidents);
  const visibleIncidents = data.incidents
    .filter((i) => options.includeDrafts || i.status !== 'draft')
    .map((incident) => ({ ...incident, ...(incident.location ? { location: publishedLocation(incident.location) } : {}), span: parseDate(incident.date) }))
    .sort((a, b) => compareSpans(b.span, a.span) || a.id.localeCompare(b.id));

  const isHidden = hiddenBy(drafts, options);
  const spans = new Map<string, DateSpan>();
  // A record shared with a draft keeps its place, but not the draft's slug: the downloads and the
  // pages would name an incident the site does not publish.
  const withoutDrafts = (r: DataRecord): DataRecord =>
    options.includeDrafts || !(r.incidents ?? []).some((slug) => drafts.has(slug)) ? r : { ...r, incidents: r.incidents!.filter((slug) => !drafts.has(slug)) };
  // Locations are snapped to their `publish` level here, before any page or file can write them.
  const records = data.records.filter((r) => !isHidden(r)).map((r) => publishedRecord(withoutDrafts(r)));
  // Each record's span parsed once and looked up once, not twice per comparison: at 100,000
  // records the sort took 0.38 s that way, 0.15 s this way, in the same order.
  const keyed = records.map((record) => {
    const span = parseDate(record.date);
    spans.set(record.id, span);
    return { record, span };
  });
  const span = (record: DataRecord) => spans.get(record.id) ?? parseDate(record.date);
  keyed.sort((a, b) => compareSpans(a.span, b.span) || a.record.id.localeCompare(b.record.id));
  keyed.forEach(({ record }, i) => (records[i] = record));

  // What each record names, in one pass over them in date order: every list below is in that order.
  // At 100,000 records a pass per index (and lists of keys made per record) took twice as long.
  const recordById = new Map<string, DataRecord>();
  const byIncident = new Map<string, DataRecord[]>();
  const byKind = new Map<string, DataRecord[]>();
  const bySource = new Map<string, DataRecord[]>();
  const byPlatform = new Map<string, RoleOf[]>();
  const byActor = new Map<string, RoleOf[]>();
  /** Per incident slug: the platforms and actors its records name, in order of first mention. */
  const namedIn = new Map<string, { platforms: Set<string>; actors: Set<string> }>();
  for (const record of records) {
    recordById.set(record.id, record);
    push(byKind, record.kind, record);
    for (const id of recordSourceIds(record)) {
      // A record that cites a source twice (again in a dispute) is listed under it once.
      if (bySource.get(id)?.at(-1) !== record) push(bySource, id, record);
    }
    const platforms = platformRoles(record);
    const actors = actorRoles(record);
    for (const [id, role] of platforms) push(byPlatform, id, { record, role });
    for (const [id, role] of actors) push(byActor, id, { record, role });
    for (const slug of record.incidents ?? []) {
      push(byIncident, slug, record);
      let named = namedIn.get(slug);
      if (!named) namedIn.set(slug, (named = { platforms: new Set(), actors: new Set() }));
      for (const [id] of platforms) named.platforms.add(id);
      for (const [id] of actors) named.actors.add(id);
    }
  }

  const sourceById = new Map(data.sources.map((s) => [s.id, s]));
  const incidentById = new Map(visibleIncidents.map((i) => [i.id, i]));
  const citationsOf = new Map(data.incidents.map((i) => [i.id, i.citations ?? []]));
  const platformById = new Map(data.platforms.map((p) => [p.id, p]));
  const actorById = new Map(data.actors.map((a) => [a.id, a]));
  const postIsLinkable = (id: string | undefined) => {
    const actor = id === undefined ? undefined : actorById.get(id);
    return actor !== undefined && LINKABLE_POSTERS.has(actor.kind);
  };
  const listed = (url: string | undefined) =>
    url !== undefined && addressesIn(url).some((u) => isDefangedDomain(u, data.site.defang));
  const defangedSources = new Set(
    data.sources
      .filter((s) => (s.kind === 'social-post' && !postIsLinkable(s.actor)) || listed(s.url) || capturesOf(s).some((c) => listed(c.url)))
      .map((s) => s.id),
  );

  // Filters for the incident list: an incident's year is its date's; its platforms and actors are its records'.
  const incidentFacets = new Map<string, { years: number[]; platforms: string[]; actors: string[] }>();
  for (const incident of visibleIncidents) {
    const named = namedIn.get(incident.id);
    incidentFacets.set(incident.id, {
      years: [new Date(incident.span.start).getUTCFullYear()],
      platforms: [...(named?.platforms ?? [])].filter((id) => platformById.has(id)),
      actors: [...(named?.actors ?? [])].filter((id) => actorById.has(id)),
    });
  }
  const facetIndex = (pick: (f: { years: number[]; platforms: string[]; actors: string[] }) => (string | number)[]) =>
    groupBy(visibleIncidents, (i) => pick(incidentFacets.get(i.id)!).map(String));
  const incidentsByYear = facetIndex((f) => f.years);
  const incidentsByPlatform = facetIndex((f) => f.platforms);
  const incidentsByActor = facetIndex((f) => f.actors);
  const facetList = (index: Map<string, IncidentSummary[]>, labelOf: (value: string) => string, order: (a: Facet, b: Facet) => number): Facet[] =>
    [...index].map(([value, list]) => ({ value, label: labelOf(value), count: list.length })).sort(order);
  const byLabel = (a: Facet, b: Facet) => a.label.localeCompare(b.label);
  const facets: Facets = {
    years: facetList(incidentsByYear, (v) => v, (a, b) => Number(b.value) - Number(a.value)),
    platforms: facetList(incidentsByPlatform, (v) => platformById.get(v)?.name ?? v, byLabel),
    actors: facetList(incidentsByActor, (v) => actorById.get(v)?.name ?? v, byLabel),
  };

  const children = groupBy(data.actors, (a) => (a.parent ? [a.parent] : []));
  // A source that only drafts cite is as unpublished as they are: listing it would tell what an
  // unpublished investigation reads. A source nothing cites yet stays listed (the check warns).
  const citedWhere = (incidents: typeof data.incidents, recordIds: Iterable<string>) => {
    const cited = new Set(recordIds);
    for (const incident of incidents) for (const id of [...(incident.citations ?? []), ...(incident.sources ?? [])]) cited.add(id);
    return cited;
  };
  const citedInPublic = citedWhere(visibleIncidents, bySource.keys());
  for (const id of data.pageCitations ?? []) citedInPublic.add(id);
  // Every platform and actor has a public page, which lists the sources of its facts.
  for (const entry of [...data.platforms, ...data.actors]) for (const id of entry.sources ?? []) citedInPublic.add(id);
  const citedInDrafts = options.includeDrafts ? new Set<string>() : citedWhere(data.incidents.filter((i) => drafts.has(i.id)), data.records.filter(isHidden).flatMap(recordSourceIds));
  const publishedSources = data.sources.filter((s) => citedInPublic.has(s.id) || !citedInDrafts.has(s.id));
  const sortedSources = [...publishedSources].sort((a, b) => a.title.localeCompare(b.title));
  const sourcesOfKind = groupBy(sortedSources, (s) => [s.kind]);
  const sourcesByKind = SOURCE_KINDS.flatMap((kind) => (sourcesOfKind.has(kind) ? [{ kind, sources: sourcesOfKind.get(kind)! }] : []));
  const sourcePages = paginateSources(sourcesByKind);
  const pageOfSource = new Map<string, string>();
  const pageOfKind = new Map<string, string>();
  for (const page of sourcePages) {
    for (const group of page.groups) {
      if (!pageOfKind.has(group.kind)) pageOfKind.set(group.kind, page.path);
      for (const source of group.sources) pageOfSource.set(source.id, page.path);
    }
  }

  return {
    site: { ...data.site, recordListLimit: listLimitOf(data.site.recordListLimit, records.length) },
    incidents: visibleIncidents,
    records,
    platforms: [...data.platforms].sort((a, b) => a.name.localeCompare(b.name)),
    actors: [...data.actors].sort((a, b) => a.name.localeCompare(b.name)),
    sources: sortedSources,
    recordById,
    platformById,
    actorById,
    sourceById,
    sourceIsDefanged: (source) => defangedSources.has(source.id),
    incidentById,
    span,
    recordsOfIncident: (slug) => byIncident.get(slug) ?? [],
    recordsOfKind: <K extends RecordKind>(kind: K) => (byKind.get(kind) ?? []) as Extract<DataRecord, { kind: K }>[],
    sourcesOfIncident(slug) {
      // Numbered as readers meet them: the prose's citations first, then the rest.
      const ids = new Set<string>([...(citationsOf.get(slug) ?? []), ...(incidentById.get(slug)?.sources ?? [])]);
      for (const record of byIncident.get(slug) ?? []) for (const id of recordSourceIds(record)) ids.add(id);
      return [...ids].flatMap((id) => sourceById.get(id) ?? []);
    },
    sourcesOfEntry: (entry) => (entry.sources ?? []).flatMap((id) => sourceById.get(id) ?? []),
    recordsOfPlatform: (id) => byPlatform.get(id) ?? [],
    recordsOfActor: (id) => byActor.get(id) ?? [],
    incidentsOfPlatform: (id) => incidentsByPlatform.get(id) ?? [],
    incidentsOfActor: (id) => incidentsByActor.get(id) ?? [],
    incidentsOfYear: (year) => incidentsByYear.get(String(year)) ?? [],
    facets,
    facetsOfIncident: (slug) => incidentFacets.get(slug) ?? { years: [], platforms: [], actors: [] },
    childrenOfActor: (id) => [...(children.get(id) ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
    sourcesByKind,
    sourcePages,
    sourcePath: (id) => `${pageOfSource.get(id) ?? '/sources/'}#${id}`,
    sourceKindPath: (kind) => `${pageOfKind.get(kind) ?? '/sources/'}#kind-${kind}`,
    recordsCitingSource: (id) => bySource.get(id) ?? [],
    counts: {
      incidents: visibleIncidents.length,
      records: records.length,
      attacks: byKind.get('attack')?.length ?? 0,
      claims: byKind.get('claim')?.length ?? 0,
      takedowns: byKind.get('takedown')?.length ?? 0,
      migrations: byKind.get('migration')?.length ?? 0,
      statements: byKind.get('statement')?.length ?? 0,
      platforms: data.platforms.length,
      actors: data.actors.length,
      sources: publishedSources.length,
    },
  };
}
