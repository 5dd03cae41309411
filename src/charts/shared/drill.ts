/**
 * Drill-down pages for the site-wide charts: which periods get a page, and which records each
 * shows. Pure, for `getStaticPaths`; computed once per route, in one pass over the records.
 *
 * Every year with records gets a page; a year whose page would list more than `limit` table rows
 * summarises by month instead, and each of its months gets a page listing its records. So every
 * dated record is in the table of exactly one page (or of the CSV), and no page's table is huge.
 * A site that lists at most `listUpTo` records a page (data/site.yaml `recordListLimit`) gives no
 * page to a month with more: the year's page counts it, and its records are in the downloads.
 * (A query over site data: it belongs in src/data/queries.ts, next to `recordsOfKind`.)
 */
import type { DataRecord } from '../../schema/records.ts';
import { periodKey, periodLabel, periodPath } from './periods.ts';

/** A record a chart uses, and the instant it is filed under (undefined: its date cannot be drawn). */
export interface Filed {
  record: DataRecord;
  t: number | undefined;
}

export interface DrillPage {
  /** "2019" or "2019-03". */
  key: string;
  /** The records the page's chart is given, in input order. */
  records: DataRecord[];
  /** Whether this page summarises by month (its months have pages of their own, but for `unpaged`). */
  summarised: boolean;
  /** Months of a summarised year with more rows than a page lists (`listUpTo`): no page, counted only. */
  unpaged: string[];
}

/**
 * @param filed the chart's records with their filing instants (from the chart's `fileFor…`)
 * @param rows how many table rows a chart of these records would list
 * @param limit the table-row limit above which a page summarises instead of listing
 * @param listUpTo the most rows any page lists: a month with more gets no page
 */
export function drillPages(filed: readonly Filed[], rows: (records: DataRecord[]) => number, limit: number, listUpTo = Infinity): DrillPage[] {
  const years = new Map<string, Filed[]>();
  for (const f of filed) {
    if (f.t === undefined) continue;
    const key = periodKey(f.t, 'year');
    let list = years.get(key);
    if (!list) years.set(key, (list = []));
    list.push(f);
  }
  const pages: DrillPage[] = [];
  for (const key of [...years.keys()].sort()) {
    const items = years.get(key)!;
    const records = items.map((f) => f.record);
    const summarised = rows(records) > Math.min(limit, listUpTo);
    const unpaged: string[] = [];
    pages.push({ key, records, summarised, unpaged });
    if (!summarised) continue;
    const months = new Map<string, DataRecord[]>();
    for (const f of items) {
      const month = periodKey(f.t!, 'month');
      let list = months.get(month);
      if (!list) months.set(month, (list = []));
      list.push(f.record);
    }
    for (const month of [...months.keys()].sort()) {
      const list = months.get(month)!;
      if (rows(list) > listUpTo) unpaged.push(month);
      else pages.push({ key: month, records: list, summarised: false, unpaged: [] });
    }
  }
  return pages;
}

export interface PeriodLink {
  key: string;
  label: string;
  /** How many records (table rows) the period's page shows. */
  count: number;
}

/** The drill-down pages as links, for navigation between periods. */
export function periodLinks(pages: readonly DrillPage[], rows: (records: DataRecord[]) => number): PeriodLink[] {
  return pages.map((p) => ({ key: p.key, label: periodLabel(p.key), count: rows(p.records) }));
}

/** Site path of a drill-down page under a chart's page: ("/timeline/", "2019-03") → "/timeline/2019/03/". */
export function periodHref(base: string, key: string): string {
  return `${base.replace(/\/?$/, '/')}${periodPath(key)}/`;
}

/** The periods above a page's, outermost first: "2019-03" → ["2019"]. */
export function parentPeriods(key: string): string[] {
  return key.length > 4 ? [key.slice(0, 4)] : [];
}
