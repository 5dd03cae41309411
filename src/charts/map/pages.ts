/**
 * The map's pages: /map/ for every located record, /map/<year>/ for a year's (the filter that
 * works without JavaScript, as the timeline's year pages do), and, when the site-wide map counts
 * in bins, /map/countries/<cc>/ for each country the bins and the table lead to. Pure; the route
 * files under src/pages/map/ are one line each.
 */
import type { DataRecord } from '../../schema/records.ts';
import type { PeriodLink } from '../shared/drill.ts';
import { spanOf } from '../shared/records.ts';
import { countryName, MAP_BIN_THRESHOLD, place } from './layout.ts';

export const MAP_PAGE = {
  path: '/map/',
  embed: '/embed/map/',
  title: 'Map',
  chartTitle: 'Where the attacks happened, as well as the sources know',
  description: 'Every located record on one map, each drawn as precisely as its sources place it and no more precisely than it may be published.',
  /** The data page's row for attacks: their CSV and JSON by year, and the Parquet file. */
  data: '/data/#attack',
} as const;

/** The site path of a country's page (`gb`). */
export const countryPath = (code: string): string => `${MAP_PAGE.path}countries/${code.toLowerCase()}/`;

export interface MapRoute {
  params: { path: string };
  props: { title: string; records: DataRecord[]; year?: string; country?: string };
}

const cache = new WeakMap<readonly DataRecord[], { years: PeriodLink[]; routes: MapRoute[]; binned: boolean }>();

/** The records the map can place, by year and by country, computed once per records array. */
export function mapPages(records: readonly DataRecord[]): { years: PeriodLink[]; routes: MapRoute[]; binned: boolean } {
  const known = cache.get(records);
  if (known) return known;
  const located = records.filter((r) => place(r));
  const group = (key: (r: DataRecord) => string | undefined) => {
    const groups = new Map<string, DataRecord[]>();
    for (const r of located) {
      const k = key(r);
      if (k) (groups.get(k) ?? groups.set(k, []).get(k)!).push(r);
    }
    return [...groups].sort((a, b) => a[0].localeCompare(b[0]));
  };
  const yearOf = (r: DataRecord) => {
    const span = spanOf(r.date);
    return span ? String(new Date(span.start).getUTCFullYear()) : undefined;
  };
  const byYear = group(yearOf);
  const binned = located.length > MAP_BIN_THRESHOLD;
  const byCountry = binned ? group((r) => ('location' in r ? (r.location as { country: string }).country : undefined)) : [];
  const routes: MapRoute[] = [
    ...byYear.map(([year, list]) => ({ params: { path: year }, props: { title: `${MAP_PAGE.title}: ${year}`, records: list, year } })),
    ...byCountry.map(([code, list]) => ({ params: { path: `countries/${code.toLowerCase()}` }, props: { title: `${MAP_PAGE.title}: ${countryName(code)}`, records: list, country: code } })),
  ];
  const result = { years: byYear.map(([key, list]) => ({ key, label: key, count: list.length })), routes, binned };
  cache.set(records, result);
  return result;
}
