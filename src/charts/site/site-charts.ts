/**
 * The site-wide chart pages (/timeline/, /claims/, /takedowns/) and their drill-down pages
 * (/timeline/2019/, /timeline/2019/03/, …): what each shows, its downloads, and which periods get
 * a page. Pure; the route files under src/pages/ are one line each.
 */
import { RECORD_KINDS, type DataRecord, type RecordKind } from '../../schema/records.ts';
import { drillPages, periodLinks } from '../shared/drill.ts';
import type { DrillPage, Filed, PeriodLink } from '../shared/drill.ts';
import { periodPath } from '../shared/periods.ts';
import { DEFAULT_TABLE_LIMIT } from '../shared/summary.ts';
import { fileForTimeline, timelineRows } from '../timeline/layout.ts';
import { claimRows, fileForClaims } from '../claims/layout.ts';
import { fileForTakedowns, takedownRows } from '../takedowns/layout.ts';

export type SiteChartName = 'timeline' | 'claims' | 'takedowns';

export interface SiteChartPage {
  /** Site path of the chart's page, before the base path. */
  path: string;
  title: string;
  /** Title of the chart itself (its figure caption). */
  chartTitle: string;
  description: string;
  /** What the page shows, in a sentence; `{period}` is replaced on drill-down pages. */
  intro: string;
  /**
   * The kinds of record it shows: a year's page links the CSV of each kind for that year; the
   * chart's own page links the data page's row of the first (there is a file per kind and year).
   */
  kinds: RecordKind[];
  /** The data page's row for what it shows. */
  data: string;
  /** Site path of the chart's page under /embed/ (embeds show the whole site's records). */
  embed: string;
  file: (records: readonly DataRecord[]) => Filed[];
  rows: (records: readonly DataRecord[]) => number;
}

export const SITE_CHART_PAGES: Record<SiteChartName, SiteChartPage> = {
  timeline: {
    path: '/timeline/',
    title: 'Timeline',
    chartTitle: 'All records over time',
    description: 'Every dated record on one timeline: attacks, claims, takedowns, migrations and statements.',
    intro: 'Every published record{period} on one time axis, one lane per kind of record. Select a mark for the record’s details; the data table below the chart lists the same records, or, when they are too many for one page, counts them by period and leads to a page for each.',
    kinds: [...RECORD_KINDS],
    data: '/data/#all-records',
    embed: '/embed/timeline/',
    file: fileForTimeline,
    rows: timelineRows,
  },
  claims: {
    path: '/claims/',
    title: 'Claims of responsibility',
    chartTitle: 'Claims of responsibility and their delay',
    description: 'Claims of responsibility for attacks, and how long after each attack they came.',
    intro: 'For each attack{period}, its claims of responsibility in time order with the delay from the attack; below, the delay to the first claim across all claimed attacks.',
    kinds: ['claim', 'attack'],
    data: '/data/#claim',
    embed: '/embed/claims/',
    file: fileForClaims,
    rows: claimRows,
  },
  takedowns: {
    path: '/takedowns/',
    title: 'Takedowns and migrations',
    chartTitle: 'Takedowns and migrations by platform',
    description: 'Takedowns and referrals by platform over time, and the migrations between platforms that followed.',
    intro: 'Takedowns and referrals on each platform{period} over time, sized by how much was hit where the sources give a number, and the moves from one platform to another.',
    kinds: ['takedown', 'migration'],
    data: '/data/#takedown',
    embed: '/embed/takedowns/',
    file: fileForTakedowns,
    rows: takedownRows,
  },
};

export interface SiteChartPeriods {
  pages: DrillPage[];
  links: PeriodLink[];
}

const cache = new WeakMap<readonly DataRecord[], Map<SiteChartName, SiteChartPeriods>>();

/**
 * Where the site-wide timeline lists each dated record, as a site path with its row's anchor: the
 * drill-down page (a year, or a month of a busy year) that lists it. A record with no write-up has
 * no page of its own; this row, with its date, kind and title, is the nearest thing, where charts
 * and tables can link.
 */
export function timelineListing(records: readonly DataRecord[]): Map<string, string> {
  const spec = SITE_CHART_PAGES.timeline;
  const listed = new Map<string, string>();
  for (const page of sitePeriods('timeline', records).pages) {
    if (page.summarised) continue;
    for (const record of page.records) listed.set(record.id, `${spec.path}${periodPath(page.key)}/#timeline-record-${record.id}`);
  }
  return listed;
}

/** The drill-down routes of `chart` (`getStaticPaths` of src/pages/<chart>/[...period].astro). */
export function periodRoutes(chart: SiteChartName, records: readonly DataRecord[]) {
  return sitePeriods(chart, records).pages.map((page) => ({ params: { period: periodPath(page.key) }, props: { page } }));
}

/**
 * The drill-down pages of a chart over these records, computed once per records array (the
 * index page and the drill-down route both ask).
 */
export function sitePeriods(chart: SiteChartName, records: readonly DataRecord[], limit = DEFAULT_TABLE_LIMIT): SiteChartPeriods {
  let byChart = cache.get(records);
  if (!byChart) cache.set(records, (byChart = new Map()));
  const key = limit === DEFAULT_TABLE_LIMIT ? chart : undefined;
  const known = key && byChart.get(key);
  if (known) return known;
  const spec = SITE_CHART_PAGES[chart];
  const pages = drillPages(spec.file(records), spec.rows, limit);
  const result = { pages, links: periodLinks(pages, spec.rows) };
  if (key) byChart.set(key, result);
  return result;
}
