/**
 * A chart's frame and the map written as strings (frame-html.ts, map-html.ts, table-html.ts):
 * what they draw from a layout, and that text from data stays text in every place it is written.
 * (The case study's charts through their components are in snapshot.test.ts.)
 */
import { describe, expect, test } from 'vitest';
import { chartFrameHtml, chartLinksHtml, legendHtml } from '../../src/charts/shared/frame-html.ts';
import { dataTableHtml } from '../../src/charts/shared/table-html.ts';
import { attr } from '../../src/charts/shared/html.ts';
import { mapChartHtml } from '../../src/charts/map/map-html.ts';
import { layoutMap } from '../../src/charts/map/layout.ts';
import { layoutTimeline } from '../../src/charts/timeline/layout.ts';
import type { DataRecord } from '../../src/schema/records.ts';
import type { TableModel } from '../../src/charts/shared/types.ts';
import { caseStudy, synthetic } from './fixtures.ts';

const HOSTILE = `</figcaption><script>alert(1)</script>"'&`;
const hrefFor = (record: DataRecord) => `/incidents/x/#record-${record.id}`;
/** The elements a string of HTML opens, in order. */
const tags = (html: string) => [...html.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1]);

describe('attr', () => {
  test('writes what Astro writes: nothing for no value, the bare name for an empty one, numbers as they are', () => {
    expect(attr('x', undefined)).toBe('');
    expect(attr('x', null)).toBe('');
    expect(attr('hidden', '')).toBe(' hidden');
    expect(attr('x', 12.5)).toBe(' x="12.5"');
    expect(attr('title', `a "b" & <c>`)).toBe(' title="a &quot;b&quot; &amp; &lt;c&gt;"');
  });
});

describe('legendHtml and chartLinksHtml', () => {
  test('a swatch drawn like the marks it explains, the label as text', () => {
    const html = legendHtml([{ label: HOSTILE, classes: ['dw-mark', 'dw-c1'], swatch: 'bar', symbol: 'M0,0Z', glyph: '~' }]);
    expect(html).toBe(
      '<ul class="dw-legend"><li><svg class="dw-swatch" aria-hidden="true" width="36" height="22" viewBox="-18 -11 36 22"><g class="dw-mark dw-c1">' +
        '<rect class="dw-span is-interval" x="-16" y="-4" width="32" height="8"></rect><path class="dw-symbol" d="M0,0Z"></path>' +
        '<text class="dw-glyph" x="8" y="-2">~</text></g></svg>&lt;/figcaption&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;</li></ul>',
    );
    expect(legendHtml([])).toBe('');
  });

  test('a ring shrinks its symbol; arrows and bins draw their own', () => {
    expect(legendHtml([{ label: 'r', classes: [], swatch: 'ring', symbol: 'M1Z' }])).toContain('<path class="dw-symbol" d="M1Z" transform="scale(0.7)"></path>');
    expect(legendHtml([{ label: 'a', classes: [], swatch: 'arrow', symbol: 'M1Z' }])).not.toContain('dw-symbol');
    expect(tags(legendHtml([{ label: 'b', classes: [], swatch: 'bin', symbol: 'M1Z' }]))).toEqual(['ul', 'li', 'svg', 'g', 'rect', 'rect']);
  });

  test('links separated by a middle dot, a download marked as one', () => {
    expect(chartLinksHtml([{ href: '/a.csv', label: 'CSV', download: true }, { href: '/data/?a&b', label: 'Data' }])).toBe(
      '<p class="dw-download"><a href="/a.csv" download>CSV</a> · <a href="/data/?a&amp;b">Data</a></p>',
    );
    expect(chartLinksHtml([])).toBe('');
  });
});

describe('chartFrameHtml', () => {
  const records = caseStudy.records;
  const layout = layoutTimeline({ ...caseStudy, records });
  const html = chartFrameHtml({ layout, id: 'tl', title: HOSTILE, records, hrefFor, csvHref: '/data/x.csv', zoomable: true, searchable: false });

  test('a figure with its caption, legend, controls, the SVG, the data table and the links', () => {
    expect(html.startsWith('<dw-chart class="dw-chart" data-pagefind-ignore="all" data-zoomable="true"><figure class="dw-figure" aria-labelledby="tl-caption">')).toBe(true);
    expect(html.endsWith('<p class="dw-download"><a href="/data/x.csv" download>Download the data (CSV)</a></p></figure></dw-chart>')).toBe(true);
    for (const part of ['<ul class="dw-legend">', '<div class="dw-controls" hidden><fieldset class="dw-filters"><legend>Show lanes</legend>', '<div class="dw-zoom"', '<svg class="dw-svg"', '<details class="dw-table" id="tl-table">']) {
      expect(html).toContain(part);
    }
    // One lane band, one filter and one data-lane per lane; one row per record.
    expect(html.match(/<rect class="dw-lane-band"/g)).toHaveLength(layout.lanes.length);
    expect(html.match(/<input type="checkbox" value="[^"]+" checked> /g)).toHaveLength(layout.lanes.length);
    expect(html.match(/<tr data-record=/g)).toHaveLength(records.length);
    // Every tick, with its label, where the layout puts it.
    const ticks = layout.axes.flatMap((axis) => axis.ticks);
    expect([...html.matchAll(/<g class="dw-tick" transform="translate\(([\d.]+),0\)">/g)].map((m) => Number(m[1]))).toEqual(ticks.map((t) => t.x));
  });

  test('the title stays text in the caption and the SVG title', () => {
    const escaped = '&lt;/figcaption&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;';
    expect(html).toContain(`<figcaption id="tl-caption" class="dw-caption">${escaped}</figcaption>`);
    expect(html).toContain(`<title id="tl-title">${escaped}</title>`);
    expect(tags(html)).not.toContain('script');
  });

  test('a second view of the same records points to the first one’s table instead of its own', () => {
    const second = chartFrameHtml({ layout, id: 'tl-by-platform', title: 't', records, hrefFor, tableOf: 'tl' });
    expect(second).toContain('<p class="dw-table-note"><a href="#tl-table">The data table above</a> lists the same records.</p>');
    expect(second).not.toContain('<details');
  });
});

describe('dataTableHtml', () => {
  const summarised: TableModel = {
    caption: 'Records',
    columns: ['Date', 'Title'],
    linkColumn: 1,
    groups: [],
    summary: { caption: `Counts <by> year`, columns: ['Claims'], records: 12_000, rows: [{ key: '2019', label: '2019', counts: [7000] }, { key: '2020', label: '2020', counts: [5000] }] },
  };

  test('counts by period, each period with a page linked, and the caption says which lead where', () => {
    const all = dataTableHtml(summarised, { hrefs: new Map(), id: 'c', drillHref: (key) => `/claims/${key}/` });
    expect(all).toContain('<summary>Data table: 12,000 records counted by period (2 rows)</summary>');
    expect(all).toContain('<caption>Counts &lt;by&gt; year; each period leads to a page listing its records</caption>');
    expect(all).toContain('<tr id="c-p-2019"><th scope="row"><a href="/claims/2019/">2019</a></th><td class="dw-count">7,000</td></tr>');
    // No records left over, so no second table.
    expect(all.match(/<table/g)).toHaveLength(1);
    const some = dataTableHtml(summarised, { hrefs: new Map(), id: 'c', drillHref: (key) => (key === '2019' ? '/claims/2019/' : undefined), drillsTo: { noun: 'country', lists: false } });
    expect(some).toContain('; each linked country leads to its page, the others’ are in the downloads</caption>');
    expect(some).toContain('<th scope="row">2020</th>');
  });

  test('groups with their headings and anchors', () => {
    const table: TableModel = { caption: 'c', columns: ['A', 'B'], linkColumn: 1, groups: [{ id: 'bin-1', heading: HOSTILE, rows: [{ recordId: 'r', cells: ['1', '2'] }] }] };
    const html = dataTableHtml(table, { hrefs: new Map([['r', '/r/']]), id: 't' });
    expect(html).toContain('<tbody id="t-bin-1"><tr class="dw-group"><th scope="colgroup" colspan="2">&lt;/figcaption&gt;');
    expect(html).toContain('<summary>Data table (1 row)</summary>');
    expect(tags(html)).toEqual(['details', 'summary', 'div', 'table', 'caption', 'thead', 'tr', 'th', 'th', 'tbody', 'tr', 'th', 'tr', 'td', 'td', 'a']);
  });
});

describe('mapChartHtml', () => {
  test('each located record a mark with its tooltip as text, country outlines once in <defs>', () => {
    const records = [
      { id: 'a', kind: 'attack', date: '2019-11-29', title: HOSTILE, sources: ['s'], location: { place: 'X', country: 'FR', precision: 'country' } },
      { id: 'b', kind: 'attack', date: '2019-11-30', title: 'b', sources: ['s'], location: { place: 'Y', country: 'FR', precision: 'country' } },
      { id: 'c', kind: 'attack', date: '2020-01-02', title: 'c', sources: ['s'], location: { place: 'Paris', country: 'FR', lat: 48.86, lon: 2.35 } },
    ] as DataRecord[];
    const layout = layoutMap({ records });
    const html = mapChartHtml({ layout, records, hrefFor, title: HOSTILE, id: 'm', summaryBy: 'country', searchable: true });
    expect(html.match(/<path id="m-shape-fr"/g)).toHaveLength(1);
    expect(html.match(/<use class="dw-area" href="#m-shape-fr" fill="url\(#m-hatch\)"><\/use>/g)).toHaveLength(2);
    expect(html).toContain('<g class="dw-point dw-c1 is-exact" data-record="c"');
    expect(tags(html)).not.toContain('script');
    expect(html).toContain('<fieldset class="dw-filters"><legend>Show years</legend>');
    expect(html).toContain('<div class="dw-zoom"');
  });

  test('past its threshold, hexagons that lead to their country’s page', () => {
    const records = synthetic(400).filter((r) => 'location' in r);
    const layout = layoutMap({ records, binThreshold: 10 });
    const html = mapChartHtml({ layout, records, hrefFor, title: 'm', id: 'm', drillHref: (code) => `/map/${code}/`, summaryBy: 'country', searchable: true });
    expect(layout.binned).toBe(true);
    expect(html).toMatch(/<g class="dw-bin[^"]*"[^>]* data-href="\/map\/[a-z]{2}\/" data-count="\d+"/);
    expect(html).toContain('Select for the page of ');
    expect(html).not.toContain('<fieldset');
  });
});
