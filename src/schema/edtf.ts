/**
 * EDTF dates as the data model knows them: one parse, one shape. The schemas validate dates here;
 * src/data/dates.ts writes them out for people and machines.
 *
 * Data files hold EDTF strings (`2019-11-29`, `2019-11~`, `2019-11-21/2019-11-24`, …). Everything
 * downstream (sorting, charts, tables, feeds) works on a `DateSpan`, which keeps both the instant
 * range a date covers and how precisely it was known, so a chart can draw "some day in November"
 * differently from "29 November at 13:58".
 */
import edtf from 'edtf';

/** How finely a date is known: a time of day, a day, a month or a year. */
export type Precision = 'time' | 'day' | 'month' | 'year';

export interface DateSpan {
  /** The EDTF string as written (normalised from a YAML Date object when needed). */
  edtf: string;
  /** First millisecond the date covers (UTC). */
  start: number;
  /** Last millisecond the date covers (UTC), inclusive; equals `start` for a time of day. */
  end: number;
  /** The precision of the (lower bound of the) date. */
  precision: Precision;
  /** `a/b`: a range of days rather than one point. */
  interval: boolean;
  /** EDTF `~` anywhere in the date. */
  approximate: boolean;
  /** EDTF `?` anywhere in the date. */
  uncertain: boolean;
  /**
   * Minutes east of UTC, for a time of day written with an offset (`20:00:00+01:00` is 60), so it
   * can be shown as the source gave it; absent for `Z` and for dates without a time.
   */
  offset?: number;
}

export class DateError extends Error {}

const PRECISION: Record<number, Precision> = { 0: 'time', 3: 'day', 2: 'month', 1: 'year' };

/**
 * YAML 1.1 parsers (js-yaml, so gray-matter and Astro's loaders) turn an unquoted `2019-11-29`
 * into a Date at UTC midnight. Turn it back into the string the editor wrote, at day precision.
 */
export function dateToEdtf(value: Date): string {
  const iso = value.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}

/**
 * Spans already parsed, by text. The edtf package's parser costs about half a millisecond a date,
 * and a site of 100,000 records asks for the same dates over and over (check, queries, charts,
 * every formatted date on every page). Spans are shared: treat them as read-only.
 */
const spans = new Map<string, DateSpan>();

/** Parse an EDTF string; throws `DateError` with a message fit for an editor. */
export function parseDate(input: string | Date): DateSpan {
  const text = input instanceof Date ? dateToEdtf(input) : String(input).trim();
  let span = spans.get(text);
  if (!span) {
    span = quickParse(text) ?? parseWithEdtf(text);
    spans.set(text, span);
  }
  return span;
}

const DAY = 86_400_000;
const EVERYDAY = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?Z)?)?)?([~?%]?)$/;

/**
 * The everyday forms (2019, 2019-11, 2019-11-29, 2019-11-29T13:58:00Z, each with an optional
 * ~ ? %, and intervals of two of them) without the edtf package, about a hundred times faster:
 * the same DateSpan `parseWithEdtf` gives (a test checks they agree). Anything else, including
 * what is not a valid date, is left to `parseWithEdtf`: `undefined` here.
 */
export function quickParse(text: string): DateSpan | undefined {
  const slash = text.indexOf('/');
  if (slash >= 0) {
    const a = quickParse(text.slice(0, slash));
    const b = quickParse(text.slice(slash + 1));
    if (!a || !b || b.end < a.start) return undefined;
    return { edtf: text, start: a.start, end: b.end, precision: a.precision, interval: true, approximate: a.approximate || b.approximate, uncertain: a.uncertain || b.uncertain };
  }
  const m = EVERYDAY.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, hh, mm, ss, q] = m;
  // EDTF has no qualifier on a time of day: leave `…Z~` to the full parser, which rejects it.
  if (hh !== undefined && q) return undefined;
  const year = Number(y);
  const month = mo === undefined ? 1 : Number(mo);
  const day = d === undefined ? 1 : Number(d);
  if (year < 1000 || month < 1 || month > 12 || day < 1) return undefined;
  const start = Date.UTC(year, month - 1, day, Number(hh ?? 0), Number(mm ?? 0), Number(ss ?? 0));
  const check = new Date(start);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return undefined;
  if (hh !== undefined && (Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59)) return undefined;
  let end: number;
  let precision: Precision;
  if (hh !== undefined) [end, precision] = [start, 'time'];
  else if (d !== undefined) [end, precision] = [start + DAY - 1, 'day'];
  else if (mo !== undefined) [end, precision] = [Date.UTC(year, month, 1) - 1, 'month'];
  else [end, precision] = [Date.UTC(year + 1, 0, 1) - 1, 'year'];
  return { edtf: text, start, end, precision, interval: false, approximate: q === '~' || q === '%', uncertain: q === '?' || q === '%' };
}

/** The full EDTF parse, through the edtf package; `parseDate` comes here for what `quickParse` leaves. */
export function parseWithEdtf(text: string): DateSpan {
  // The edtf package accepts far more than we can draw (sets, seasons, open intervals);
  // allow the forms docs/data-model.md lists (Dates) and say so plainly for the rest.
  if (!/^[0-9T:+\-Z.~?%/X]+$/.test(text) || /\.\.|^\/|\/$/.test(text)) {
    throw new DateError(`"${text}" is not a date this site can read (use e.g. 2019-11-29, 2019-11, 2019-11~, 2019-11-21/2019-11-24)`);
  }
  const parts = text.split('/');
  for (const part of parts) shapeProblem(part, text);
  if (parts.length === 2) {
    const [a, b] = parts.map((p) => parseDate(p)) as [DateSpan, DateSpan];
    if (b.end < a.start) throw new DateError(`interval "${text}" ends before it starts`);
    return {
      edtf: text,
      start: a.start,
      end: b.end,
      precision: a.precision,
      interval: true,
      approximate: a.approximate || b.approximate,
      uncertain: a.uncertain || b.uncertain,
    };
  }
  // The edtf package rolls a day that does not exist (2019-02-29) over into the next month.
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (day) {
    const [, y, m, d] = day.map(Number) as [number, number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (m >= 1 && m <= 12 && (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)) throw new DateError(`"${text}" is not a day of the calendar`);
  }
  const offset = writtenOffset(text);
  let parsed: ReturnType<typeof edtf>;
  try {
    parsed = edtf(text);
  } catch {
    throw new DateError(`"${text}" is not a valid EDTF date (use e.g. 2019-11-29, 2019-11, 2019-11~, 2019-11-21/2019-11-24)`);
  }
  if (parsed.type !== 'Date' && parsed.type !== 'Year') {
    throw new DateError(`"${text}" is an EDTF ${parsed.type}; use a date or an interval of two dates`);
  }
  const start = parsed.min;
  const end = parsed.max;
  if (!Number.isFinite(start) || !Number.isFinite(end)) {
    throw new DateError(`"${text}" is not a valid EDTF date`);
  }
  return {
    edtf: text,
    start,
    end,
    precision: PRECISION[parsed.precision as number] ?? 'day',
    interval: false,
    approximate: text.includes('~') || text.includes('%'),
    uncertain: text.includes('?') || text.includes('%'),
    ...(offset === undefined ? {} : { offset }),
  };
}

/** The offset a time of day was written with (`+01:00`, `-0530`, `+03`), in minutes east of UTC. */
function writtenOffset(text: string): number | undefined {
  const m = /T\d{2}:\d{2}(?::\d{2})?([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (!m) return undefined;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/**
 * One date of the forms docs/data-model.md lists (Dates): a year, month or day, a qualifier before or after
 * it, a time of day with its zone. The edtf package reads more, and some of it wrongly for this
 * site: a run of digits is a Unix timestamp to it (`20191129` became 1 January 1970), `X` digits
 * are drawn as their lowest value, a time without a zone is read in the builder's zone.
 */
const SHAPE = /^[~?%]?\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}(?::?\d{2})?))?)?)?[~?%]?$/;

/** Throws a `DateError` that says how to write `part` (of `text`) when it is not of that shape. */
function shapeProblem(part: string, text: string): void {
  if (SHAPE.test(part)) return;
  const digits = /^(\d{4})(\d{2})(\d{2})?$/.exec(part);
  if (digits) throw new DateError(`"${text}" is not a date this site can read: write it with dashes, ${digits.slice(1).filter(Boolean).join('-')}`);
  if (/^[~?%]?-/.test(part)) throw new DateError(`"${text}": years before the Common Era are not supported`);
  if (/X/.test(part)) throw new DateError(`"${text}": unspecified digits (X) are not supported; write only what is known (2019-11 for a day in November 2019, 2019 for some month of 2019)`);
  if (/T\d{2}:\d{2}(?::\d{2})?[~?%]?$/.test(part)) throw new DateError(`"${text}": a time of day needs its time zone, Z for UTC (2019-11-29T13:58:00Z) or an offset (+03:00)`);
  throw new DateError(`"${text}" is not a date this site can read (use e.g. 2019-11-29, 2019-11, 2019-11~, 2019-11-21/2019-11-24)`);
}

/** `true` when the string parses; for schema refinements. */
export function isDate(input: string | Date): boolean {
  try {
    parseDate(input);
    return true;
  } catch {
    return false;
  }
}

/**
 * The order records are listed in: by the earliest instant each date allows, except that a date
 * which covers another (a day covers its times, a month its days, an interval what falls inside
 * it) comes after what it covers. "2 November" may be any moment of that day, so it is not put
 * ahead of "2 November, 19:58". Sorting by the last instant a date allows, then by the first, is
 * exactly that order (the two keys disagree only when one date covers the other).
 */
export function compareSpans(a: DateSpan, b: DateSpan): number {
  return a.end - b.end || a.start - b.start;
}
