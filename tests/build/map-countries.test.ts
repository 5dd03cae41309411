/**
 * The map's country pages on a site with more located records than one table lists: the
 * site-wide map counts in bins and by country, each country has a page, and a country's page
 * with more records than its table lists counts them by year, each year leading to the year's
 * page, which lists them. (It counted them by country, one row leading back to itself, and
 * listed none of them.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAP_BIN_THRESHOLD, MAP_TABLE_LIMIT } from '../../src/charts/map/layout.ts';
import { buildSite } from '../helpers/build.ts';
import { fixture, removeFixture } from '../helpers/fixture.ts';

const GB = MAP_TABLE_LIMIT + 40;
const FR = 12;
const row = (id: string, year: number, i: number, place: string, country: string, lat: number, lon: number) =>
  `${id},attack,${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},Attack ${id},news-1,${place},${country},${lat},${lon}`;
const rows = [
  ...Array.from({ length: GB }, (_, i) => row(`gb-${i}`, 2017 + (i % 2), i, 'London', 'GB', 51.5, -0.12)),
  ...Array.from({ length: FR }, (_, i) => row(`fr-${i}`, 2018, i, 'Paris', 'FR', 48.86, 2.35)),
];

let project: string;
let dist: string;
const page = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
const listed = (html: string, prefix: string) => html.match(new RegExp(`<tr data-record="${prefix}-\\d+"`, 'g'))?.length ?? 0;

beforeAll(async () => {
  expect(GB + FR).toBeGreaterThan(MAP_BIN_THRESHOLD);
  project = fixture('minimal', {
    'data/records/attacks-bulk.csv': `id,kind,date,title,sources,location.place,location.country,location.lat,location.lon\n${rows.join('\n')}\n`,
  });
  dist = await buildSite({ project });
});
afterAll(() => removeFixture(project));

describe(`a country with more than ${MAP_TABLE_LIMIT} located records`, () => {
  it('has a page that counts them by year, each year leading to the page that lists it', () => {
    const html = page('map/countries/gb');
    const summary = html.match(/<table id="map-summary" class="dw-summary">[\s\S]*?<\/table>/)?.[0];
    expect(summary).toBeDefined();
    expect(summary).toContain('<caption>Located records by year; each year leads to its page</caption>');
    expect(summary).toMatch(/<th scope="row"><a href="\/map\/2017\/">2017<\/a><\/th><td class="dw-count">1,020<\/td>/);
    expect(summary).toMatch(/<th scope="row"><a href="\/map\/2018\/">2018<\/a><\/th><td class="dw-count">1,020<\/td>/);
    expect(summary).not.toContain('countries/gb');
    expect(listed(html, 'gb')).toBe(0);
    // Its bins lead to that table, not back to the page itself.
    expect(html).not.toMatch(/data-href="\/map\/countries\/gb\/"/);
  });

  it('has its records listed on the year pages, with the others of the year', () => {
    expect(listed(page('map/2017'), 'gb')).toBe(GB / 2);
    const y2018 = page('map/2018');
    expect(listed(y2018, 'gb')).toBe(GB / 2);
    expect(listed(y2018, 'fr')).toBe(FR);
  });

  it('leaves a country within the limit listing its records, and the site-wide map counting by country', () => {
    expect(listed(page('map/countries/fr'), 'fr')).toBe(FR);
    const map = page('map');
    expect(map).toContain('<caption>Located records by country; each country leads to its page</caption>');
    expect(map).toMatch(/<a href="\/map\/countries\/gb\/">United Kingdom<\/a>/);
  });
});
