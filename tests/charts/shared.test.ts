import { describe, expect, test } from 'vitest';
import { timeScale, project } from '../../src/charts/shared/scale.ts';
import { timeTicks, tickLabel } from '../../src/charts/shared/ticks.ts';
import { formatLatency, formatLatencyRange } from '../../src/charts/shared/format.ts';
import { dodgeRows } from '../../src/charts/shared/dodge.ts';
import { spanGeometry } from '../../src/charts/shared/precision.ts';
import { parseDate } from '../../src/schema/edtf.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ticksFor = (from: string, to: string) => timeTicks(timeScale(Date.parse(from), Date.parse(to), [0, 800]));

describe('time ticks suit the span', () => {
  test('a few hours: clock times, with the day at midnight', () => {
    const ticks = ticksFor('2019-11-29T10:00:00Z', '2019-11-29T18:00:00Z');
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.every((t) => /^\d{2}:\d{2}$|^\d+ [A-Z][a-z]{2}( \d{4})?$/.test(t.label))).toBe(true);
    expect(ticks.some((t) => t.label.endsWith(':00'))).toBe(true);
  });

  test('two weeks: days, the first with its year', () => {
    const ticks = ticksFor('2019-11-20', '2019-12-04');
    expect(ticks[0]!.label).toMatch(/^\d+ [A-Z][a-z]{2} 2019$/);
    expect(ticks.slice(1).every((t) => /^\d+ [A-Z][a-z]{2}$/.test(t.label))).toBe(true);
  });

  test('two years: months, the year where it changes', () => {
    const labels = ticksFor('2018-03-01', '2020-02-01').map((t) => t.label);
    expect(labels).toContain('Jan 2019');
    expect(labels.some((l) => /^[A-Z][a-z]{2}$/.test(l))).toBe(true);
  });

  test('decades: years', () => {
    const labels = ticksFor('1990-01-01', '2024-06-01').map((t) => t.label);
    expect(labels.every((l) => /^\d{4}$/.test(l))).toBe(true);
    expect(labels.length).toBeGreaterThanOrEqual(3);
  });

  test('a label that would run past the end of the axis ends at its tick instead', () => {
    const ticks = ticksFor('2019-11-20', '2020-01-12');
    expect(ticks.at(-1)).toMatchObject({ x: 800, anchor: 'end' });
    expect(ticks.slice(0, -1).every((t) => t.anchor === undefined)).toBe(true);
  });

  test('ticks lie inside the range and increase', () => {
    const ticks = ticksFor('2019-01-01', '2019-12-31');
    for (const [a, b] of ticks.slice(1).map((t, i) => [ticks[i]!, t] as const)) expect(b.x).toBeGreaterThan(a.x);
    expect(ticks.every((t) => t.x >= 0 && t.x <= 800)).toBe(true);
  });

  test('a single instant still gets a readable day around it', () => {
    const scale = timeScale(Date.parse('2019-11-29T13:58:00Z'), Date.parse('2019-11-29T13:58:00Z'), [0, 800]);
    expect(scale.domain[1] - scale.domain[0]).toBeGreaterThanOrEqual(DAY);
    expect(project(scale, Date.parse('2019-11-29T13:58:00Z'))).toBeGreaterThan(0);
  });

  test('labels only say what changed', () => {
    expect(tickLabel(Date.parse('2020-01-01'), 'month', Date.parse('2019-12-01'))).toBe('Jan 2020');
    expect(tickLabel(Date.parse('2019-12-01'), 'month', Date.parse('2019-11-01'))).toBe('Dec');
  });
});

describe('latency text', () => {
  test('two units at most', () => {
    expect(formatLatency(DAY + 2 * HOUR)).toBe('+1 d 2 h');
    expect(formatLatency(45 * 60_000)).toBe('+45 min');
    expect(formatLatency(3 * DAY + 5 * 60_000)).toBe('+3 d');
    expect(formatLatency(0)).toBe('+0 min');
  });
  test('a range when dates are known only to the day', () => {
    expect(formatLatencyRange(10 * HOUR, DAY + 10 * HOUR)).toBe('+10 h to +1 d 10 h');
  });
});

test('dodge stacks overlapping extents and reuses free rows', () => {
  expect(dodgeRows([{ left: 0, right: 10 }, { left: 5, right: 15 }, { left: 20, right: 30 }], 6)).toEqual([0, 1, 0]);
  expect(dodgeRows([{ left: 0, right: 10 }, { left: 0, right: 10 }, { left: 0, right: 10 }], 2)).toEqual([0, 1, 1]);
});

describe('precision drawing', () => {
  const scale = timeScale(Date.parse('2019-11-01'), Date.parse('2019-12-31'), [0, 600]);
  test('a day is a point at its middle', () => {
    const g = spanGeometry(parseDate('2019-11-30'), scale);
    expect(g.span).toBeUndefined();
    expect(g.t).toBe(Date.parse('2019-11-30T12:00:00Z'));
  });
  test('an interval is a bar', () => {
    const g = spanGeometry(parseDate('2019-11-21/2019-11-24'), scale);
    expect(g.span?.style).toBe('interval');
    expect(g.span!.x1 - g.span!.x0).toBeGreaterThan(20);
    expect(g.classes).toContain('is-interval');
  });
  test('a month is imprecise, approximate and uncertain are flagged with their glyph', () => {
    expect(spanGeometry(parseDate('2019-12'), scale).classes).toContain('is-month');
    expect(spanGeometry(parseDate('2019-12'), scale).span?.style).toBe('imprecise');
    expect(spanGeometry(parseDate('2019-11~'), scale).glyph).toBe('~');
    expect(spanGeometry(parseDate('2019-12-01?'), scale).glyph).toBe('?');
    expect(spanGeometry(parseDate('2019-12-01?'), scale).classes).toContain('is-uncertain');
  });
});

