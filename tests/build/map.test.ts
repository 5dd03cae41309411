/**
 * The map, on a small fixture site built whole: a location published at city level leaves no
 * trace of its exact coordinates in any file of the built site (HTML, SVG, JSON, CSV, Parquet,
 * feeds, the gzipped search index), each level is drawn as it should be (a mark, a circle, the country's
 * shape), and in Chromium the map passes axe in both schemes and works by keyboard and without
 * JavaScript. The case study's own map is in tests/quality/browser.test.ts and case-study.test.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parquetReadObjects } from 'hyparquet';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, skipBrowser } from '../helpers/browser.ts';
import { buildSite } from '../helpers/build.ts';
import { fixture, removeFixture, replaceOnce } from '../helpers/fixture.ts';
import { serve, type Served } from '../helpers/serve.ts';
import { axeViolations } from '../quality/lib/browser.ts';

/** Exact coordinates that must never be published, as the editor wrote them, and shorter. */
const EXACT = { lat: '51.50791', lon: '-0.08774' };
const TRACES = ['51.50791', '51.5079', '51.508', '0.08774', '0.0877', '0.088'];

const RECORDS = 'data/records/main.yaml';
const MORE = `
- id: attack-manchester
  kind: attack
  date: '2019-06-01'
  title: An attack known to the city
  location: {place: Manchester, country: GB, lat: 53.48, lon: -2.24, precision: city}
  sources: [news-1]
  incidents: [incident-one]
- id: attack-france
  kind: attack
  date: '2018-03-01'
  title: An attack known to the country
  location: {place: Somewhere in France, country: FR, precision: country}
  sources: [news-1]
  incidents: [incident-one]
  disputed:
    - field: location
      value: {place: Lyon, country: FR, lat: 45.76, lon: 4.84, precision: city}
      sources: [news-1]
`;

let project: string;
let dist: string;

beforeAll(async () => {
  project = fixture('minimal', {
    [RECORDS]: (text) =>
      replaceOnce('location: {place: London, country: GB}', `location: {place: London Bridge, country: GB, lat: ${EXACT.lat}, lon: ${EXACT.lon}, precision: exact, publish: city}`)(text) + MORE,
    'content/incidents/incident-one.mdx': replaceOnce('contentWarning:', `location: {place: London Bridge, country: GB, lat: ${EXACT.lat}, lon: ${EXACT.lon}, publish: city}\ncontentWarning:`),
  });
  dist = await buildSite({ project });
});

afterAll(() => removeFixture(project));

/** Every file under `dir`, as text; gzipped files (Pagefind's index and fragments) unpacked. */
function everyFile(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).flatMap((name) => {
    const path = join(dir, name);
    if (!statSync(path).isFile()) return [];
    let bytes = readFileSync(path);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    return [{ path: name, text: bytes.toString('latin1') }];
  });
}

describe('a location published at city level', () => {
  it('is written by the editor with its exact coordinates (so the test below can fail)', () => {
    const source = readFileSync(join(project, RECORDS), 'utf8') + readFileSync(join(project, 'content/incidents/incident-one.mdx'), 'utf8');
    for (const trace of [EXACT.lat, EXACT.lon]) expect(source).toContain(trace);
  });

  it('leaves no trace of its exact coordinates in any file of the built site, the search index unpacked', () => {
    const files = everyFile(dist);
    expect(files.some((f) => f.path.startsWith('pagefind/') && f.path.endsWith('.pf_fragment'))).toBe(true);
    const leaks = files.flatMap((f) => TRACES.filter((t) => f.text.includes(t)).map((t) => `${f.path}: ${t}`));
    expect(leaks).toEqual([]);
  });

  it('leaves none in the Parquet file either, whose numbers are binary: read back, its rows hold the snapped ones', async () => {
    const rows = await parquetReadObjects({ file: new Uint8Array(readFileSync(join(dist, 'data/records.parquet'))).buffer });
    const text = JSON.stringify(rows, (_, v) => (typeof v === 'bigint' ? Number(v) : v));
    expect(rows.length).toBeGreaterThan(3);
    expect(TRACES.filter((t) => text.includes(t))).toEqual([]);
    expect(text).toMatch(/"location\.lat":51\.5,"location\.lon":-0\.1|"lat":51\.5,"lon":-0\.1/);
  });

  it('is published snapped to the city grid, and says it is shown at that level', () => {
    const records = JSON.parse(readFileSync(join(dist, 'data/attacks-2019.json'), 'utf8')) as { id: string; location: object }[];
    expect(records.find((r) => r.id === 'attack-1')!.location).toEqual({ place: 'London Bridge', country: 'GB', lat: 51.5, lon: -0.1, precision: 'exact', publish: 'city' });
    const csv = readFileSync(join(dist, 'data/attacks-2019.csv'), 'utf8');
    expect(csv).toMatch(/attack-1,.*,51\.5,-0\.1,exact,city/);
    const incident = readFileSync(join(dist, 'incidents/incident-one/index.html'), 'utf8');
    expect(incident).toContain('London Bridge, GB (shown at city level)');
  });
});

describe('the map', () => {
  const html = (path: string) => readFileSync(join(dist, path), 'utf8');
  const mark = (page: string, id: string) => new RegExp(`<g class="([^"]*)" data-record="${id}"`).exec(page)?.[1];

  it('on /map/ and the incident page, draws every located record with a data-record mark', () => {
    for (const page of [html('map/index.html'), html('incidents/incident-one/index.html')]) {
      for (const id of ['attack-1', 'attack-manchester', 'attack-france']) expect(mark(page, id), id).toBeDefined();
    }
  });

  it('draws a city-level record as a circle and a country-level one as the country’s shape, hatched', () => {
    const page = html('map/index.html');
    expect(mark(page, 'attack-manchester')).toContain('dw-circle');
    expect(mark(page, 'attack-1')).toContain('dw-circle');
    expect(mark(page, 'attack-france')).toContain('dw-country');
    // The outline is written once, and used by each record it stands for, filled with the hatch.
    expect(page).toMatch(/<path id="map-shape-fr" d="M[^"]{1000,}"/);
    expect(page).toMatch(/<g class="dw-country[^"]*" data-record="attack-france"[^>]*>\s*<title>[^<]*<\/title>\s*<use class="dw-area" href="#map-shape-fr" fill="url\(#map-hatch\)"/);
    // The disputed place: a ghost joined to the record's shape.
    expect(page).toMatch(/<g class="dw-ghost[^"]*" data-record="attack-france"[^>]*>\s*<title>[^<]*Disputed location: Lyon/);
  });

  it('references the shared world outline rather than drawing it on every page', () => {
    for (const page of [html('map/index.html'), html('incidents/incident-one/index.html'), html('embed/map/index.html')]) {
      expect(page).toMatch(/<use class="dw-world" href="\/map\/world\.svg#world"/);
    }
    expect(html('map/world.svg')).toContain('<g id="world">');
  });

  it('has a page per year, the filter that works without JavaScript', () => {
    expect(mark(html('map/2019/index.html'), 'attack-1')).toBeDefined();
    expect(mark(html('map/2019/index.html'), 'attack-france')).toBeUndefined();
    expect(mark(html('map/2018/index.html'), 'attack-france')).toBeDefined();
  });
});

describe.skipIf(skipBrowser)('the map in Chromium', () => {
  let served: Served;
  let browser: Browser;

  beforeAll(async () => {
    served = await serve(dist);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('passes axe in the light and the dark scheme', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const path of ['map/', 'incidents/incident-one/']) {
      await page.goto(`${served.url}${path}`);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        expect(await axeViolations(page), `${path} ${colorScheme}`).toEqual([]);
      }
    }
    await context.close();
  });

  it('is one tab stop; arrows move between marks; + zooms the geography, not the marks’ size; Enter follows', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${served.url}map/`);
    const chart = page.locator('dw-chart.dw-map');
    expect(await chart.locator('[tabindex="0"]').count()).toBe(1);
    await chart.locator('[tabindex="0"]').focus();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-record') + ' ' + document.activeElement?.getAttribute('class'));
    const first = await focused();
    await expect.poll(() => chart.locator('[role="tooltip"]').isVisible()).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await focused()).not.toBe(first);
    expect(await chart.locator('[tabindex="0"]').count()).toBe(1);

    const geography = chart.locator('.dw-map-zoom');
    const ghost = chart.locator('.dw-map-marks g[data-record="attack-france"]');
    const before = await ghost.getAttribute('transform');
    await page.keyboard.press('+');
    expect(await geography.getAttribute('transform')).toMatch(/scale\(2\)/);
    expect(await ghost.getAttribute('transform')).not.toBe(before);
    await page.keyboard.press('0');
    expect(await ghost.getAttribute('transform')).toBe(before);

    await page.keyboard.press('Home');
    const href = await page.evaluate(() => (document.activeElement as SVGElement).dataset.href);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname + url.hash === href || url.href.endsWith(href!));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('filters by year: unticking 2018 hides its record’s marks, ghost included', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${served.url}map/`);
    const chart = page.locator('dw-chart.dw-map');
    const shown = () => chart.locator('svg g[data-record="attack-france"]:not(.is-hidden)').count();
    expect(await shown()).toBe(2);
    await chart.locator('.dw-filters input[name="year"][value="2018"]').uncheck();
    expect(await shown()).toBe(0);
    expect(await chart.locator('svg g[data-record="attack-1"]:not(.is-hidden)').count()).toBe(1);
    await context.close();
  });

  it('without JavaScript, shows every mark and the table', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${served.url}map/`);
    expect(await page.locator('svg g[data-record]').count()).toBe(4);
    expect(await page.locator('details.dw-table tr[data-record]').count()).toBe(3);
    expect(await page.locator('.dw-controls').isHidden()).toBe(true);
    await context.close();
  });
});
