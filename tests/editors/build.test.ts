/**
 * What editors write, built: components render as documented, links to defanged domains never
 * become links anywhere in dist/, and a draft leaves no trace.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build.ts';
import { fixture, removeFixture } from '../helpers/fixture.ts';

const WRITEUP = `---
title: Incident one
date: '2019-11-29'
summary: A fixture incident.
contentWarning: Describes violence.
published: '2026-11-20'
---

As reported <Cite id="news-1" /> and in a post <Cite id="post-1" />, the claim <Record id="claim-1" /> came a day later.

<ContentWarning>The next part quotes propaganda.</ContentWarning>

<Callout type="caution" title="Read with care">Only one source says so.</Callout>

The channel was [on Telegram](https://t.me/evil_channel/42), also at https://telegram.t.me/x and
<a href="https://t.me/jsx_link">a JSX link</a>; the address <Defang>https://t.me/copy_me</Defang> is for copying.
In code: \`https://t.me/in_code\`. A normal [news link](https://news.example/report).

## A section heading

## The [channel](https://t.me/head_link) moved
`;

const DRAFT = `---
title: Secret draft DRAFTMARKER
date: '2020-01-01'
summary: Never published DRAFTMARKER.
status: draft
---

Draft body DRAFTMARKER, reading <Cite id="draftonly-source" /> and <Cite id="shared-source" />.
`;

// A source only the draft cites: listing it would tell what the unpublished work reads. One the
// draft and a free page cite is published, and the page's citation leads to it.
const DRAFT_SOURCE = `
- id: draftonly-source
  title: Read only by the draft DRAFTMARKER
  publisher: P
  kind: report
  published: '2020'
- id: shared-source
  title: Read by the draft and the About page
  publisher: P
  kind: report
  published: '2020'
`;

const DRAFT_RECORD = `
- id: draftonly-record
  kind: statement
  date: '2020-01-01'
  title: Draft-only statement DRAFTMARKER
  actor: amaq
  sources: [news-1]
  incidents: [secret-draft]
- id: shared-record
  kind: statement
  date: '2020-01-02'
  title: A statement shared by a published incident and a draft
  actor: amaq
  sources: [news-1]
  incidents: [incident-one, secret-draft]
`;

// Free text from the data naming listed domains: a record's notes, an actor's description.
const NOTES_RECORD = `
- id: notes-statement
  kind: statement
  date: '2019-12-02'
  title: A statement with notes
  actor: amaq
  sources: [news-1]
  incidents: [incident-one]
  notes: See https://t.me/notes_channel/5 and HTTPS://T.ME/Upper_Case, not https://news.example/ok.
  disputed:
    - field: actor
      value: islamic-state
      sources: [news-1]
`;

let project: string;
let dist: string;
const files: string[] = [];
/** Every record file's JSON (one per kind and year), concatenated. */
const recordsJson = () => readdirSync(join(dist, 'data')).filter((f) => /^[a-z]+s-\d{4}\.json$/.test(f)).map((f) => readFileSync(join(dist, 'data', f), 'utf8'));

function walk(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(path);
  }
}

beforeAll(async () => {
  project = fixture('minimal', {
    'content/incidents/incident-one.mdx': WRITEUP,
    'content/incidents/secret-draft.mdx': DRAFT,
    'data/records/main.yaml': (text) => text + DRAFT_RECORD + NOTES_RECORD,
    'data/sources.yaml': (text) => text + DRAFT_SOURCE,
    'content/pages/about.mdx': (text) => `${text}\nWe read <Cite id="shared-source" /> too.\n`,
    'data/actors.yaml': (text) => text.replace(/(- id: amaq\n)/, '$1  notes: Posts at https://t.me/amaq_agency/1.\n'),
  });
  dist = await buildSite({ project });
  walk(dist);
});
afterAll(() => removeFixture(project));

const incident = () => readFileSync(join(dist, 'incidents/incident-one/index.html'), 'utf8');

describe('MDX components', () => {
  it('<Cite> renders a numbered link into the page’s source list', () => {
    const html = incident();
    expect(html).toMatch(/<sup class="cite"><a href="#source-news-1"[^>]*>\[1\]<\/a><\/sup>/);
    expect(html).toMatch(/<sup class="cite"><a href="#source-post-1"[^>]*>\[2\]<\/a><\/sup>/);
    expect(html).toContain('id="source-news-1"');
  });

  it('<Record> links to the record with its date', () => {
    expect(incident()).toMatch(/<a class="record-mention" href="\/incidents\/incident-one\/#record-claim-1" title="Claim of responsibility, 30 November 2019: A claim" data-record="claim-1">A claim<\/a> <span class="meta">\(30 November 2019\)<\/span>/);
  });

  it('<ContentWarning> and <Callout> render as notes', () => {
    const html = incident();
    expect(html).toContain('<aside class="content-warning" role="note"><strong>Content warning:</strong> The next part quotes propaganda.</aside>');
    expect(html).toMatch(/<aside class="callout callout-caution" role="note">\s*<strong class="callout-title">Read with care<\/strong>/);
  });

  it('headings get anchors', () => {
    // Beside the heading, so its name stays its own words.
    expect(incident()).toMatch(/<div class="heading"><h2 id="a-section-heading">A section heading<\/h2><a class="heading-anchor" href="#a-section-heading" aria-label="Link to the section “A section heading”">#<\/a><\/div>/);
  });
});

describe('links to defanged domains', () => {
  it('are text, defanged, in the write-up', () => {
    const html = incident();
    expect(html).toContain('on Telegram (hxxps://t[.]me/evil_channel/42)');
    expect(html).toContain('hxxps://telegram[.]t[.]me/x');
    expect(html).toContain('a JSX link (hxxps://t[.]me/jsx_link)');
    expect(html).toContain('hxxps://t[.]me/copy_me');
    expect(html).toContain('hxxps://t[.]me/in_code');
    // In a heading too, whose anchor is made from the defanged words.
    expect(html).toMatch(/<h2 id="[^"]+">The <span class="defanged"[^>]*>channel \(hxxps:\/\/t\[\.\]me\/head_link\)<\/span> moved<\/h2>/);
  });

  it('never become an href anywhere in dist/', () => {
    const offenders = files.filter((file) => /\.(html|xml|json|svg|js)$/.test(file) && /href=["']?https?:\/\/([a-z0-9-]+\.)*t\.me/i.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
    // The same scan does catch a live link, so it can fail.
    expect(/href=["']?https?:\/\/([a-z0-9-]+\.)*t\.me/i.test('<a href="https://t.me/x">')).toBe(true);
  });

  it('are defanged in free text from the data, on every page and feed, and kept as data in downloads', () => {
    const html = incident();
    expect(html).toContain('See hxxps://t[.]me/notes_channel/5 and hxxps://T[.]ME/Upper_Case, not https://news.example/ok.');
    expect(readFileSync(join(dist, 'actors/amaq/index.html'), 'utf8')).toContain('Posts at hxxps://t[.]me/amaq_agency/1.');
    const live = files.filter((file) => /\.(html|xml)$/.test(file) && /https?:\/\/([a-z0-9-]+\.)*t\.me\b/i.test(readFileSync(file, 'utf8')));
    expect(live).toEqual([]);
    expect(recordsJson().join('\n')).toContain('See https://t.me/notes_channel/5');
    // Defanged before the search index read the pages: its excerpts are text readers see too.
    const fragments = files.filter((file) => file.endsWith('.pf_fragment')).map((file) => gunzipSync(readFileSync(file)).toString());
    expect(fragments.some((text) => text.includes('hxxps://t[.]me/notes_channel/5'))).toBe(true);
    expect(fragments.filter((text) => /https?:\/\/t\.me/i.test(text))).toEqual([]);
  });

  it('dates the feed item and the structured data by the write-up’s publication, not by the events', () => {
    expect(incident()).toContain('Published <time datetime="2026-11-20">20 November 2026</time>.');
    expect(incident()).toContain('"datePublished":"2026-11-20"');
    const rss = readFileSync(join(dist, 'rss.xml'), 'utf8');
    expect(rss).toMatch(/<link>[^<]*\/incidents\/incident-one\/<\/link>[\s\S]*?<pubDate>Fri, 20 Nov 2026 00:00:00 GMT<\/pubDate>/);
  });

  it('says a disputed id as the name it stands for, on the record card', () => {
    expect(incident()).toMatch(/<strong>actor<\/strong>: Islamic State according to <a href="#source-news-1">\[1\]<\/a> — shown above: Amaq News Agency\./);
  });

  it('other external links open without a referrer', () => {
    expect(incident()).toContain('<a href="https://news.example/report" rel="noopener noreferrer nofollow" referrerpolicy="no-referrer">news link</a>');
  });
});

describe('a draft', () => {
  it('leaves no trace in dist/: no page, no record, no mention in any file', () => {
    expect(files.length).toBeGreaterThan(3);
    // Pagefind's index files are gzipped: read them as the search does.
    const contents = (file: string) => (/\.pf_(fragment|index|filter|meta)$/.test(file) ? gunzipSync(readFileSync(file)) : readFileSync(file));
    const traces = files.filter((file) => {
      const text = contents(file);
      return text.includes('DRAFTMARKER') || text.includes('secret-draft') || text.includes('draftonly-record') || text.includes('draftonly-source');
    });
    expect(traces).toEqual([]);
    // A source the draft and a free page cite is listed where the page's citation leads.
    expect(readFileSync(join(dist, 'sources/index.html'), 'utf8')).toContain('<li id="shared-source">');
    expect(readFileSync(join(dist, 'about/index.html'), 'utf8')).toContain('href="/sources/#shared-source"');
    // A record shared with the draft is published, under the published incident alone.
    expect(incident()).toContain('A statement shared by a published incident and a draft');
    const json = recordsJson().flatMap((text) => JSON.parse(text) as { id: string; incidents?: string[] }[]);
    expect(json.find((r) => r.id === 'shared-record')?.incidents).toEqual(['incident-one']);
    // The search index is there and readable, so its absence of the draft means something.
    const fragments = files.filter((file) => file.endsWith('.pf_fragment'));
    expect(fragments.length).toBeGreaterThan(0);
    expect(fragments.some((file) => contents(file).includes('Incident one'))).toBe(true);
  });
});
