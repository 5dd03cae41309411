/**
 * The map's pages: /map/ for every located record, /map/<year>/ for a year's (the filter that
 * works without JavaScript, as the timeline's year pages do), and, when the site-wide map counts
 * in bins, /map/countries/<cc>/ for each country the bins and the table lead to. Pure; the route
 * files under src/pages/map/ are one line each.
 */
import type { DataRecord } from '../../schema/records.ts';
import type { PeriodLink } from '../shared/drill.ts';
import { spanOf } from '../shared/records.ts';
import { countryName, MAP_BIN_THRESHOLD, MAP_TABLE_LIMIT, place } from './layout.ts';
import { withinListLimit } from '../../data/queries.ts';

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

/** Past how many records a map draws hexagons, and its table counts by country (or by year). */
export interface MapLimits {
  binThreshold: number;
  tableLimit: number;
}

/**
 * A map page's limits: MAP_BIN_THRESHOLD and MAP_TABLE_LIMIT, or data/site.yaml
 * `recordListLimit` below them, since a map of a year's records drawn one by one is a list of
 * them (at 100,000 records, over 500 KB a year's page) which that setting trades for counts.
 */
export function mapLimits(listUpTo?: number): MapLimits {
  return { binThreshold: withinListLimit(MAP_BIN_THRESHOLD, listUpTo), tableLimit: withinListLimit(MAP_TABLE_LIMIT, listUpTo) };
}

interface MapSite {
  years: PeriodLink[];
  routes: MapRoute[];
  /** The site-wide map counts in hexagons, and each country has a page they lead to. */
  binned: boolean;
  limits: MapLimits;
}

const cache = new WeakMap<readonly DataRecord[], Map<number | undefined, MapSite>>();

/**
 * The records the map can place, by year and by country, computed once per records array and
 * `recordListLimit` (`listUpTo`).
 */
export function mapPages(records: readonly DataRecord[], listUpTo?: number): MapSite {
  let byLimit = cache.get(records);
  if (!byLimit) cache.set(records, (byLimit = new Map()));
  const known = byLimit.get(listUpTo);
  if (known) return known;
  const limits = mapLimits(listUpTo);
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
  const binned = located.length > limits.binThreshold;
  const byCountry = binned ? group((r) => ('location' in r ? (r.location as { country: string }).country : undefined)) : [];
  const routes: MapRoute[] = [
    ...byYear.map(([year, list]) => ({ params: { path: year }, props: { title: `${MAP_PAGE.title}: ${year}`, records: list, year } })),
    ...byCountry.map(([code, list]) => ({ params: { path: `countries/${code.toLowerCase()}` }, props: { title: `${MAP_PAGE.title}: ${countryName(code)}`, records: list, country: code } })),
  ];
  const result = { years: byYear.map(([key, list]) => ({ key, label: key, count: list.length })), routes, binned, limits };
  byLimit.set(listUpTo, result);
  return result;
}
