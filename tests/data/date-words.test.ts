/** Dates in words (src/data/date-words.ts): Intl's names and ranges, the site's dash. */
import { describe, expect, it } from 'vitest';
import { dateInWords, joinRange, MONTH_NAMES, rangeInWords, SHORT_MONTH_NAMES, timeInWords } from '../../src/data/date-words.ts';
import { formatDate } from '../../src/data/dates.ts';
import { binRangeText } from '../../src/charts/shared/bins.ts';
import { periodLabel } from '../../src/charts/shared/periods.ts';
import { tickLabel } from '../../src/charts/shared/ticks.ts';
import { plainCitation } from '../../src/seo/cite.ts';

const t = (iso: string) => Date.parse(iso);

describe('names', () => {
  it('months, long and as the axis shortens them', () => {
    expect(MONTH_NAMES).toEqual(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']);
    expect(SHORT_MONTH_NAMES[8]).toBe('Sep');
  });
});

describe('a date', () => {
  it('at each grain, in UTC', () => {
    expect(dateInWords(t('2019-11-29T23:30:00Z'), 'day')).toBe('29 November 2019');
    expect(dateInWords(t('2019-11-29'), 'month')).toBe('November 2019');
    expect(dateInWords(t('2019-11-29'), 'year')).toBe('2019');
    expect(timeInWords(t('2019-11-29T09:05:00Z'))).toBe('09:05');
  });
});

describe('a range', () => {
  it('shares what its ends share, closed up between numbers and spaced between words', () => {
    expect(rangeInWords(t('2019-11-21'), t('2019-11-24'), 'day')).toBe('21–24 November 2019');
    expect(rangeInWords(t('2019-10-28'), t('2019-11-03'), 'day')).toBe('28 October – 3 November 2019');
    expect(rangeInWords(t('2019-12-28'), t('2020-01-03'), 'day')).toBe('28 December 2019 – 3 January 2020');
    expect(rangeInWords(t('2019-03-01'), t('2019-04-01'), 'month')).toBe('March – April 2019');
    expect(rangeInWords(t('2019-11-21'), t('2019-11-21'), 'day')).toBe('21 November 2019');
    expect(joinRange('about November 2019', '2 December 2019')).toBe('about November 2019 – 2 December 2019');
  });

  it('is written once per grain and ends: asked again, the same words; at another grain, its own', () => {
    const first = rangeInWords(t('2019-03-01'), t('2019-04-01'), 'day');
    expect(first).toBe('1 March – 1 April 2019');
    expect(rangeInWords(t('2019-03-01'), t('2019-04-01'), 'month')).toBe('March – April 2019');
    expect(rangeInWords(t('2019-03-01'), t('2019-04-01'), 'day')).toBe(first);
    expect(rangeInWords(t('2019-03-01'), t('2019-04-01'), 'year')).toBe('2019');
  });
});

describe('every place dates are written, through this module', () => {
  it('records, bins, periods, axes and citations say the same as before', () => {
    expect(formatDate('2019-11-21/2019-11-24')).toBe('21–24 November 2019');
    expect(formatDate('2019-11-28/2019-12-02')).toBe('28 November – 2 December 2019');
    expect(formatDate('2019-11~/2019-12-02')).toBe('about November 2019 – 2 December 2019');
    expect(formatDate('2019-11-29T13:58:00Z')).toBe('29 November 2019, 13:58 UTC');
    expect(binRangeText(t('2019-11-03'), t('2019-11-10'))).toBe('3–9 November 2019');
    expect(binRangeText(t('2019-03-01'), t('2019-05-01'))).toBe('March – April 2019');
    expect(binRangeText(t('2019-01-01'), t('2020-01-01'))).toBe('2019');
    expect(binRangeText(t('2019-11-29T13:00:00Z'), t('2019-11-29T14:00:00Z'))).toBe('29 November 2019, 13:00–14:00 UTC');
    expect(periodLabel('2019-03')).toBe('March 2019');
    expect(tickLabel(t('2019-09-01'), 'month', t('2019-08-01'))).toBe('Sep');
    expect(plainCitation({ id: 'x', title: 'T', authors: [], container: 'D', url: 'https://x.org/', updated: '2019-11-29', type: 'webpage' })).toContain(' 29 November 2019. ');
  });
});
