/**
 * Calendar periods for aggregation and drill-down: a site-wide chart summarises by year, a year's
 * page by month, a month's page lists its records. A record is filed under the period that holds
 * the middle of what its date covers, the same instant its mark (or bin) is drawn at, so a bin,
 * a summary row and a drill-down page always agree on where a record is.
 *
 * Keys are "2019" (a year) and "2019-03" (a month); URL paths are "2019" and "2019/03".
 */
import { dateInWords } from '../../data/date-words.ts';
import type { DateSpan } from '../../schema/edtf.ts';

export type Grain = 'year' | 'month';

/** The instant a dated record is drawn and filed at: the middle of its span. */
export function centreOf(span: DateSpan): number {
  return Math.round((span.start + span.end) / 2);
}

export function periodKey(t: number, grain: Grain): string {
  const d = new Date(t);
  const year = String(d.getUTCFullYear()).padStart(4, '0');
  return grain === 'year' ? year : `${year}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function grainOf(key: string): Grain {
  return key.length > 4 ? 'month' : 'year';
}

/** First instant of a period. */
export function periodStart(key: string): number {
  const [y, m] = key.split('-').map(Number);
  return Date.UTC(y!, (m ?? 1) - 1, 1);
}

/** First instant after a period. */
export function periodEnd(key: string): number {
  const [y, m] = key.split('-').map(Number);
  return m === undefined ? Date.UTC(y! + 1, 0, 1) : Date.UTC(y!, m, 1);
}

/** The first instant of the period that holds `t`, and of the next one. */
export function periodBounds(t: number, grain: Grain): [number, number] {
  const key = periodKey(t, grain);
  return [periodStart(key), periodEnd(key)];
}

/** "2019", "March 2019". */
export function periodLabel(key: string): string {
  return dateInWords(periodStart(key), grainOf(key));
}

/** "2019" → "2019", "2019-03" → "2019/03": the part of a drill-down page's URL after the chart. */
export function periodPath(key: string): string {
  return key.replace('-', '/');
}

/** The inverse of periodPath; undefined for anything that is not a year or a year and month. */
export function periodFromPath(path: string | undefined): string | undefined {
  const m = /^(\d{4})(?:\/(0[1-9]|1[0-2]))?$/.exec(path ?? '');
  return m ? (m[2] ? `${m[1]}-${m[2]}` : m[1]) : undefined;
}

/** The grain one step finer than a page's period: the whole site → years → months → none. */
export function finerGrain(key: string | undefined): Grain | undefined {
  if (key === undefined) return 'year';
  return grainOf(key) === 'year' ? 'month' : undefined;
}
