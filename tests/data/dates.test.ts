import { describe, expect, it } from 'vitest';
import { compareSpans, DateError, dateToEdtf, parseDate, parseWithEdtf, quickParse } from '../../src/schema/edtf.ts';
import { formatDate } from '../../src/data/dates.ts';

describe('parseDate', () => {
  it.each([
    ['2019-11-29', 'day', '2019-11-29T00:00:00.000Z', '2019-11-29T23:59:59.999Z'],
    ['2019-11', 'month', '2019-11-01T00:00:00.000Z', '2019-11-30T23:59:59.999Z'],
    ['2019', 'year', '2019-01-01T00:00:00.000Z', '2019-12-31T23:59:59.999Z'],
    ['2019-11-29T13:58:00Z', 'time', '2019-11-29T13:58:00.000Z', '2019-11-29T13:58:00.000Z'],
    ['2019-11-29T16:58:00+03:00', 'time', '2019-11-29T13:58:00.000Z', '2019-11-29T13:58:00.000Z'],
    ['2019-11-29T16:58:00+03', 'time', '2019-11-29T13:58:00.000Z', '2019-11-29T13:58:00.000Z'],
    ['2019-11-21/2019-11-24', 'day', '2019-11-21T00:00:00.000Z', '2019-11-24T23:59:59.999Z'],
  ])('%s is a %s from %s to %s', (text, precision, start, end) => {
    const span = parseDate(text);
    expect(span.precision).toBe(precision);
    expect(new Date(span.start).toISOString()).toBe(start);
    expect(new Date(span.end).toISOString()).toBe(end);
  });

  it('flags approximate, uncertain and interval dates', () => {
    expect(parseDate('2019-11~')).toMatchObject({ approximate: true, uncertain: false, interval: false });
    expect(parseDate('2019-12-01?')).toMatchObject({ approximate: false, uncertain: true });
    expect(parseDate('2019-11-21/2019-11-24~')).toMatchObject({ interval: true, approximate: true });
  });

  it('rejects what it cannot draw, in words an editor understands', () => {
    expect(() => parseDate('2019-11-24/2019-11-21')).toThrow('interval "2019-11-24/2019-11-21" ends before it starts');
    expect(() => parseDate('2019-13-01')).toThrow('"2019-13-01" is not a valid EDTF date');
    expect(() => parseDate('yesterday')).toThrow(DateError);
    expect(() => parseDate('2019-11-22/..')).toThrow(DateError);
  });

  it.each([
    // The edtf package reads a run of digits as a Unix timestamp: 1 January 1970.
    ['20191129', 'write it with dashes, 2019-11-29'],
    ['201911', 'write it with dashes, 2019-11'],
    ['20190', 'is not a date this site can read'],
    // It draws unspecified digits as their lowest value, and a time without a zone in the builder's zone.
    ['2019-11-XX', 'unspecified digits (X) are not supported'],
    ['1XXX', 'unspecified digits (X) are not supported'],
    ['2019-11-29T13:58:00', 'a time of day needs its time zone'],
    ['2019-11-21/2019-11-24T10:00', 'a time of day needs its time zone'],
    ['-2019', 'years before the Common Era are not supported'],
    ['2019-11-29T13:58:00.5Z', 'is not a date this site can read'],
  ])('rejects %s, which the edtf package would misread, saying how to write it', (text, message) => {
    expect(() => parseDate(text)).toThrow(DateError);
    expect(() => parseDate(text)).toThrow(message);
  });

  it('takes a YAML Date back to the day the editor wrote', () => {
    expect(dateToEdtf(new Date('2019-11-29T00:00:00Z'))).toBe('2019-11-29');
    expect(parseDate(new Date('2019-11-29T00:00:00Z')).precision).toBe('day');
    expect(dateToEdtf(new Date('2019-11-29T13:58:00Z'))).toBe('2019-11-29T13:58:00Z');
  });
});

describe('formatDate', () => {
  it.each([
    ['2019-11-29', '29 November 2019'],
    ['2019-11', 'November 2019'],
    ['2019-11~', 'about November 2019'],
    ['2019-12-01?', '1 December 2019 (uncertain)'],
    ['2019-11-21/2019-11-24', '21–24 November 2019'],
    ['2019-11-30/2019-12-03', '30 November – 3 December 2019'],
    ['2019-11-29T13:58:00Z', '29 November 2019, 13:58 UTC'],
  ])('%s reads "%s"', (text, expected) => {
    expect(formatDate(text)).toBe(expected);
  });
});

describe('quickParse agrees with the edtf package', () => {
  it('every everyday form, qualified and in intervals', async () => {
    const { synthetic } = await import('../charts/fixtures.ts');
    const samples = [
      '2019', '2019~', '2019?', '2019%', '2019-11', '2019-11~', '2019-02', '2020-02', '2019-12', '2019-11-29', '2019-11-29?', '2019-11-29%', '2020-02-29',
      '2019-11-29T13:58:00Z', '2019-11-29T13:58Z', '2019-11-29T23:59:59Z', '2019-11-21/2019-11-24', '2019-11/2019-12~', '2019/2020', '2019-11-29T13:58:00Z/2019-11-29T15:00:00Z',
      ...synthetic(2_000).map((r) => String(r.date)),
    ];
    for (const text of samples) expect(quickParse(text), text).toEqual(parseWithEdtf(text));
    // Not everyday, or not a date: left to parseDate (which throws or knows more).
    for (const text of ['2019-02-30', '2019-13', '2019-11-29T25:00:00Z', '2019-11-24/2019-11-21', '2019-XX', '-0100', '2019-11-29T13:58:00+01:00', '']) expect(quickParse(text), text).toBeUndefined();
  });
});
describe('times with an offset', () => {
  it('keep the offset they were written with', () => {
    expect(parseDate('2020-11-02T20:00:00+01:00')).toMatchObject({ precision: 'time', offset: 60, start: Date.UTC(2020, 10, 2, 19) });
    expect(parseDate('2020-11-02T14:00-05:30').offset).toBe(-330);
    expect(parseDate('2020-11-02T20:00:00+03').offset).toBe(180);
    expect(parseDate('2020-11-02T20:00:00Z').offset).toBeUndefined();
  });

  it.each([
    ['2020-11-02T20:00:00+01:00', '2 November 2020, 20:00 +01:00 (19:00 UTC)'],
    ['2020-11-03T00:30:00+01:00', '3 November 2020, 00:30 +01:00 (2 November 2020, 23:30 UTC)'],
    ['2020-11-02T14:00-05:30', '2 November 2020, 14:00 -05:30 (19:30 UTC)'],
    ['2020-11-02T19:00:00+00:00', '2 November 2020, 19:00 UTC'],
    ['2020-11-02T19:00:00Z', '2 November 2020, 19:00 UTC'],
  ])('%s reads "%s": as given, and in UTC where that differs', (text, expected) => {
    expect(formatDate(text)).toBe(expected);
  });
});

describe('the order records are listed in', () => {
  const sorted = (...dates: string[]) => dates.map((d) => parseDate(d)).sort(compareSpans).map((s) => s.edtf);

  it('does not put a day ahead of a time on that day, nor a month ahead of its days', () => {
    expect(sorted('2020-11-02', '2020-11-02T20:00:00+01:00')).toEqual(['2020-11-02T20:00:00+01:00', '2020-11-02']);
    expect(sorted('2020-11', '2020-11-03', '2020-11-02')).toEqual(['2020-11-02', '2020-11-03', '2020-11']);
    expect(sorted('2019-11-21/2019-11-24', '2019-11-22')).toEqual(['2019-11-22', '2019-11-21/2019-11-24']);
  });

  it('keeps dates that do not cover one another in order of time', () => {
    expect(sorted('2020-11-03', '2020-11-02T23:30:00Z', '2020-11-02')).toEqual(['2020-11-02T23:30:00Z', '2020-11-02', '2020-11-03']);
    expect(sorted('2020-11-03T00:30:00+01:00', '2020-11-02T23:00:00Z')).toEqual(['2020-11-02T23:00:00Z', '2020-11-03T00:30:00+01:00']);
    expect(sorted('2019-11-20/2019-11-22', '2019-11-21/2019-11-24')).toEqual(['2019-11-20/2019-11-22', '2019-11-21/2019-11-24']);
  });
});
