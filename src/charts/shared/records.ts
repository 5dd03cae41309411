/** Small questions charts ask of records: their date, their platforms, names for ids. */
import { dateToEdtf, parseDate } from '../../data/dates.ts';
import type { DateSpan } from '../../data/dates.ts';
import type { DataRecord } from '../../schema/records.ts';
import type { Platform } from '../../schema/platforms.ts';
import type { Actor } from '../../schema/actors.ts';

export interface ChartInput {
  records: readonly DataRecord[];
  platforms?: readonly Platform[];
  actors?: readonly Actor[];
  /** SVG user units; the SVG scales to its container. */
  width?: number;
}

/**
 * Dates parsed so far, by their text. Parsing EDTF costs about a third of a millisecond, a site
 * of 100,000 records repeats a few thousand date strings, and every chart asks several times.
 * DateSpans are never mutated, so sharing them is safe. (Belongs with `site.span` in
 * src/data/queries.ts, which layouts cannot call because they are pure.)
 */
const parsed = new Map<string, DateSpan | undefined>();
const MAX_CACHED = 500_000;

function parseCached(text: string): DateSpan | undefined {
  if (parsed.has(text)) return parsed.get(text);
  let span: DateSpan | undefined;
  try {
    span = quickParse(text) ?? parseDate(text);
  } catch {
    span = undefined;
  }
  if (parsed.size >= MAX_CACHED) parsed.clear();
  parsed.set(text, span);
  return span;
}

const DAY = 86_400_000;
const SIMPLE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?Z)?)?)?([~?%]?)$/;

/**
 * The everyday EDTF forms (2019, 2019-11, 2019-11-29, 2019-11-29T13:58:00Z, each optionally
 * with ~ ? %, and intervals of two of them) without the edtf package, which is slow; the result
 * is the DateSpan `parseDate` returns (a test checks they agree). Anything else: undefined, and
 * the caller falls back to `parseDate`. (Belongs in src/data/dates.ts.)
 */
export function quickParse(text: string): DateSpan | undefined {
  const slash = text.indexOf('/');
  if (slash >= 0) {
    const a = quickParse(text.slice(0, slash));
    const b = quickParse(text.slice(slash + 1));
    if (!a || !b || b.end < a.start) return undefined;
    return { edtf: text, start: a.start, end: b.end, precision: a.precision, interval: true, approximate: a.approximate || b.approximate, uncertain: a.uncertain || b.uncertain };
  }
  const m = SIMPLE.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, hh, mm, ss, q] = m;
  const year = Number(y);
  const month = mo === undefined ? 1 : Number(mo);
  const day = d === undefined ? 1 : Number(d);
  if (year < 1000 || month < 1 || month > 12 || day < 1) return undefined;
  const start = Date.UTC(year, month - 1, day, Number(hh ?? 0), Number(mm ?? 0), Number(ss ?? 0));
  const check = new Date(start);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return undefined;
  if (hh !== undefined && (Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59)) return undefined;
  let end: number;
  let precision: DateSpan['precision'];
  if (hh !== undefined) [end, precision] = [start, 'time'];
  else if (d !== undefined) [end, precision] = [start + DAY - 1, 'day'];
  else if (mo !== undefined) [end, precision] = [Date.UTC(year, month, 1) - 1, 'month'];
  else [end, precision] = [Date.UTC(year + 1, 0, 1) - 1, 'year'];
  return { edtf: text, start, end, precision, interval: false, approximate: q === '~' || q === '%', uncertain: q === '?' || q === '%' };
}

/** Parse without throwing: validated data never fails here, but a chart must not take a page down. */
export function spanOf(date: unknown): DateSpan | undefined {
  if (typeof date === 'string') return parseCached(date);
  if (date instanceof Date) return Number.isNaN(+date) ? undefined : parseCached(dateToEdtf(date));
  return undefined;
}

/** Platform ids a record happened on; a migration belongs to both ends. */
export function platformsOf(record: DataRecord): string[] {
  switch (record.kind) {
    case 'takedown':
      return [record.platform];
    case 'claim':
      return record.platforms ?? [];
    case 'migration':
      return [record.from, record.to];
    case 'statement':
      return record.platform ? [record.platform] : [];
    default:
      return [];
  }
}

/** Alternative dates other sources give (`disputed` entries on the `date` field). */
export function disputedDates(record: DataRecord): { span: DateSpan; note?: string; sources: string[] }[] {
  return (record.disputed ?? []).flatMap((d) => {
    if (d.field !== 'date' || typeof d.value !== 'string') return [];
    const span = spanOf(d.value);
    return span ? [{ span, note: d.note, sources: d.sources }] : [];
  });
}

export function namer(list: readonly { id: string; name: string }[] | undefined): (id: string) => string {
  const names = new Map((list ?? []).map((x) => [x.id, x.name]));
  return (id) => names.get(id) ?? id;
}

/** Stable order: by date, then id, so layouts and snapshots never depend on input order. */
export function byDate<T extends { span: DateSpan; record: DataRecord }>(a: T, b: T): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0);
}
