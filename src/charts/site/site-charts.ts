/**
 * The drill-down pages of the site-wide charts (/timeline/2019/, /timeline/2019/03/, …): which
 * periods get a page, computed once per records array. What each chart's page says and lists is
 * its entry in ../registry.ts; the route files under src/pages/ are one line each.
 */
import type { DataRecord } from '../../schema/records.ts';
import { siteChartNamed, type ChartName } from '../registry.ts';
import { drillPages, periodLinks } from '../shared/drill.ts';
import type { DrillPage, PeriodLink } from '../shared/drill.ts';
import { periodPath } from '../shared/periods.ts';
import { DEFAULT_TABLE_LIMIT } from '../shared/summary.ts';
import { withinListLimit } from '../../data/queries.ts';

export interface SiteChartPeriods {
  pages: DrillPage[];
  links: PeriodLink[];
}

const cache = new WeakMap<readonly DataRecord[], Map<string, SiteChartPeriods>>();

/**
 * The most rows a site-wide chart's page lists: DEFAULT_TABLE_LIMIT, or data/site.yaml
 * `recordListLimit` below it. Its pages summarise past it, and a month past `recordListLimit`
 * has no page (shared/drill.ts).
 */
export function siteTableLimit(listUpTo: number | undefined): number {
  return withinListLimit(DEFAULT_TABLE_LIMIT, listUpTo);
}

/**
 * Where the site-wide timeline lists each dated record, as a site path with its row's anchor: the
 * drill-down page (a year, or a month of a busy year) that lists it. A record with no write-up has
 * no page of its own; this row, with its date, kind and title, is the nearest thing, where charts
 * and tables can link.
 */
export function timelineListing(records: readonly DataRecord[], listUpTo?: number): Map<string, string> {
  const spec = siteChartNamed('timeline').appears.site;
  const listed = new Map<string, string>();
  for (const page of sitePeriods('timeline', records, listUpTo).pages) {
    if (page.summarised) continue;
    for (const record of page.records) listed.set(record.id, `${spec.path}${periodPath(page.key)}/#timeline-record-${record.id}`);
  }
  return listed;
}

/** The drill-down routes of `chart` (`getStaticPaths` of src/pages/<chart>/[...period].astro). */
export function periodRoutes(chart: ChartName, records: readonly DataRecord[], listUpTo?: number) {
  return sitePeriods(chart, records, listUpTo).pages.map((page) => ({ params: { period: periodPath(page.key) }, props: { page } }));
}

/**
 * The drill-down pages of a chart over these records, computed once per records array and
 * `listUpTo` (data/site.yaml `recordListLimit`; the index page and the drill-down route both ask).
 */
export function sitePeriods(chart: ChartName, records: readonly DataRecord[], listUpTo?: number): SiteChartPeriods {
  let byChart = cache.get(records);
  if (!byChart) cache.set(records, (byChart = new Map()));
  const key = `${chart}:${listUpTo ?? ''}`;
  const known = byChart.get(key);
  if (known) return known;
  const spec = siteChartNamed(chart).appears.site;
  const pages = drillPages(spec.file(records), spec.rows, DEFAULT_TABLE_LIMIT, listUpTo);
  const result = { pages, links: periodLinks(pages, spec.rows) };
  byChart.set(key, result);
  return result;
}
