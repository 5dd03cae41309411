/**
 * The table of a summarised chart: one row per period (years on the site-wide page, months on a
 * year's page), one count column per lane and a total. Each row leads to its drill-down page,
 * where the records are listed; the CSV holds them all.
 */
import { periodKey, periodLabel } from './periods.ts';
import type { Grain } from './periods.ts';
import type { SummaryTable } from './types.ts';

/** Above this many table rows a chart's page summarises by period: about 40–60 bytes gzipped a row. */
export const DEFAULT_TABLE_LIMIT = 2_000;

export interface SummaryColumn<T> {
  label: string;
  /** How much an item adds to this column (0 when it does not belong). */
  count: (item: T) => number;
}

export function summarise<T>(items: readonly T[], options: { grain: Grain; instant: (item: T) => number | undefined; columns: SummaryColumn<T>[]; caption: string; records: number }): SummaryTable {
  const rows = new Map<string, number[]>();
  for (const item of items) {
    const t = options.instant(item);
    if (t === undefined) continue;
    const key = periodKey(t, options.grain);
    let counts = rows.get(key);
    if (!counts) rows.set(key, (counts = options.columns.map(() => 0)));
    options.columns.forEach((c, i) => (counts![i]! += c.count(item)));
  }
  return {
    caption: options.caption,
    columns: options.columns.map((c) => c.label),
    rows: [...rows.keys()].sort().map((key) => ({ key, label: periodLabel(key), counts: rows.get(key)! })),
    records: options.records,
  };
}

/** What a summarised chart says of its periods' pages, where they have them (ChartLayout.drillSentence). */
export function drillSentence(grain: Grain | undefined): string | undefined {
  return grain && `Each ${grain} leads to a page that lists its records.`;
}
