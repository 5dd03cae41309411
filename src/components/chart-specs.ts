/**
 * What the pages around a chart need to agree on: which charts an incident, a platform or an actor
 * has, and their embed and CSV paths. Pure, so the pages, the embed routes and the sitemap list
 * the same charts.
 *
 * Embeds exist for the site-wide charts (`/embed/timeline/`, …) and for incidents, one page each
 * with all of the incident's charts (`/embed/incidents/<slug>/`). Platforms and actors have no
 * embeds and no downloads of their own: their charts link to the site-wide CSVs.
 */
import type { DataRecord } from '../schema/index.ts';

export type ChartName = 'timeline' | 'claims' | 'takedowns';

export interface ChartSpec {
  chart: ChartName;
  title: string;
}

export const CHART_TITLES: Record<ChartName, string> = {
  timeline: 'Timeline',
  claims: 'Claims of responsibility',
  takedowns: 'Takedowns and migrations',
};

/** The charts worth drawing for a set of records: a timeline always, the others when they have marks. */
export function chartsFor(records: readonly DataRecord[]): ChartName[] {
  if (records.length === 0) return [];
  const kinds = new Set(records.map((r) => r.kind));
  return [
    'timeline',
    ...(kinds.has('claim') ? (['claims'] as const) : []),
    ...(kinds.has('takedown') || kinds.has('migration') ? (['takedowns'] as const) : []),
  ];
}

/**
 * Site-wide charts: their own pages (owned by the charts), their embeds, and where their data is
 * downloaded: the data page's row for their kind of record (one file per year, and the Parquet
 * file of all records), since no one file holds all of a large site's records of a kind.
 */
export const SITE_CHARTS: { chart: ChartName; page: string; data: string }[] = [
  { chart: 'timeline', page: '/timeline/', data: '/data/#all-records' },
  { chart: 'claims', page: '/claims/', data: '/data/#claim' },
  { chart: 'takedowns', page: '/takedowns/', data: '/data/#takedown' },
];

/**
 * The charts a page draws (and so its embeds): an incident all of them; a platform's records lack
 * the attacks a claims chart needs, so no claims chart; an actor a timeline.
 */
export function chartsOf(scope: 'incidents' | 'platforms' | 'actors', records: readonly DataRecord[]): ChartName[] {
  const charts = chartsFor(records);
  if (scope === 'platforms') return charts.filter((c) => c !== 'claims');
  if (scope === 'actors') return charts.filter((c) => c === 'timeline');
  return charts;
}

/** The site-wide chart of the same kind: its page, embed and data (what platform and actor charts link to). */
export function siteChart(chart: ChartName): { chart: ChartName; page: string; data: string } {
  return SITE_CHARTS.find((spec) => spec.chart === chart)!;
}

/** Site path of an incident's embed page: all of its charts, for one `<iframe>`. */
export const incidentEmbedPath = (slug: string): string => `/embed/incidents/${slug}/`;

/**
 * Height of the `<iframe>` an embed snippet suggests for a page of `charts` charts. Generous: a
 * frame too tall leaves space below, one too short hides the table, the download and the link
 * back (the case study's single charts measure 420 to 670 px between 360 and 1,000 px wide).
 */
export const embedHeight = (charts: number): number => 80 + 600 * Math.max(1, charts);

/**
 * The props of one of an incident's charts: the same on its page and on its embed page, which
 * replays the drawing (`shared`, see Once.astro) rather than drawing it again.
 */
export function incidentChart(incident: { id: string; title: string }, chart: ChartName) {
  return {
    chart,
    id: `incident-${chart}`,
    title: `${CHART_TITLES[chart]}: ${incident.title}`,
    csv: `/data/incidents/${incident.id}.csv`,
    shared: `incidents/${incident.id}/${chart}`,
  };
}
