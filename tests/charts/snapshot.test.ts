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

test('10,000 records: bins that say how many records they stand for and link to their rows', async () => {
  const { synthetic } = await import('./fixtures.ts');
  const records = synthetic(10_000);
  const html = await renderer.render(charts.timeline, { records, platforms: [], actors: [], hrefFor, id: 'big' });
  const bins = [...html.matchAll(/<g class="dw-bin[^"]*"[^>]*data-href="#([^"]+)"[^>]*data-count="(\d+)"/g)];
  expect(bins.length).toBeGreaterThan(50);
  expect(bins.reduce((n, m) => n + Number(m[2]), 0)).toBe(10_000);
  for (const [, target] of bins.slice(0, 20)) expect(html).toContain(`<tbody id="${target}">`);
  expect(html.match(/<tr data-record=/g)).toHaveLength(10_000);
  const { gzipSync } = await import('node:zlib');
  const kb = gzipSync(html).length / 1024;
  // The page budget is 300 KB gzipped; the chart must leave room for the rest of the page.
  expect(kb).toBeLessThan(250);
});
