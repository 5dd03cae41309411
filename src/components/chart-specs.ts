/**
 * What the pages around a chart need to agree on: which charts an incident, a platform or an actor
 * has, and their embed and CSV paths. Pure, so the pages, the embed routes and the sitemap list
 * the same charts.
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

/** Site-wide charts: their own pages (owned by the charts), their embeds and their CSVs. */
export const SITE_CHARTS: { chart: ChartName; page: string; csv: string }[] = [
  { chart: 'timeline', page: '/timeline/', csv: '/data/records.csv' },
  { chart: 'claims', page: '/claims/', csv: '/data/claims.csv' },
  { chart: 'takedowns', page: '/takedowns/', csv: '/data/takedowns.csv' },
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
