/**
 * Dates in words, in one place: month names, a day, a month or a year, and ranges of them, as
 * the platform's `Intl.DateTimeFormat` writes them in the site's language (it knows the names,
 * their order, and which parts a range can share: "21–24 November 2019"). Times are UTC unless
 * the caller shifts them. No dependencies: the chart element uses this in the browser too.
 */

/** The language dates are written in. */
const LOCALE = 'en-GB';

export type DateGrain = 'year' | 'month' | 'day';

const FORMATS: Record<DateGrain, Intl.DateTimeFormat> = {
  year: new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', year: 'numeric' }),
  month: new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', month: 'long', year: 'numeric' }),
  day: new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
};
const TIME = new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const MONTH = new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', month: 'long' });

/** January … December. */
export const MONTH_NAMES: readonly string[] = Array.from({ length: 12 }, (_, month) => MONTH.format(Date.UTC(2000, month, 15)));

/**
 * Jan … Dec, for axes: the first three letters of each name, as the axis has always written them
 * (en-GB's own short form is "Sept").
 */
export const SHORT_MONTH_NAMES: readonly string[] = MONTH_NAMES.map((name) => name.slice(0, 3));

/** "2019", "November 2019", "29 November 2019". */
export function dateInWords(t: number, grain: DateGrain): string {
  return FORMATS[grain].format(t);
}

/** "13:58" (24-hour clock). */
export function timeInWords(t: number): string {
  return TIME.format(t);
}

/**
 * From `t0` to `t1` (both included) at `grain`, sharing what the two share: "21–24 November
 * 2019", "28 October – 3 November 2019", "March – April 2019". Intl decides what is shared; the
 * dash is the site's: closed up between bare numbers, spaced between words (Intl puts thin spaces
 * around it either way, which not every font has).
 */
export function rangeInWords(t0: number, t1: number, grain: DateGrain): string {
  // Charts ask for the same ranges (a month's bin, a year's) on every page, and Intl's
  // formatRangeToParts costs about 20 µs: the 1,000 incident timelines of a bench site asked a
  // hundred thousand times, 1.7 s of a build.
  const key = `${grain} ${t0} ${t1}`;
  let words = ranges.get(key);
  if (words === undefined) {
    if (ranges.size >= RANGES_KEPT) ranges.clear();
    ranges.set(key, (words = formatRange(t0, t1, grain)));
  }
  return words;
}

/** Ranges written already, by grain and ends; cleared when full (a browser zooming for long). */
const ranges = new Map<string, string>();
const RANGES_KEPT = 100_000;

function formatRange(t0: number, t1: number, grain: DateGrain): string {
  const parts = FORMATS[grain].formatRangeToParts(t0, t1);
  // The separator is the shared literal right after the start's own parts; none when the two are one date.
  const lastStart = parts.findLastIndex((part) => part.source === 'startRange');
  if (lastStart < 0) return parts.map((part) => part.value).join('');
  const start = parts.filter((part) => part.source === 'startRange');
  const dash = start.length === 1 && /^\d+$/.test(start[0]!.value) ? '–' : ' – ';
  return parts.map((part, i) => (i === lastStart + 1 ? dash : part.value)).join('');
}

/** Two dates written out already, as a range: "about November 2019 – 2 December 2019". */
export function joinRange(from: string, to: string): string {
  return `${from} – ${to}`;
}
