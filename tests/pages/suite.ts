/**
 * The reader's site as built, twice: at the domain root and under BASE_PATH=/dw/. Every internal
 * link and asset resolves; downloads hold every record; the feed and the sitemap are XML; the CSP
 * and JavaScript budget hold; extremist links are never links; a reader finds the case by search.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/check/validate.ts';
import { parseCsv, parseCsvCells } from '../../src/data/csv.ts';
import { recordSchema } from '../../src/schema/index.ts';
import { recordFile, recordYear } from '../../src/data/record-files.ts';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { REPO } from '../helpers/fixture.ts';
import { launch, skipBrowser } from '../helpers/browser.ts';
import { serve, type Served } from '../helpers/serve.ts';
import { builtSite, files, idsIn, read, resolvePath, SITE_URL, urlsIn, type Built } from './site-helpers.ts';

const SLUG = 'fishmongers-hall-2019';
const { data } = checkProject(REPO);
const drafts = new Set(data.incidents.filter((i) => i.status === 'draft').map((i) => i.id));
const published = data.records.filter((r) => !(r.incidents?.length && r.incidents.every((s) => drafts.has(s))));
const xml = new XMLParser({ ignoreAttributes: false });
/** The record files the site must offer, `<kind>s-<year>` → their records (src/data/record-files.ts). */
const recordFiles = new Map<string, typeof published>();
for (const record of published) {
  const name = recordFile(record.kind, recordYear(record));
  (recordFiles.get(name) ?? recordFiles.set(name, []).get(name)!).push(record);
}
const parquetFile = (path: string): ArrayBuffer => new Uint8Array(readFileSync(path)).buffer;

/**
 * The whole suite for one base path. Each test file builds one base: two Astro builds in one
 * process share modules, so the second would render with the first one's base path.
 */
export function siteSuite(base: string): void {
let built: Built;
beforeAll(async () => {
  built = await builtSite(base);
});

describe(`built with base ${base}`, () => {
  const site = () => built;
  const htmlFiles = () => files(site().dist).filter((f) => f.endsWith('.html'));

  it('resolves every internal link, asset and same-page or cross-page anchor', () => {
    const { dist } = site();
    const problems: string[] = [];
    const idCache = new Map<string, Set<string>>();
    const ids = (file: string) => idCache.get(file) ?? idCache.set(file, idsIn(read(dist, file))).get(file)!;
    const pages = htmlFiles();
    expect(pages.length).toBeGreaterThan(30);
    for (const file of pages) {
      const html = read(dist, file);
      for (const { attr, value } of urlsIn(html)) {
        let path: string;
        if (value.startsWith(`${SITE_URL}/`)) path = value.slice(SITE_URL.length);
        else if (value.startsWith('/')) path = value;
        else if (value.startsWith('#') && attr === 'href') {
          if (value.length > 1 && !ids(file).has(decodeURIComponent(value.slice(1)))) problems.push(`${file}: ${value} (no such id)`);
          continue;
        } else if (/^(https?:|mailto:)/.test(value) || attr === 'content') continue;
        else {
          problems.push(`${file}: ${attr}="${value}" is relative`);
          continue;
        }
        const target = resolvePath(dist, base, path);
        if (!target) {
          problems.push(`${file}: ${attr}="${value}"`);
          continue;
        }
        const fragment = path.split('#')[1];
        if (fragment && target.endsWith('.html') && !ids(target).has(decodeURIComponent(fragment))) problems.push(`${file}: ${value} (no such id in ${target})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has every permanent URL of the data model', () => {
    const { dist } = site();
    const must = ['', 'incidents/', `incidents/${SLUG}/`, 'platforms/', 'actors/', 'sources/', 'data/', 'data/datapackage.json', 'about/', 'search/', 'rss.xml', 'sitemap.xml', '404.html', 'embed/timeline/'];
    must.push(...data.platforms.map((p) => `platforms/${p.id}/`), ...data.actors.map((a) => `actors/${a.id}/`));
    for (const name of ['platforms', 'actors', 'sources', ...recordFiles.keys()]) must.push(`data/${name}.json`, `data/${name}.csv`);
    must.push('data/records.parquet');
    expect(must.filter((path) => !resolvePath(dist, '/', `/${path}`))).toEqual([]);
  });

  it('offers downloads with one row per record and per registry entry, JSON and CSV alike, records by kind and year', () => {
    const { dist } = site();
    const expected: Record<string, number> = {
      platforms: data.platforms.length,
      actors: data.actors.length,
      sources: data.sources.length,
      ...Object.fromEntries([...recordFiles].map(([name, records]) => [name, records.length])),
    };
    expect(expected['claims-2019']).toBeGreaterThan(0);
    // No other record file: the kinds' and years' files together hold each published record once.
    const written = files(join(dist, 'data')).filter((f) => /^[a-z]+s-(\d{4}|undated)\.json$/.test(f));
    expect(written.sort()).toEqual([...recordFiles.keys()].map((name) => `${name}.json`).sort());
    expect(written.flatMap((f) => JSON.parse(read(dist, `data/${f}`)).map((r: { id: string }) => r.id)).sort()).toEqual(published.map((r) => r.id).sort());
    for (const [name, count] of Object.entries(expected)) {
      expect(JSON.parse(read(dist, `data/${name}.json`)), name).toHaveLength(count);
      const { rows, error } = parseCsvCells(read(dist, `data/${name}.csv`));
      expect(error).toBeUndefined();
      expect(rows.length - 1, name).toBe(count);
    }
  });

  it('writes record CSVs that the CSV loader reads back into the same records', () => {
    const { dist } = site();
    for (const name of recordFiles.keys()) {
      const { entries, problems } = parseCsv(`data/records/${name}.csv`, read(dist, `data/${name}.csv`));
      expect(problems).toEqual([]);
      const fromJson = JSON.parse(read(dist, `data/${name}.json`));
      expect(entries.map((e) => recordSchema.parse(e.value))).toEqual(fromJson.map((r: unknown) => recordSchema.parse(r)));
    }
  });

  it('describes every CSV and the Parquet file in datapackage.json, with the columns the files have', async () => {
    const { dist } = site();
    const pkg = JSON.parse(read(dist, 'data/datapackage.json'));
    expect(pkg.resources.map((r: { name: string }) => r.name).sort()).toEqual(['actors', 'platforms', 'records', 'sources', ...recordFiles.keys()].sort());
    for (const resource of pkg.resources.filter((r: { format: string }) => r.format === 'csv')) {
      const header = parseCsvCells(read(dist, `data/${resource.path}`)).rows[0]!.map((c) => c.text);
      expect(resource.schema.fields.map((f: { name: string }) => f.name)).toEqual(header);
    }
    const parquet = pkg.resources.find((r: { name: string }) => r.name === 'records');
    expect(parquet).toMatchObject({ path: 'records.parquet', format: 'parquet', mediatype: 'application/vnd.apache.parquet' });
    const file = parquetFile(join(dist, 'data/records.parquet'));
    expect(parquet.schema.fields.map((f: { name: string }) => f.name)).toEqual(parquetSchema(parquetMetadata(file)).children.map((c) => c.element.name));
    expect(parquet.schema.fields.find((f: { name: string }) => f.name === 'weapon').type).toBe('array');
    const attacks = pkg.resources.find((r: { name: string }) => r.name === 'attacks-2019').schema.fields;
    const field = (name: string) => attacks.find((f: { name: string }) => f.name === name);
    expect(field('killed').type).toBe('integer');
    expect(field('location.lat').type).toBe('number');
    expect(field('weapon')).toMatchObject({ type: 'list', delimiter: ';' });
    expect(field('disputed').type).toBe('array');
    expect(field('id').constraints.required).toBe(true);
  });

  it('holds every published record in records.parquet, typed from the schemas', async () => {
    const rows = await parquetReadObjects({ file: parquetFile(join(site().dist, 'data/records.parquet')) });
    expect(rows.map((r) => r.id).sort()).toEqual(published.map((r) => r.id).sort());
    const attack = published.find((r) => r.kind === 'attack' && r.killed !== undefined && r.weapon?.length)!;
    const row = rows.find((r) => r.id === attack.id)!;
    // Whole numbers are INT64 (read as bigint), lists are lists, nested fields dotted columns, EDTF dates text.
    expect(row.killed).toBe(BigInt(attack.kind === 'attack' ? attack.killed! : 0));
    expect(row.weapon).toEqual(attack.kind === 'attack' ? attack.weapon : []);
    expect(row['location.place']).toBe(attack.kind === 'attack' ? attack.location?.place : undefined);
    expect(row.date).toBe(attack.date);
    // Fields a kind does not have are null, not empty strings.
    expect(rows.find((r) => r.kind === 'claim')!.killed).toBeNull();
  });

  it('publishes an RSS feed that parses as XML and links every incident under the base path', () => {
    const text = read(site().dist, 'rss.xml');
    expect(XMLValidator.validate(text)).toBe(true);
    const feed = xml.parse(text).rss.channel;
    const items = [feed.item].flat().filter(Boolean);
    expect(items).toHaveLength(data.incidents.filter((i) => i.status !== 'draft').length);
    for (const item of items) expect(resolvePath(site().dist, base, item.link.slice(SITE_URL.length)), item.link).toBeDefined();
    expect(text).toContain(`${SITE_URL}${base}incidents/${SLUG}/`);
  });

  it('publishes a sitemap that parses as XML and lists only pages that exist', () => {
    const text = read(site().dist, 'sitemap.xml');
    expect(XMLValidator.validate(text)).toBe(true);
    const locs: string[] = [xml.parse(text).urlset.url].flat().map((u: { loc: string }) => u.loc);
    expect(locs).toContain(`${SITE_URL}${base}incidents/${SLUG}/`);
    expect(locs.filter((loc) => !loc.startsWith(`${SITE_URL}${base}`) || !resolvePath(site().dist, base, loc.slice(SITE_URL.length)))).toEqual([]);
    expect(locs.some((loc) => loc.includes('/embed/'))).toBe(false);
  });

  it('keeps to the CSP: no inline script or style, JSON-LD and JSON data escaped', () => {
    const problems: string[] = [];
    for (const file of htmlFiles()) {
      const html = read(site().dist, file);
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
        // JSON-LD, and JSON data a script reads (the records' shared citation parts), never run.
        if (!/\ssrc="/.test(tag) && !/ type="application\/(ld\+)?json"/.test(tag)) problems.push(`${file}: ${tag}`);
      }
      if (/<style\b/.test(html)) problems.push(`${file}: <style>`);
      // Text is escaped (`style=&quot;`), so a literal style=" is always an attribute.
      if (/<[^>]+\sstyle="/.test(html)) problems.push(`${file}: style attribute`);
      for (const [, json] of html.matchAll(/<script type="application\/(?:ld\+)?json"[^>]*>([\s\S]*?)<\/script>/g)) {
        expect(json).not.toMatch(/[<>]/);
        expect(() => JSON.parse(json!)).not.toThrow();
      }
    }
    expect(problems).toEqual([]);
  });

  it('never turns a defanged domain into a link, in pages, feed or sitemap', () => {
    const domains = data.site.defang.map((d) => d.replaceAll('.', '\\.'));
    const live = new RegExp(`(href|src|action)="https?://([^"/]*\\.)?(${domains.join('|')})[/"?#]`, 'i');
    for (const file of files(site().dist).filter((f) => /\.(html|xml)$/.test(f))) {
      expect(read(site().dist, file), file).not.toMatch(live);
    }
    // The defanged form is shown as text instead (Telegram's home page is on a listed domain).
    expect(read(site().dist, 'platforms/telegram/index.html')).toContain('<span class="defanged" title="Defanged: shown as text, not as a link">hxxps://telegram[.]org/</span>');
  });

  it('ships at most 3 KB of JavaScript (gzipped) on pages without charts', () => {
    const { dist } = site();
    const weight = (file: string, seen: Set<string>): number => {
      if (seen.has(file)) return 0;
      seen.add(file);
      const code = readFileSync(join(dist, file));
      let total = gzipSync(code).length;
      for (const [, spec] of code.toString('utf8').matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
        total += weight(posix.join(posix.dirname(file), spec!), seen);
      }
      return total;
    };
    const heavy: string[] = [];
    for (const file of htmlFiles()) {
      const html = read(dist, file);
      if (html.includes('<dw-chart') || file.startsWith('search/')) continue;
      const seen = new Set<string>();
      let total = 0;
      for (const [, src] of html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)) total += weight(src!.slice(base.length), seen);
      if (total > 3 * 1024) heavy.push(`${file}: ${total} bytes`);
      if (/src="[^"]*pagefind\//.test(html)) heavy.push(`${file}: loads Pagefind`);
    }
    expect(heavy).toEqual([]);
  });

  it('writes each incident’s CSV, JSON and social card, which a build writes beside the routes', () => {
    const { dist } = site();
    const incidents = data.incidents.filter((i) => !drafts.has(i.id)).map((i) => i.id);
    expect(incidents.length).toBeGreaterThan(0);
    const missing = incidents.flatMap((id) => [`data/incidents/${id}.csv`, `data/incidents/${id}.json`, `og/incidents/${id}.png`]).filter((path) => !existsSync(join(dist, path)));
    expect(missing).toEqual([]);
    expect(files(join(dist, 'data/incidents')).sort()).toEqual(incidents.flatMap((id) => [`${id}.csv`, `${id}.json`]).sort());
    const records = JSON.parse(read(dist, `data/incidents/${SLUG}.json`)) as { id: string; incidents?: string[] }[];
    expect(records.filter((r) => r.incidents?.includes(SLUG)).length).toBeGreaterThan(0);
    const ids = new Set(published.map((r) => r.id));
    expect(records.filter((r) => !ids.has(r.id))).toEqual([]);
    const { rows, error } = parseCsvCells(read(dist, `data/incidents/${SLUG}.csv`));
    expect(error).toBeUndefined();
    expect(rows.slice(1).map((row) => row[0]!.text)).toEqual(records.map((r) => r.id));
  });

  it('draws a social image per incident and points Open Graph at it', () => {
    const { dist } = site();
    const png = readFileSync(join(dist, `og/incidents/${SLUG}.png`));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1200);
    const html = read(dist, `incidents/${SLUG}/index.html`);
    expect(html).toContain(`<meta property="og:image" content="${SITE_URL}${base}og/incidents/${SLUG}.png"`);
    expect(html).toContain(`<link rel="canonical" href="${SITE_URL}${base}incidents/${SLUG}/"`);
    expect(html).toContain('"@type":"Article"');
  });

  it('gives the incident page its charts with CSV and embed, its citation forms and its update date', () => {
    const html = read(site().dist, `incidents/${SLUG}/index.html`);
    expect(html).toContain('<dw-chart');
    expect(html).toContain(`${base}data/incidents/${SLUG}.csv`);
    expect(html).toContain(`&lt;iframe src=&quot;${SITE_URL}${base}embed/incidents/${SLUG}/&quot;`);
    expect(html).toContain('id="cite-bibtex"');
    expect(html).toContain('@online{fishmongers-hall-2019,');
    // CSL-JSON with its quotes as written (element text needs no &quot;), and the dataset's forms too.
    expect(html).toContain('"container-title": "Driftwatch"');
    expect(html).toContain('id="cite-dataset-bibtex"');
    // Its records are cited at their anchors on this page, which the copy script makes from the
    // page's address: no card needs an address of its own.
    expect(html).toContain(`"page":"${SITE_URL}${base}incidents/${SLUG}/"`);
    expect(html).not.toContain('data-cite-url');
    expect(html).toMatch(/Last updated <time datetime="[^"]+">/);
    const embed = read(site().dist, `embed/incidents/${SLUG}/index.html`);
    expect(embed).toContain('<base target="_top">');
    expect(embed).not.toContain('class="site-header"');
    // The embed page shows the incident page's charts and its map, drawn once for both: a build writes
    // it from what the incident page drew (components/embed-pages.ts). Each page loads the chart script once.
    const charts = (page: string) => [...page.matchAll(/<dw-chart[\s\S]*?<\/dw-chart>/g)].map((m) => m[0]);
    const shown = charts(embed);
    expect(shown.map((c) => /aria-labelledby="([^"]+)-caption"/.exec(c)?.[1])).toEqual(['incident-timeline', 'incident-claims', 'incident-takedowns', 'incident-map']);
    // The same drawing; on the incident page a record's link is its card's anchor and its mark
    // carries none (element.ts makes it from data-record); on the embed they lead to the page.
    const onPage = charts(html).slice(-shown.length);
    expect(shown.map((c) => c.replaceAll(`href="${base}incidents/${SLUG}/#record-`, 'href="#record-'))).toEqual(onPage);
    expect(onPage.join('')).toMatch(/<a href="#record-fishmongers-hall-attack-2019">/);
    expect(onPage.join('')).not.toContain(`href="${base}incidents/${SLUG}/#record-`);
    expect(shown.join('')).toContain(`<a href="${base}incidents/${SLUG}/#record-`);
    expect(embed).toContain(`<div class="chart-block" data-pagefind-ignore data-record-page="${base}incidents/${SLUG}/">`);
    const svgs = onPage.join('').match(/<svg class="dw-svg"[\s\S]*?<\/svg>/g) ?? [];
    const marks = svgs.flatMap((svg) => [...svg.matchAll(/<g class="dw-mark[^"]*"[^>]*>/g)].map((m) => m[0]));
    expect(marks.length).toBeGreaterThan(3);
    for (const mark of marks) expect(mark, mark).toMatch(/data-record="[^"]+"/);
    expect(marks.filter((m) => m.includes('data-href'))).toEqual([]);
    for (const page of [html, embed]) expect(page.match(/<script type="module" src="[^"]*ChartScript[^"]*">/g)).toHaveLength(1);
    // In the frame of the embed pages Astro renders (layouts/Embed.astro): the same head but for
    // the title and address, the same stylesheets and chart script, the link back to the incident.
    const frame = (page: string) => page.replace(/<title>[^<]*<\/title><link rel="canonical" href="[^"]*">/, '').replace(/<main id="main">[\s\S]*$/, '');
    const siteEmbed = read(site().dist, 'embed/timeline/index.html');
    expect(frame(embed)).toBe(frame(siteEmbed));
    expect(embed).toContain(`<link rel="canonical" href="${SITE_URL}${base}embed/incidents/${SLUG}/">`);
    expect(embed).toMatch(new RegExp(`<p class="embed-credit">From <a href="${base}incidents/${SLUG}/">[^<]+</a> · <a href="${base}">`));
    expect(embed.match(/<script type="module" src="[^"]*">/g)).toEqual(siteEmbed.match(/<script type="module" src="[^"]*">/g));
  });

  it('reads facts as sentences: scope in words, a space before a source’s kind, its language named', () => {
    const html = read(site().dist, `incidents/${SLUG}/index.html`);
    expect(html).toContain('<dt>Scope</dt><dd>hundreds of accounts');
    expect(html).toMatch(/30 November 2019\. <span class="meta">news/);
    expect(html).toMatch(/<li id="source-delfi-2019-12"><cite>[^<]+<\/cite>[^<]*<span class="meta">news · secondary · in Russian<\/span>/);
    // A record on one source says so (About promises it), and only such a record.
    const card = (id: string) => {
      const start = html.indexOf(`id="record-${id}"`);
      const next = html.indexOf('<li class="record"', start + 1);
      expect(start, id).toBeGreaterThan(0);
      return html.slice(start, next < 0 ? undefined : next);
    };
    expect(card('statement-krona-2019-12-02')).toContain('a single source, not confirmed by a second');
    expect(card('tamtam-removals-2019-12')).not.toContain('a single source');
  });

  it('shows conflicting reports beside each record in every site-wide chart, by publisher', () => {
    for (const page of ['timeline/', 'claims/', 'takedowns/']) {
      const html = read(site().dist, `${page}index.html`);
      expect(html, page).toContain('<th scope="col">Sources disagree</th>');
      expect(html, page).toMatch(/according to [^<]*appleapple\.top/);
    }
    expect(read(site().dist, 'takedowns/index.html')).toContain('outcome: removed, according to Hürriyet Daily News, Panorama.am');
  });

  it('offers the timeline’s lanes by platform where it counts by period, not on a page listing each record', () => {
    const { dist } = site();
    expect(read(dist, 'timeline/index.html')).toContain('id="timeline-by-platform-caption"');
    const year = read(dist, 'timeline/2019/index.html');
    expect(year).toContain('id="timeline-record-fishmongers-hall-attack-2019"');
    expect(year).toContain('id="timeline-caption"');
    expect(year).not.toContain('by-platform');
    expect(year).not.toContain('dw-alt-view');
  });

  it('renders names in other scripts with their language and direction', () => {
    const html = read(site().dist, 'actors/islamic-state/index.html');
    expect(html).toMatch(/<bdi lang="ar" dir="auto">الدولة الإسلامية<\/bdi>/);
  });

  it('writes a search index that covers readable pages, with filters', () => {
    const { dist } = site();
    expect(existsSync(join(dist, 'pagefind/pagefind.js'))).toBe(true);
    const entry = JSON.parse(read(dist, 'pagefind/pagefind-entry.json'));
    const language = Object.values(entry.languages)[0] as { page_count: number };
    // Exactly the pages that mark a search body: Pagefind reads a copy of those pages without
    // their charts (src/integration/search.ts), and a page left out of it would be missing here.
    const searchable = files(dist).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/') && read(dist, f).includes('data-pagefind-body'));
    expect(searchable.length).toBeGreaterThan(20);
    expect(language.page_count).toBe(searchable.length);
    // The index is built from page text: it holds defanged URLs only.
    const fragments = files(join(dist, 'pagefind/fragment'));
    const text = fragments.map((f) => gunzipSync(readFileSync(join(dist, 'pagefind/fragment', f))).toString('utf8')).join('\n');
    expect(text).toContain('TamTam');
    expect(text).not.toMatch(/https?:\/\/(t|tt)\.me\//);
  });

  /** A page as Pagefind indexed it: its fragment file is a signature, then the page's JSON. */
  const fragment = (file: string) => {
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    return JSON.parse(text.slice(text.indexOf('{'))) as { url: string; content: string };
  };

  it('indexes a record where its link leads, not again in its platform’s role tables or the timeline’s table', () => {
    const { dist } = site();
    const title = 'Telegram bans about 5,000 Islamic State accounts';
    const pages = files(join(dist, 'pagefind/fragment')).map((f) => fragment(join(dist, 'pagefind/fragment', f)));
    const page = (path: string) => pages.find((p) => p.url.endsWith(path));
    // Listed in Telegram's role table, but indexed on its incident's page, where its link leads.
    expect(read(dist, 'platforms/telegram/index.html')).toContain(`>${title}</a>`);
    expect(page('platforms/telegram/')?.content).toContain('Telegram');
    expect(page('platforms/telegram/')?.content).not.toContain(title);
    expect(page('incidents/fishmongers-hall-2019/')?.content).toContain(title);
    // The timeline's table lists it, linked to its card: the row is indexed, its title is not.
    expect(read(dist, 'timeline/index.html')).toContain(`#record-telegram-bans-2019-11">${title}</a>`);
    expect(page('timeline/')?.content).toContain('Takedown');
    expect(page('timeline/')?.content).not.toContain(title);
  });
});

// In the browser once, under the sub-path: the harder case for links and the search bundle.
if (base !== "/") describe.skipIf(skipBrowser)(`a reader searching, under ${base}`, () => {
  let server: Served;
  beforeAll(async () => {
    server = await serve(built.dist, { base });
    if (!built.indexedByBuild) console.warn('The search index was written by the tests, not by astro build: register src/integration/search.ts in astro.config.mjs.');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('searches for "TamTam" from the header and reaches the incident page', async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(String(e)));
      page.on('request', (r) => {
        if (!r.url().startsWith(new URL(server.url).origin)) problems.push(`outside request: ${r.url()}`);
      });
      await page.goto(server.url);
      await page.fill('#site-search-q', 'TamTam');
      await page.press('#site-search-q', 'Enter');
      await page.waitForURL(`${server.url}search/?q=TamTam`);
      const result = page.locator('[data-search-results] a', { hasText: 'Fishmongers' }).first();
      await result.waitFor({ timeout: 15_000 });
      await result.click();
      await page.waitForURL(`${server.url}incidents/${SLUG}/`);
      expect(await page.locator('h1').textContent()).toContain("Fishmongers' Hall");
      // The filters come from the index: choosing a kind narrows the results.
      await page.goto(`${server.url}search/?q=TamTam&kind=Incident`);
      await page.locator('[data-search-results] li').first().waitFor();
      expect(await page.locator('[data-search-results] li').count()).toBe(1);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
}
