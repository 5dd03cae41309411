/**
 * The case study's three charts rendered by their .astro components (Astro's container API),
 * checked against the chart contract and against normalised SVG snapshots. On a mismatch the new
 * rendering is written next to the snapshot as `<name>-changed.svg` for a person to look at;
 * delete the snapshot and re-run to accept a change (in CI a missing snapshot fails).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { DataRecord } from '../../src/schema/records.ts';
import { caseStudy, statement } from './fixtures.ts';
import { startRenderer } from './render.ts';

const SNAPSHOTS = new URL('./__snapshots__/', import.meta.url);
const hrefFor = (record: DataRecord) => `/records/${record.id}/`;
let renderer: Awaited<ReturnType<typeof startRenderer>>;

beforeAll(async () => {
  renderer = await startRenderer();
});
afterAll(async () => {
  await renderer?.close();
});

const charts = {
  timeline: '/src/charts/timeline/Timeline.astro',
  claims: '/src/charts/claims/ClaimsChart.astro',
  takedowns: '/src/charts/takedowns/TakedownsChart.astro',
} as const;

function render(name: keyof typeof charts, props: Record<string, unknown> = {}): Promise<string> {
  return renderer.render(charts[name], { ...caseStudy, hrefFor, ...props });
}

/** Plot's normalisation: numbers to one decimal, ids re-indexed in order, one element a line. */
export function normaliseSvg(html: string): string {
  const svg = html.match(/<svg class="dw-svg"[\s\S]*?<\/svg>/)?.[0];
  if (!svg) throw new Error('no chart <svg> in the rendering');
  const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
  let out = svg.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10));
  ids.forEach((id, i) => {
    out = out.replaceAll(id, `id${i}`);
  });
  return out.replace('<svg ', '<svg xmlns="http://www.w3.org/2000/svg" ').replace(/>\s*</g, '>\n<') + '\n';
}

function assertSnapshot(name: string, actual: string): void {
  const file = new URL(`${name}.svg`, SNAPSHOTS);
  const changed = new URL(`${name}-changed.svg`, SNAPSHOTS);
  if (!existsSync(file)) {
    if (process.env.CI === 'true') throw new Error(`missing snapshot ${file.pathname}`);
    writeFileSync(file, actual);
    return;
  }
  const expected = readFileSync(file, 'utf8');
  if (expected === actual) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  expect(actual, `SVG differs from ${name}.svg; see ${name}-changed.svg`).toBe(expected);
}

const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];

describe.each(Object.keys(charts) as (keyof typeof charts)[])('%s chart', (name) => {
  let html: string;
  beforeAll(async () => {
    html = await render(name);
  });

  test('the svg has role="img", a name and a description', () => {
    const svgTag = html.match(/<svg class="dw-svg"[^>]*>/)![0];
    expect(attr(svgTag, 'role')).toBe('img');
    const titleId = attr(svgTag, 'aria-labelledby')!;
    const descId = attr(svgTag, 'aria-describedby')!;
    expect(html).toMatch(new RegExp(`<title id="${titleId}">[^<]+</title>`));
    expect(html).toMatch(new RegExp(`<desc id="${descId}">[^<]{40,}</desc>`));
  });

  test('every record mark has a row with the same data-record, and every row a link', () => {
    const svg = html.match(/<svg class="dw-svg"[\s\S]*?<\/svg>/)![0];
    const markIds = new Set([...svg.matchAll(/<g [^>]*data-record="([^"]+)"/g)].map((m) => m[1]));
    const rowIds = new Set([...html.matchAll(/<tr data-record="([^"]+)"/g)].map((m) => m[1]));
    expect(markIds.size).toBeGreaterThan(0);
    expect([...markIds].filter((id) => !rowIds.has(id))).toEqual([]);
    expect([...rowIds].filter((id) => !markIds.has(id))).toEqual([]);
    for (const id of rowIds) expect(html).toContain(`href="/records/${id}/"`);
    expect(html).toMatch(/<details class="dw-table"/);
  });

  test('instants (data-t, -t0, -t1) only on a chart that zooms in time, which alone reads them', () => {
    const svg = html.match(/<svg class="dw-svg"[\s\S]*?<\/svg>/)![0];
    if (name === 'timeline') expect(svg).toMatch(/<g class="dw-mark[^"]*"[^>]*data-t="\d+"/);
    else expect(svg).not.toMatch(/\sdata-t\d?=/);
  });

  test('no inline styles (the CSP has no unsafe-inline)', () => {
    expect(html).not.toMatch(/\sstyle="/);
    expect(html).not.toMatch(/<style/);
  });

  test('matches the normalised snapshot', () => {
    assertSnapshot(`case-study-${name}`, normaliseSvg(html));
  });
});

test('the timeline draws every case-study record, with ghosts for disputed dates', async () => {
  const html = await render('timeline');
  const svg = html.match(/<svg class="dw-svg"[\s\S]*?<\/svg>/)![0];
  for (const r of caseStudy.records) expect(svg).toContain(`data-record="${r.id}"`);
  expect(svg.match(/class="dw-ghost /g)).toHaveLength(4);
  expect(html).toMatch(/data-scale="\{&quot;type&quot;:&quot;utc&quot;/);
});

test('text from data stays text, in marks, tooltips and the table', async () => {
  const evil = statement('evil', '2019-11-29', { title: '<script>alert(1)</script> & "quotes"' });
  const html = await renderer.render(charts.timeline, { records: [evil], platforms: [], actors: [], hrefFor });
  expect(html).not.toContain('<script>alert(1)');
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp;');
});

describe('10,000 records', () => {
  let records: DataRecord[];
  const drillHref = (key: string) => `/drill/${key}/`;
  const gzipKB = async (html: string) => (await import('node:zlib')).gzipSync(html).length / 1024;
  const sizes: Record<string, number> = {};
  beforeAll(async () => {
    records = (await import('./fixtures.ts')).synthetic(10_000);
  });
  afterAll(() => {
    console.log(`gzipped HTML of the charts at 10,000 records (KB): ${JSON.stringify(sizes)}`);
  });

  test('a listed table: bins that say how many records they stand for and link to their rows', async () => {
    const html = await renderer.render(charts.timeline, { records, platforms: [], actors: [], hrefFor, id: 'big', tableLimit: Infinity });
    const bins = [...html.matchAll(/<g class="dw-bin[^"]*"[^>]*data-href="#([^"]+)"[^>]*data-count="(\d+)"/g)];
    expect(bins.length).toBeGreaterThan(50);
    expect(bins.reduce((n, m) => n + Number(m[2]), 0)).toBe(10_000);
    for (const [, target] of bins.slice(0, 20)) expect(html).toContain(`<tbody id="${target}">`);
    // Rows without ids: nothing links to them (only the site-wide timeline's rows are anchors).
    expect(html.match(/<tr data-record=/g)).toHaveLength(10_000);
    expect(html).not.toMatch(/<tr id=/);
  });

  // What the site-wide pages render: the timeline with its by-platform view, claims, takedowns.
  test.each([
    ['timeline', { switchable: true }],
    ['claims', {}],
    ['takedowns', {}],
  ] as const)('%s, summarised: bars lead to drill-down pages, the table counts by year, well under the page budget', async (name, extra) => {
    const html = await renderer.render(charts[name], { records, platforms: caseStudy.platforms, actors: caseStudy.actors, hrefFor, drillHref, csvHref: '/data/x.csv', links: [{ href: '/data/', label: 'All downloads' }], ...extra });
    const summary = html.match(/<table id="[^"]+-summary" class="dw-summary">[\s\S]*?<\/table>/)?.[0];
    expect(summary).toBeTruthy();
    expect(summary).toMatch(/<th scope="row"><a href="\/drill\/2019\/">2019<\/a><\/th>/);
    expect(html).not.toMatch(/<tr [^>]*data-record=/);
    const barTargets = [...html.matchAll(/<g class="dw-bin[^"]*"[^>]*data-href="([^"]+)"[^>]*data-count="(\d+)"/g)].map((m) => m[1]!);
    expect(barTargets.length).toBeGreaterThan(5);
    if (name === 'claims') expect(new Set(barTargets)).toEqual(new Set(['#claims-summary']));
    else expect(barTargets.every((h) => /^\/drill\/\d{4}\/$/.test(h))).toBe(true);
    expect(html).toContain('<a href="/data/x.csv" download>Download the data (CSV)</a> · <a href="/data/">All downloads</a>');
    expect(html).not.toMatch(/\sstyle="/);
    const kb = await gzipKB(html);
    sizes[name] = Math.round(kb * 10) / 10;
    // The page budget is 300 KB gzipped; the chart must leave room for the page around it.
    expect(kb).toBeLessThan(120);
  });

  test("a year's page: counts by month, leading to the month pages", async () => {
    const year = records.filter((r) => String(r.date).startsWith('2019'));
    const html = await renderer.render(charts.timeline, { records: year, platforms: caseStudy.platforms, actors: caseStudy.actors, hrefFor, drillHref, summaryGrain: 'month', switchable: true, tableLimit: 500 });
    expect(html).toMatch(/<a href="\/drill\/2019-03\/">March 2019<\/a>/);
    sizes['timeline-year'] = Math.round((await gzipKB(html)) * 10) / 10;
  });

  test('a listed page at the table limit (2,000 records) stays under the budget', async () => {
    const month = records.slice(0, 2_000);
    const html = await renderer.render(charts.timeline, { records: month, platforms: caseStudy.platforms, actors: caseStudy.actors, hrefFor, summaryGrain: false, switchable: true, rowAnchors: true });
    // The site-wide timeline's rows are where a record with no write-up is linked to.
    expect(html.match(/<tr id="timeline-record-[^"]+" data-record=/g)).toHaveLength(2_000);
    // The by-platform view points to the same table instead of repeating it.
    expect(html).toContain('<a href="#timeline-table">The data table above</a> lists the same records.');
    const kb = await gzipKB(html);
    sizes['timeline-2000-listed'] = Math.round(kb * 10) / 10;
    expect(kb).toBeLessThan(200);
  });
});

test('100,000 records: the site-wide charts, summarised, stay small', async () => {
  const { synthetic } = await import('./fixtures.ts');
  const { gzipSync } = await import('node:zlib');
  const records = synthetic(100_000, 7);
  const sizes: Record<string, number> = {};
  for (const [name, extra] of [['timeline', { switchable: true }], ['claims', {}], ['takedowns', {}]] as const) {
    const html = await renderer.render(charts[name], { records, platforms: caseStudy.platforms, actors: caseStudy.actors, hrefFor, drillHref: (key: string) => `/${name}/${key}/`, ...extra });
    expect(html).not.toMatch(/<tr [^>]*data-record=/);
    sizes[name] = Math.round((gzipSync(html).length / 1024) * 10) / 10;
    expect(sizes[name]).toBeLessThan(120);
  }
  console.log(`gzipped HTML of the charts at 100,000 records (KB): ${JSON.stringify(sizes)}`);
});
