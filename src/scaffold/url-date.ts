/**
 * The publication date an article's address gives, when it gives one: news sites put it in the
 * path (`/2020/nov/03/`, `/2020/11/03/`, `/2020-11-03-`, `/20201103/`), a month alone sometimes
 * (`/2020/11/`). A source scaffold takes it from there rather than from the day it was added.
 */
import { MONTH_NAMES } from '../data/date-words.ts';

const MONTHS_LOWER = MONTH_NAMES.map((name) => name.toLowerCase());

function monthNumber(word: string): number | undefined {
  if (/^\d{1,2}$/.test(word)) return Number(word);
  // "nov", "sept", "november": a month's name or the start of it, not any word beginning so ("maybe").
  const lower = word.toLowerCase();
  const index = lower.length >= 3 ? MONTHS_LOWER.findIndex((name) => name.startsWith(lower)) : -1;
  return index >= 0 ? index + 1 : undefined;
}

function isoDay(year: number, month: number, day?: number): string | undefined {
  if (year < 1990 || year > 2100 || month < 1 || month > 12) return undefined;
  const mm = String(month).padStart(2, '0');
  if (day === undefined) return `${year}-${mm}`;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${mm}-${String(day).padStart(2, '0')}`;
}

/** `2020-11-03` (or `2020-11` when only the month is there) from the URL's path, else undefined. */
export function dateFromUrl(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const segments = path.split('/').filter(Boolean);
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    // 2020-11-03, 2020_11_03, 20201103, at the start of a segment ("2020-11-03-vienna-attack").
    const joined = /^((?:19|20)\d{2})[-_]?(\d{2})[-_]?(\d{2})(?:\D|$)/.exec(segment);
    if (joined) {
      const day = isoDay(Number(joined[1]), Number(joined[2]), Number(joined[3]));
      if (day) return day;
    }
    if (!/^(?:19|20)\d{2}$/.test(segment)) continue;
    const month = segments[i + 1] === undefined ? undefined : monthNumber(segments[i + 1]!);
    if (month === undefined) continue;
    const dayText = segments[i + 2];
    const day = dayText && /^\d{1,2}$/.test(dayText) ? Number(dayText) : undefined;
    const found = isoDay(Number(segment), month, day);
    if (found) return found;
  }
  return undefined;
}
