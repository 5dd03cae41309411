/**
 * data/site.yaml `recordListLimit`: past it an incident's page counts its records instead of
 * listing each (no cards; charts in bins, tables by year), and a month of the site-wide charts has
 * no page of its own; every link to a record leads to its row on the timeline's pages where it
 * has one, else to the downloads; a platform's or an actor's page lists that many of each role.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, removeFixture } from '../helpers/fixture.ts';
import { builtSite, read } from './site-helpers.ts';
import { findBrokenLinks } from '../quality/lib/links.ts';
import { htmlFiles, readSite } from '../quality/lib/site.ts';

/** A second takedown on Telegram: its role table then has two records, one over the limit. */
const SECOND_TAKEDOWN = `- id: takedown-2
  kind: takedown
  date: '2019-11-25'
  title: A second takedown
  platform: telegram
  initiator: platform
  outcome: removed
  sources: [news-1]
`;

/** A second located attack in 2019, in no incident: the map's 2019 has two records, one over the limit. */
const SECOND_ATTACK = `- id: attack-2
  kind: attack
  date: '2019-11-20'
  title: A second attack
  location: {place: Paris, country: FR}
  sources: [news-1]
`;

let project: string;
let dist: string;

beforeAll(async () => {
  project = fixture('minimal', {
    'data/site.yaml': (text) => `${text}recordListLimit: 1\n`,
    'data/records/main.yaml': (text) => `${text}${SECOND_TAKEDOWN}${SECOND_ATTACK}`,
    // A chart in the write-up of all its records: counted too.
    'content/incidents/incident-one.mdx': (text) => `${text}\n<Timeline title="All of it" />\n`,
  });
  dist = (await builtSite('/', project)).dist;
}, 240_000);
afterAll(() => removeFixture(project));

describe('recordListLimit', () => {
  it('counts an incident’s records past it: no cards, charts in bins, the counts by kind and where the records are', () => {
    const page = read(dist, 'incidents/incident-one/index.html');
    expect(page).toContain('<h2 id="records-heading">Records (2)</h2>');
    expect(page).not.toContain('class="record-list"');
    expect(page).not.toContain('id="record-attack-1"');
    expect(page).toContain('<p class="records-counted">1 attack, 1 claim: more than this site lists on one page (1). The charts above count them, and the CSV above lists each; the <a href="/data/">downloads</a> have every record as JSON, by kind and year, and in one Parquet file.</p>');
    // Its CSV, and no JSON: its records as JSON are in the files of each kind and year.
    expect(page).toContain('href="/data/incidents/incident-one.csv"');
    expect(page).not.toContain('/data/incidents/incident-one.json');
    expect(readSite(dist).files).toContain('data/incidents/incident-one.csv');
    expect(readSite(dist).files).not.toContain('data/incidents/incident-one.json');
    // The timeline draws bins that say how many records they hold, and its table counts by year.
    expect(page).toMatch(/<g class="[^"]*"[^>]* data-count="\d+"/);
    // Every chart's table counts, whatever the chart's own number of records, the write-up's
    // <Timeline /> too: none lists a row.
    expect(page).toContain('id="writeup-timeline-1-caption"');
    expect(page).not.toMatch(/<tr[^>]* data-record=/);
    expect(page.match(/<table/g)?.length).toBeGreaterThanOrEqual(2);
    // No period of theirs has a page: the charts' descriptions promise none.
    expect(page).toContain('the table counts them by year.');
    expect(page).not.toMatch(/leads to a page/);
  });

  it('sends every link to those records to their rows on the timeline’s pages, else to the downloads, and leaves none broken', () => {
    const site = readSite(dist);
    const toCards = htmlFiles(site).filter((file) => /#record-(attack|claim)-1"/.test(site.read(file)!));
    expect(toCards).toEqual([]);
    // November 2019 has more records than a page lists, so no page; December's one record has one.
    const embed = read(dist, 'embed/incidents/incident-one/index.html');
    expect(embed).toContain('href="/data/#attack"');
    expect(read(dist, 'actors/amaq/index.html')).toContain('href="/timeline/2019/12/#timeline-record-statement-1"');
    expect(read(dist, 'timeline/2019/12/index.html')).toContain('id="timeline-record-statement-1"');
    expect(findBrokenLinks(site)).toEqual([]);
    // Bars lead where hrefs do: a page, or an anchor on their own page.
    for (const file of htmlFiles(site)) {
      const html = site.read(file)!;
      for (const [, target] of html.matchAll(/data-href="([^"]+)"/g)) {
        if (target!.startsWith('#')) expect(html, `${file}: ${target}`).toContain(`id="${target!.slice(1)}"`);
        else expect(site.files, `${file}: ${target}`).toContain(target!.replace(/^\//, '').replace(/#.*$/, '').replace(/\/?$/, '/index.html').replace(/^\/index\.html$/, 'index.html'));
      }
    }
  });

  it('gives no drill-down page to a month with more records than that: its year counts it, and says so', () => {
    const site = readSite(dist);
    expect(site.files).not.toContain('timeline/2019/11/index.html');
    expect(site.files).toContain('timeline/2019/12/index.html');
    expect(read(dist, 'sitemap.xml')).not.toContain('/timeline/2019/11/');
    const year = read(dist, 'timeline/2019/index.html');
    expect(year).toContain('<p class="prose unpaged">A month with more records than this site lists on one page (1) has no page of its own: it is counted here, and its records are in the downloads below the chart.</p>');
    expect(year).toContain('<tr id="timeline-p-2019-11"><th scope="row">November 2019</th>');
    expect(year).toContain('<th scope="row"><a href="/timeline/2019/12/">December 2019</a></th>');
    expect(year).toContain('; each linked period leads to a page listing its records, the others’ are in the downloads</caption>');
    expect(year).toContain('data-href="#timeline-p-2019-11"');
    expect(year).not.toContain('Each month leads to a page');
    // The chart's own page still leads to every year.
    expect(read(dist, 'timeline/index.html')).toMatch(/the table counts them by year\.[^<]* Each year leads to a page that lists its records\.<\/desc>/);
  });

  it('counts a year of the map past it, in hexagons and by country, each country leading to its page', () => {
    const year = read(dist, 'map/2019/index.html');
    const svg = year.slice(year.indexOf('<svg class="dw-svg"'), year.indexOf('</svg>', year.indexOf('<svg class="dw-svg"')));
    expect(svg).toMatch(/<g class="dw-bin[^"]*"[^>]* data-count="1"/);
    expect(svg).not.toContain('data-record=');
    // Its rows and hexagons lead to the countries' pages, which count too: no promise of a list.
    expect(year).toContain('; each country leads to its page</caption>');
    expect(svg).toContain('1 record here, most in France\nSelect for the page of France</title>');
    expect(year).toContain('<a href="/map/countries/fr/">');
    expect(year).toContain('<a href="/map/countries/gb/">');
    expect(readSite(dist).files).toContain('map/countries/fr/index.html');
  });

  it('lists that many records of each role on a platform’s page, the most recent', () => {
    const page = read(dist, 'platforms/telegram/index.html');
    const removed = page.slice(page.indexOf('<h3 id="role-removed-on">'), page.indexOf('</section>', page.indexOf('<h3 id="role-removed-on">')));
    expect(removed).toContain('Removed or referred here (2)</h3>');
    expect(removed).toContain('The 1 most recent. All 2 are in the <a href="/data/">downloads</a>, and on the <a href="/timeline/">timeline</a>’s year and month pages of months with no more than 1 record.</p>');
    expect(removed).toContain('A second takedown');
    expect(removed).not.toContain('>A takedown<');
  });
});
