/**
 * A platform that closed ends its lane: on the takedowns chart and the timeline with lanes by
 * platform, at the day it closed, in the layout, the drawn SVG and the chart's description.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { layoutTakedowns } from '../../src/charts/takedowns/layout.ts';
import { layoutTimeline } from '../../src/charts/timeline/layout.ts';
import type { Platform } from '../../src/schema/platforms.ts';
import { takedown } from './fixtures.ts';
import { startRenderer } from './render.ts';

const records = [
  takedown('t1', '2019-11-22', { platform: 'telegram' }),
  takedown('t2', '2019-11-25', { platform: 'tamtam' }),
  takedown('t3', '2019-12-20', { platform: 'telegram' }),
];
const platforms = (closed: string): Platform[] => [
  { id: 'telegram', name: 'Telegram', kind: 'messenger' },
  { id: 'tamtam', name: 'TamTam', kind: 'messenger', closed },
];

describe('a closed platform’s lane', () => {
  test('ends at the day it closed, when that day is in view, and the description says so', () => {
    const layout = layoutTakedowns({ records, platforms: platforms('2019-12-02') });
    const tamtam = layout.lanes.find((l) => l.id === 'tamtam')!;
    const telegram = layout.lanes.find((l) => l.id === 'telegram')!;
    expect(telegram.end).toBeUndefined();
    expect(tamtam.end).toMatchObject({ t: Date.UTC(2019, 11, 2), label: 'TamTam closed on 2 December 2019' });
    const [x0, x1] = layout.scale!.range;
    const mark = (id: string) => layout.marks.find((m) => m.recordId === id)!.x;
    expect(tamtam.end!.x).toBeGreaterThan(mark('t2'));
    expect(tamtam.end!.x).toBeLessThan(mark('t3'));
    expect(tamtam.end!.x).toBeGreaterThan(x0);
    expect(tamtam.end!.x).toBeLessThan(x1);
    expect(layout.description).toContain('TamTam closed on 2 December 2019: its lane ends there.');
  });

  test('is not drawn when the closing falls outside the period shown, which the description says', () => {
    const after = layoutTakedowns({ records, platforms: platforms('2026-02-27') });
    expect(after.lanes.every((l) => l.end === undefined)).toBe(true);
    expect(after.description).toContain('TamTam closed on 27 February 2026, after the period shown.');
    const before = layoutTakedowns({ records, platforms: platforms('2018') });
    expect(before.description).toContain('TamTam closed on 2018, before the period shown.');
  });

  test('belongs to lanes of platforms: the timeline by platform has it, by kind it has not', () => {
    const byPlatform = layoutTimeline({ records, platforms: platforms('2019-12-02'), groupBy: 'platform' });
    expect(byPlatform.lanes.find((l) => l.id === 'tamtam')?.end?.label).toBe('TamTam closed on 2 December 2019');
    const byKind = layoutTimeline({ records, platforms: platforms('2019-12-02') });
    expect(byKind.lanes.some((l) => l.end)).toBe(false);
    expect(byKind.description).not.toContain('closed');
  });

  test('ends binned lanes too', () => {
    const layout = layoutTakedowns({ records, platforms: platforms('2019-12-02'), binThreshold: 1 });
    expect(layout.binned).toBe(true);
    expect(layout.lanes.find((l) => l.id === 'tamtam')?.end).toBeDefined();
    expect(layout.description).toContain('TamTam closed on 2 December 2019: its lane ends there.');
  });
});

describe('drawn', () => {
  let renderer: Awaited<ReturnType<typeof startRenderer>>;
  beforeAll(async () => {
    renderer = await startRenderer();
  });
  afterAll(async () => {
    await renderer?.close();
  });

  test('as a line across the lane that zoom moves and the lane filter hides, with its words', async () => {
    const html = await renderer.render('/src/charts/takedowns/TakedownsChart.astro', { records, platforms: platforms('2019-12-02'), hrefFor: () => undefined, id: 'tk' });
    const layout = layoutTakedowns({ records, platforms: platforms('2019-12-02') });
    const lane = layout.lanes.find((l) => l.id === 'tamtam')!;
    const end = /<g class="dw-lane-end"[^>]*>[\s\S]*?<\/g>/.exec(html)?.[0];
    expect(end).toBeDefined();
    expect(end).toContain(`data-lane="tamtam"`);
    // The takedowns chart does not zoom: no instant for zoom to read (the timeline's lanes do).
    expect(end).not.toContain('data-t=');
    expect(end).toContain(`transform="translate(${lane.end!.x},${lane.y})"`);
    expect(end).toContain('<title>TamTam closed on 2 December 2019</title>');
    expect(end).toContain(`y2="${lane.height}"`);
    // Inside the plot, so the clip and zoom apply to it as to the marks.
    expect(html.indexOf('class="dw-lane-end"')).toBeGreaterThan(html.indexOf('class="dw-plot"'));
    expect(html.match(/class="dw-lane-end"/g)).toHaveLength(1);
  });

  test('on the timeline’s lanes by platform, with the instant zoom moves it by', async () => {
    const html = await renderer.render('/src/charts/timeline/Timeline.astro', { records, platforms: platforms('2019-12-02'), hrefFor: () => undefined, id: 'tl', groupBy: 'platform' });
    const end = /<g class="dw-lane-end"[^>]*>/.exec(html)?.[0];
    expect(end).toContain(`data-lane="tamtam"`);
    expect(end).toContain(`data-t="${Date.UTC(2019, 11, 2)}"`);
  });
});
