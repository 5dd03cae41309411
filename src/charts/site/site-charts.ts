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

export interface SiteChartPeriods {
  pages: DrillPage[];
  links: PeriodLink[];
}

const cache = new WeakMap<readonly DataRecord[], Map<ChartName, SiteChartPeriods>>();

/**
 * Where the site-wide timeline lists each dated record, as a site path with its row's anchor: the
 * drill-down page (a year, or a month of a busy year) that lists it. A record with no write-up has
 * no page of its own; this row, with its date, kind and title, is the nearest thing, where charts
 * and tables can link.
 */
export function timelineListing(records: readonly DataRecord[]): Map<string, string> {
  const spec = siteChartNamed('timeline').appears.site;
  const listed = new Map<string, string>();
  for (const page of sitePeriods('timeline', records).pages) {
    if (page.summarised) continue;
    for (const record of page.records) listed.set(record.id, `${spec.path}${periodPath(page.key)}/#timeline-record-${record.id}`);
  }
  return listed;
}

/** The drill-down routes of `chart` (`getStaticPaths` of src/pages/<chart>/[...period].astro). */
export function periodRoutes(chart: ChartName, records: readonly DataRecord[]) {
  return sitePeriods(chart, records).pages.map((page) => ({ params: { period: periodPath(page.key) }, props: { page } }));
}

/**
 * The drill-down pages of a chart over these records, computed once per records array (the
 * index page and the drill-down route both ask).
 */
export function sitePeriods(chart: ChartName, records: readonly DataRecord[], limit = DEFAULT_TABLE_LIMIT): SiteChartPeriods {
  let byChart = cache.get(records);
  if (!byChart) cache.set(records, (byChart = new Map()));
  const key = limit === DEFAULT_TABLE_LIMIT ? chart : undefined;
  const known = key && byChart.get(key);
  if (known) return known;
  const spec = siteChartNamed(chart).appears.site;
  const pages = drillPages(spec.file(records), spec.rows, limit);
  const result = { pages, links: periodLinks(pages, spec.rows) };
  if (key) byChart.set(key, result);
  return result;
}
