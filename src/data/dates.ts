/**
 * Dates written out: for people ("29 November 2019", "about November 2019") and for machines
 * (`<time datetime>`, schema.org). What a date is, and its parse, live in src/schema/edtf.ts.
 */
import { parseDate, type DateSpan } from '../schema/edtf.ts';
import { dateInWords, joinRange, rangeInWords, timeInWords } from './date-words.ts';

const hhmm = (d: Date) => timeInWords(d.getTime());
const dayMonthYear = (d: Date) => dateInWords(d.getTime(), 'day');

/** `+01:00`, `-05:30`. */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * A time of day as the source gave it: "2 November 2020, 20:00 +01:00 (19:00 UTC)", with the UTC
 * day too when it is another ("3 November 2020, 00:30 +01:00 (2 November 2020, 23:30 UTC)");
 * "…, 19:00 UTC" alone when it was written in UTC.
 */
function formatTime(span: DateSpan): string {
  const utc = new Date(span.start);
  if (!span.offset) return `${dayMonthYear(utc)}, ${hhmm(utc)} UTC`;
  const local = new Date(span.start + span.offset * 60_000);
  const sameDay = local.getUTCDate() === utc.getUTCDate();
  return `${dayMonthYear(local)}, ${hhmm(local)} ${offsetText(span.offset)} (${sameDay ? '' : `${dayMonthYear(utc)}, `}${hhmm(utc)} UTC)`;
}

function formatPoint(span: DateSpan): string {
  const d = new Date(span.start);
  let text: string;
  switch (span.precision) {
    case 'year':
    case 'month':
      text = dateInWords(span.start, span.precision);
      break;
    case 'day':
      text = dayMonthYear(d);
      break;
    default:
      text = formatTime(span);
  }
  if (span.approximate) text = `about ${text}`;
  if (span.uncertain) text = `${text} (uncertain)`;
  return text;
}

/** Dates as people read them, by EDTF: a page of records writes each date several times. */
const formatted = new Map<string, string>();

/** A date for people: "29 November 2019", "about November 2019", "21–24 November 2019". */
export function formatDate(input: string | Date | DateSpan): string {
  const span = typeof input === 'object' && 'start' in input ? input : parseDate(input);
  let text = formatted.get(span.edtf);
  if (text === undefined) formatted.set(span.edtf, (text = formatSpan(span)));
  return text;
}

function formatSpan(span: DateSpan): string {
  if (!span.interval) return formatPoint(span);
  const [a, b] = span.edtf.split('/').map((p) => parseDate(p)) as [DateSpan, DateSpan];
  const plain = !a.approximate && !a.uncertain && !b.approximate && !b.uncertain;
  // Two plain days share what they can ("21–24 November 2019"); anything else is written out whole.
  if (plain && a.precision === 'day' && b.precision === 'day') return rangeInWords(a.start, b.start, 'day');
  return joinRange(formatPoint(a), formatPoint(b));
}

/**
 * A date for machines (`<time datetime>`, schema.org): `2019`, `2019-11`, `2019-11-29` or an ISO
 * instant, at the precision known; an interval gives its start. EDTF's `~` and `?` have no
 * equivalent there, so they are left to the text beside it.
 */
export function machineDate(input: string | DateSpan): string {
  const span = typeof input === 'string' ? parseDate(input) : input;
  const iso = new Date(span.start).toISOString();
  switch (span.precision) {
    case 'year':
      return iso.slice(0, 4);
    case 'month':
      return iso.slice(0, 7);
    case 'day':
      return iso.slice(0, 10);
    default:
      return iso.replace('.000Z', 'Z');
  }
}
