import { describe, expect, test } from 'vitest';
import { marksSvg } from '../../src/charts/shared/marks-svg.ts';
import { laneAt } from '../../src/charts/shared/lane-at.ts';
import type { Mark } from '../../src/charts/shared/types.ts';

const HOSTILE = [`</title><script>alert(1)</script>`, `"&'<`, `" onmouseover="alert(1)`, `]]><svg onload=alert(1)>`, `&lt;already&gt;`];

function mark(over: Partial<Mark> = {}): Mark {
  return { key: 'k', type: 'record', recordId: 'claim-000001', lane: 'claim', x: 12.5, y: 40, t: 1648036800000, symbol: 'M0,-8.8L7.6,4.4L-7.6,4.4Z', tip: 'A claim\n23 March 2022 · Claim', classes: ['dw-mark', 'dw-c4'], ...over };
}

const options = { hrefs: new Map([['claim-000001', '/records/claim-000001/']]), id: 'timeline', chartId: 'timeline' };

/** Element names in order, as a tokenizer would see them outside text. */
function tags(svg: string): string[] {
  return [...svg.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[0]);
}

describe('marks as SVG markup', () => {
  test('a record mark: classes, its record, lane, link, instant when timed, and its title', () => {
    const svg = marksSvg([mark()], { ...options, timed: true });
    expect(svg).toBe(
      '<g class="dw-mark dw-c4" data-record="claim-000001" data-lane="claim" data-href="/records/claim-000001/" data-t="1648036800000" transform="translate(12.5,40)">' +
        '<title>A claim\n23 March 2022 · Claim</title><path class="dw-symbol" d="M0,-8.8L7.6,4.4L-7.6,4.4Z"/></g>',
    );
  });

  test('instants only on a chart that zooms in time', () => {
    const m = mark({ span: { t0: 1, t1: 2, x0: -3, x1: 9.04, style: 'interval' }, link: { dx: 20, t: 5 } });
    expect(marksSvg([m], options)).not.toMatch(/data-t/);
    const timed = marksSvg([m], { ...options, timed: true });
    expect(timed).toContain('<line class="dw-link" x1="0" y1="0" x2="20" y2="0" data-t1="5"/>');
    expect(timed).toContain('<rect class="dw-span is-interval" x="-3" y="-4" width="12" height="8" data-t0="1" data-t1="2"/>');
  });

  test('a mark leading to its card on the page has no data-href', () => {
    const svg = marksSvg([mark()], { ...options, hrefs: new Map([['claim-000001', '#record-claim-000001']]) });
    expect(svg).not.toContain('data-href');
    expect(svg).toContain('data-record="claim-000001"');
  });

  test("a mark whose record the chart's own table lists has no data-href: the row's link is its link", () => {
    const svg = marksSvg([mark(), mark({ recordId: 'claim-000002' })], { ...options, hrefs: new Map([...options.hrefs, ['claim-000002', '/records/claim-000002/']]), listed: new Set(['claim-000001']) });
    expect(svg).toContain('<g class="dw-mark dw-c4" data-record="claim-000001" data-lane="claim" transform=');
    expect(svg).toContain('data-record="claim-000002" data-lane="claim" data-href="/records/claim-000002/"');
  });

  test('bins lead to their table group, or to the drill-down page of their period', () => {
    const bin = mark({ type: 'bin', recordId: undefined, count: 0, group: 'g-2019', period: '2019', symbol: undefined, rect: { width: 4, height: 10, y: -10, t1: 9 }, classes: ['dw-bin', 'dw-c1'] });
    expect(marksSvg([bin], options)).toContain('data-href="#timeline-g-2019" data-count="0"');
    expect(marksSvg([bin], { ...options, drillHref: (p) => `/timeline/${p}/` })).toContain('data-href="/timeline/2019/"');
  });

  test('no part drawn that the mark does not have', () => {
    expect(tags(marksSvg([mark({ symbol: undefined, glyph: '', label: undefined })], options))).toEqual(['<g', '<title', '</title', '</g']);
  });

  test('a symbol many marks draw is one path in <defs>, each mark a <use> of it, styled by its class', () => {
    const star = 'M0,-9.4L2.1,-2.9L9,-2.9L3.4,1.1L5.5,7.6L0,3.6L-5.5,7.6L-3.4,1.1L-9,-2.9L-2.1,-2.9Z';
    const marks = [mark({ symbol: star }), mark({ symbol: star, halo: star }), mark({ symbol: star, x: 40 })];
    const svg = marksSvg(marks, { ...options, chartId: 'incident-claims' });
    expect(svg.startsWith(`<defs><path id="incident-claims-s-0" d="${star}"/></defs><g `)).toBe(true);
    expect(svg.match(/<use class="dw-symbol" href="#incident-claims-s-0"\/>/g)).toHaveLength(3);
    expect(svg).toContain('<use class="dw-halo" href="#incident-claims-s-0"/><use class="dw-symbol"');
    expect(svg.match(/ d="/g)).toHaveLength(1);
  });

  test('a symbol drawn by too few marks to pay for a shared copy stays a path', () => {
    const svg = marksSvg([mark(), mark({ x: 30 })], options);
    expect(svg).not.toContain('<defs>');
    expect(svg.match(/<path class="dw-symbol" d="M0,-8.8L7.6,4.4L-7.6,4.4Z"\/>/g)).toHaveLength(2);
  });

  test("a label's anchor is written only when it is not the default (start)", () => {
    expect(marksSvg([mark({ label: { text: 'hundreds', dx: 9, dy: 4 } })], options)).toContain('<text class="dw-label" x="9" y="4">hundreds</text>');
    expect(marksSvg([mark({ label: { text: 'x', dx: -9, dy: 4, anchor: 'end' } })], options)).toContain('<text class="dw-label" x="-9" y="4" text-anchor="end">x</text>');
  });

  describe('data-lane only where the lane bands do not say it', () => {
    const lanes = [
      { id: 'attack', y: 12, height: 30 },
      { id: 'claim', y: 42, height: 40 },
    ];
    test('a band holds its top, not its bottom', () => {
      expect([11.9, 12, 41.9, 42, 81.9, 82].map((y) => laneAt(lanes, y))).toEqual([undefined, 'attack', 'attack', 'claim', 'claim', undefined]);
    });
    test('in its own band: none; in another or in none: its lane; no lane inside a band: empty', () => {
      const svg = (m: Partial<Mark>) => /^<g[^>]*>/.exec(marksSvg([mark(m)], { ...options, lanes }))![0];
      expect(svg({ lane: 'claim', y: 57 })).not.toContain('data-lane');
      expect(svg({ lane: 'claim', y: 27 })).toContain(' data-lane="claim"');
      expect(svg({ lane: 'claim', y: 100 })).toContain(' data-lane="claim"');
      expect(svg({ lane: undefined, y: 57 })).toMatch(/ data-lane[ >]/);
      expect(svg({ lane: undefined, y: 100 })).not.toContain('data-lane');
    });
  });

  for (const text of HOSTILE) {
    test(`text from data stays text: ${JSON.stringify(text)}`, () => {
      const m = mark({
        tip: text,
        glyph: text,
        label: { text, dx: 1, dy: 2 },
        recordId: text,
        lane: text,
        classes: ['dw-mark', text],
      });
      const svg = marksSvg([m], { ...options, hrefs: new Map([[text, `/records/${text}/`]]) });
      // Only the elements the serializer writes, whatever the text holds.
      expect(tags(svg)).toEqual(['<g', '<title', '</title', '<path', '<text', '</text', '<text', '</text', '</g']);
      // Every attribute value closes where it should: no quote or angle bracket from data survives raw.
      const open = svg.match(/^<g[^>]*>/)![0];
      expect(open).toMatch(/^<g( [a-z-]+="[^"<>]*")+>$/);
      expect(svg).not.toMatch(/<script|<svg/i);
      // And what a reader sees is the text as written.
      const title = /<title>([^<]*)<\/title>/.exec(svg)![1]!;
      expect(title.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!)).toBe(text);
    });
  }
});
