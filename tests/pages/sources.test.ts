/**
 * A bibliography too long for one page, built: past SOURCES_PER_PAGE sources, `/sources/` goes on
 * at `/sources/2/`, and every link to a source (citations, the kind list, the sitemap) names the
 * page that lists it. The same site has more statements on one platform than its page lists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTRY_INCIDENT_LIMIT, ROLE_TABLE_LIMIT } from '../../src/data/queries.ts';
import { SOURCES_PER_PAGE } from '../../src/data/source-pages.ts';
import { FILTER_PAGE_FACETS } from '../../src/components/filter-facets.ts';
import { launch, skipBrowser } from '../helpers/browser.ts';
import { buildSite } from '../helpers/build.ts';
import { fixture, removeFixture, replaceOnce } from '../helpers/fixture.ts';
import { serve } from '../helpers/serve.ts';

const BULK = SOURCES_PER_PAGE + 10;
const id = (i: number) => `bulk-${String(i).padStart(5, '0')}`;
// Titles sort after the fixture's "A news report": the news run onto page 2 by 11 sources.
const bulk = Array.from({ length: BULK }, (_, i) => `- id: ${id(i)}\n  title: Bulk report ${String(i).padStart(5, '0')}\n  publisher: A wire\n  kind: news\n  published: '2019-12-01'\n`).join('');
const LAST = id(BULK - 1);

let project: string;
let dist: string;
const page = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
/** The opening tags of the items of a page's incident lists. */
const listItems = (html: string) =>
  [...html.matchAll(/<ul class="incident-list">([\s\S]*?)<\/ul>/g)].flatMap((list) => list[1]!.match(/<li[^>]*>(?=<h[23]>)/g) ?? []);

// And more statements on TamTam than its page lists in full.
const STATEMENTS = ROLE_TABLE_LIMIT + 5;
const statements = Array.from({ length: STATEMENTS }, (_, i) => `stmt-${i},statement,2019-12-${String(1 + (i % 28)).padStart(2, '0')},Bulk statement ${i},amaq,tamtam,news-1`).join('\n');

// And more incidents involving the Islamic State, on Telegram, than their pages list.
const INCIDENTS = REGISTRY_INCIDENT_LIMIT + 3;
const extra = (i: number) => `extra-${String(i).padStart(2, '0')}`;
const extraIncidents = Object.fromEntries(Array.from({ length: INCIDENTS }, (_, i) => [`content/incidents/${extra(i)}.mdx`, `---\ntitle: Extra incident ${i}\ndate: '2018-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}'\nsummary: One of many.\n---\n\nA statement <Cite id="news-1" />.\n`]));
const extraRecords = Array.from({ length: INCIDENTS }, (_, i) => `- id: stmt-${extra(i)}\n  kind: statement\n  date: '2018-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}'\n  title: Extra statement ${i}\n  actor: islamic-state\n  platform: telegram\n  sources: [news-1]\n  incidents: [${extra(i)}]\n`).join('');
// And an actor of its own in each of them: more actors than a filter page lists (FILTER_PAGE_FACETS).
const extraActor = (i: number) => `extra-actor-${String(i).padStart(2, '0')}`;
const extraActors = Array.from({ length: INCIDENTS }, (_, i) => `- id: ${extraActor(i)}\n  name: Extra actor ${String(i).padStart(2, '0')}\n  kind: individual\n`).join('');
const extraActorRecords = Array.from({ length: INCIDENTS }, (_, i) => `- id: said-${extra(i)}\n  kind: statement\n  date: '2018-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}'\n  title: Extra actor ${i} speaks\n  actor: ${extraActor(i)}\n  sources: [news-1]\n  incidents: [${extra(i)}]\n`).join('');

beforeAll(async () => {
  project = fixture('minimal', {
    ...extraIncidents,
    'data/records/extra.yaml': extraRecords + extraActorRecords,
    'data/records/statements.csv': (text) => `${text.trimEnd()}\n${statements}\n`,
    'data/sources.yaml': (text) => text + bulk,
    'content/pages/about.mdx': (text) => `${text}\nThe last wire report <Cite id="${LAST}" /> is on the second page.\n`,
    // A platform with the sources of its facts; an actor that states a fact without one.
    'data/platforms.yaml': replaceOnce('  name: TamTam\n  kind: messenger\n', "  name: TamTam\n  kind: messenger\n  owner: Mail.Ru Group\n  closed: '2026-02-27'\n  sources: [news-1]\n"),
    'data/actors.yaml': (text) => replaceOnce('  parent: islamic-state\n', '  parent: islamic-state\n  notes: The news agency of the Islamic State.\n')(text) + extraActors,
  });
  dist = await buildSite({ project });
});
afterAll(() => removeFixture(project));

describe(`a bibliography of more than ${SOURCES_PER_PAGE} sources`, () => {
  it('is split into pages, each listing its share once', () => {
    expect(existsSync(join(dist, 'sources/2/index.html'))).toBe(true);
    expect(existsSync(join(dist, 'sources/3'))).toBe(false);
    const [one, two] = [page('sources'), page('sources/2')];
    expect(one.match(/<li id="bulk-\d+"/g)).toHaveLength(SOURCES_PER_PAGE - 1); // after "A news report"
    expect(two.match(/<li id="bulk-\d+"/g)).toHaveLength(BULK - (SOURCES_PER_PAGE - 1));
    expect(one).toContain('<li id="news-1"');
    expect(two).toContain(`<li id="${LAST}"`);
    expect(two).toContain('<li id="post-1"');
  });

  it('numbers a kind on from one page to the next', () => {
    const two = page('sources/2');
    expect(two).toMatch(/<h2 id="kind-news">News \(continued\)<\/h2>/);
    expect(two).toContain(`<ol class="source-list" start="${SOURCES_PER_PAGE + 1}"`);
    expect(two).toContain('<title>Sources, page 2 of 2');
    expect(two).toMatch(/<strong aria-current="page">Page 2<\/strong>/);
    expect(two).toMatch(/<a href="\/sources\/">Page 1<\/a>/);
  });

  it('links citations and kinds to the page that lists them', () => {
    expect(page('about')).toContain(`href="/sources/2/#${LAST}"`);
    const one = page('sources');
    expect(one).toMatch(/<a href="\/sources\/#kind-news">News \(2,011\)<\/a>/);
    expect(one).toMatch(/<a href="\/sources\/2\/#kind-social-post">Social posts \(\d+\)<\/a>/);
  });

  it('keeps /sources/#id working: the first page looks the source up and goes to its page', async () => {
    const pages = JSON.parse(readFileSync(join(dist, 'sources/pages.json'), 'utf8')) as Record<string, string>;
    expect(pages[LAST]).toBe('/sources/2/');
    expect(pages['news-1']).toBe('/sources/');
    // The look-up script is on the first page only.
    const scripts = (html: string) => html.match(/<script type="module" src="[^"]+"><\/script>/g) ?? [];
    expect(scripts(page('sources')).length).toBe(scripts(page('sources/2')).length + 1);
    if (skipBrowser) return;
    const served = await serve(dist);
    const browser = await launch();
    try {
      const tab = await browser.newPage();
      await tab.goto(`${served.url}sources/#${LAST}`);
      await tab.waitForURL(`${served.url}sources/2/#${LAST}`);
      expect(await tab.locator(`[id="${LAST}"]`).count()).toBe(1);
    } finally {
      await browser.close();
      await served.close();
    }
  });

  it('lists a platform’s most recent records of a role, and says where all of them are', () => {
    const html = page('platforms/tamtam');
    const section = html.slice(html.indexOf('id="role-said-on"'), html.indexOf('</section>', html.indexOf('id="role-said-on"')));
    expect(section).toContain(`Statements made here (${STATEMENTS + 1})`);
    expect(section.match(/<tr>/g)?.length).toBe(ROLE_TABLE_LIMIT + 1); // with the header row
    expect(section).toContain('The 200 most recent. All 206 are in the <a href="/data/">downloads</a>, and on the <a href="/timeline/">timeline</a>’s year and month pages.</p>');
  });

  it('counts a platform’s chart rows by year past the role tables’ limit, rather than listing them again', () => {
    const html = page('platforms/tamtam');
    const chart = html.slice(html.indexOf('id="platform-timeline-table"'), html.indexOf('</details>', html.indexOf('id="platform-timeline-table"')));
    expect(chart).toContain('id="platform-timeline-summary"');
    expect(chart).toMatch(/Data table: 2\d\d records counted by period/);
    expect(chart).not.toContain('data-record="stmt-');
  });

  it('lists the most recent incidents of an actor and a platform, and links the filtered list of all', () => {
    for (const [path, list] of [['actors/islamic-state', '/incidents/actor/islamic-state/'], ['platforms/telegram', '/incidents/platform/telegram/']] as const) {
      const html = page(path);
      const section = html.slice(html.indexOf('id="incidents-heading"'), html.indexOf('</section>', html.indexOf('id="incidents-heading"')));
      expect(listItems(section), path).toHaveLength(REGISTRY_INCIDENT_LIMIT);
      expect(section).toMatch(new RegExp(`The 50 most recent of ${INCIDENTS + 1}: <a href="${list}">all ${INCIDENTS + 1} incidents involving [^<]+</a>`));
      expect(section).toContain('href="/incidents/incident-one/"'); // 2019: newer than every extra one
      expect(listItems(page(list.slice(1, -1))), list).toHaveLength(INCIDENTS + 1);
    }
  });

  it('gives the list items their facets only where the incident filter reads them', () => {
    // /incidents/ filters in place: each item says its years, platforms and actors.
    const all = listItems(page('incidents'));
    expect(all).toHaveLength(INCIDENTS + 1);
    for (const item of all) expect(item).toMatch(/^<li data-incident-item data-year="\d{4}[^"]*" data-platforms="[\d ]*" data-actors="\d+(?: \d+)*">$/);
    // Platforms and actors by their place in the filter form's list, the first after "any" 0.
    const html = page('incidents');
    const select = html.slice(html.indexOf('<select name="actor">'), html.indexOf('</select>', html.indexOf('<select name="actor">')));
    const place = [...select.matchAll(/<option value="([^"]+)">/g)].map((m) => m[1]).indexOf('islamic-state');
    expect(place).toBeGreaterThanOrEqual(0);
    expect(all.filter((item) => new RegExp(`data-actors="(?:[^"]* )?${place}[ "]`).test(item))).toHaveLength(INCIDENTS + 1);
    // Nothing reads them on a filter page, the home page or a registry page.
    for (const path of ['incidents/actor/islamic-state', 'incidents/platform/telegram', 'incidents/year/2018', 'actors/islamic-state', 'platforms/telegram', '']) {
      const items = listItems(page(path));
      expect(items.length, path).toBeGreaterThan(0);
      expect(new Set(items), path).toEqual(new Set(['<li>']));
    }
  });

  it('lists a platform’s sources under its facts, and says so when an actor’s facts have none', () => {
    const tamtam = page('platforms/tamtam');
    expect(tamtam).toMatch(/<dt>Owner<\/dt><dd>Mail\.Ru Group<\/dd>/);
    expect(tamtam).toMatch(/<dt>Closed<\/dt><dd><time datetime="2026-02-27">27 February 2026<\/time><\/dd>/);
    const sources = tamtam.slice(tamtam.indexOf('id="entry-sources-heading"'), tamtam.indexOf('</section>', tamtam.indexOf('id="entry-sources-heading"')));
    expect(sources).toMatch(/<li id="source-news-1"><cite>A news report<\/cite>\. A newspaper, 30 November 2019\./);
    const amaq = page('actors/amaq');
    expect(amaq).toContain('No source is given yet for the facts above.');
    expect(amaq).not.toContain('<ol class="source-list"');
    // An entry that states nothing beyond its name and kind has no sources section at all.
    expect(page('platforms/telegram')).not.toContain('id="entry-sources-heading"');
  });

  it('lists every page in the sitemap', () => {
    const sitemap = readFileSync(join(dist, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('/sources/</loc>');
    expect(sitemap).toContain('/sources/2/</loc>');
  });
});

describe(`more actors than a filter page lists (${FILTER_PAGE_FACETS})`, () => {
  /** The links of one group of the filter sidebar on a page. */
  const group = (html: string, by: string) => {
    const start = html.indexOf(`id="filter-${by}"`);
    expect(start, `no group ${by}`).toBeGreaterThan(0);
    return html.slice(start, html.indexOf('</details>', start));
  };
  const filterLinks = (section: string, by: string) => [...section.matchAll(new RegExp(`href="/incidents/${by}/([^/"]+)/"`, 'g'))].map((m) => m[1]);
  const allActors = () => filterLinks(group(page('incidents'), 'actor'), 'actor');

  it('links every actor from the incident list', () => {
    const all = allActors();
    expect(all.length).toBeGreaterThan(INCIDENTS);
    for (let i = 0; i < INCIDENTS; i++) expect(all).toContain(extraActor(i));
  });

  it('lists the actors with the most write-ups on a filter page, and links the full list', () => {
    for (const path of ['incidents/actor/islamic-state', 'incidents/platform/telegram', `incidents/actor/${extraActor(0)}`]) {
      const actors = group(page(path), 'actor');
      const listed = filterLinks(actors, 'actor');
      expect(listed.length, path).toBeLessThanOrEqual(FILTER_PAGE_FACETS + 1);
      expect(listed, path).toContain('islamic-state'); // in every extra incident: the most write-ups
      expect(actors, path).toContain(`<a href="/incidents/#filter-actor">all ${allActors().length} actors</a>`);
    }
  });

  it('lists a filter page’s own actor, however few write-ups it has', () => {
    const own = extraActor(INCIDENTS - 1);
    const actors = group(page(`incidents/actor/${own}`), 'actor');
    expect(actors).toContain(`<a href="/incidents/actor/${own}/" aria-current="page">`);
    expect(filterLinks(actors, 'actor')).toHaveLength(FILTER_PAGE_FACETS + 1);
  });

  it('lists small groups and every year in full', () => {
    const html = page(`incidents/actor/${extraActor(0)}`);
    expect(filterLinks(group(html, 'year'), 'year')).toEqual(filterLinks(group(page('incidents'), 'year'), 'year'));
    expect(filterLinks(group(html, 'platform'), 'platform')).toEqual(filterLinks(group(page('incidents'), 'platform'), 'platform'));
    expect(group(html, 'platform')).not.toContain('filters-more');
  });
});
