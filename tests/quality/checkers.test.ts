/**
 * The checkers themselves, each broken on purpose once: a quality gate that cannot fail is no
 * gate. Every checker under tests/quality/lib/ is fed a small bad input here and must catch it,
 * and a small good one it must pass.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KB, LIMITS, isChartPage, overBudget, pageWeight, staticImports } from './lib/budget.ts';
import { formulaCells, parseCsv } from './lib/csv.ts';
import { feedDefangedLinks, liveDefangedLinks } from './lib/defang.ts';
import { compareTrees, hashTree } from './lib/determinism.ts';
import { decodeEntities, tags, textAndLabels } from './lib/html.ts';
import { findBrokenLinks, formatLinkProblem } from './lib/links.ts';
import { readPagefindFragment, scanFeed, scanMarkup, scanPagefindFragment } from './lib/payload.ts';
import { missingEntries } from './lib/records.ts';
import { memorySite } from './lib/site.ts';
import { gzipSync } from 'node:zlib';

const page = (body: string, head = '') => `<!doctype html><html lang="en"><head><title>t</title>${head}</head><body>${body}</body></html>`;
const temp: string[] = [];
afterAll(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the HTML scanner', () => {
  it('reads attributes in every quoting style and decodes entities', () => {
    const [a] = tags(`<a href="/x?a=1&amp;b=2" title='it&#39;s' data-x=bare hidden>`);
    expect(Object.fromEntries(a!.attrs)).toEqual({ href: '/x?a=1&b=2', title: "it's", 'data-x': 'bare', hidden: '' });
  });
  it('treats script bodies as text, not tags', () => {
    expect(tags('<script>var s = "<a href=x>";</script><p>').map((t) => t.name)).toEqual(['script', 'p']);
  });
  it('gives the text a reader sees', () => {
    expect(textAndLabels('<p>a &lt;script&gt; <b>b</b></p><img alt="c">')).toBe('a <script> b c');
    expect(decodeEntities('&#x202E;&#8238;&quot;')).toBe('\u202e\u202e"');
  });
});

describe('the link checker', () => {
  const site = (pages: Record<string, string>) => memorySite({ '_astro/a.css': '', 'img/a.png': '', ...pages });

  it('passes a site whose links resolve, at / and under a base path', () => {
    const pages = {
      'index.html': page('<a href="/b/">b</a><a href="b/#top">b top</a><img src="/img/a.png" srcset="/img/a.png 1x, img/a.png 2x"><a href="https://elsewhere.example/">x</a><a href="mailto:a@b.example">m</a>', '<link rel="stylesheet" href="/_astro/a.css">'),
      'b/index.html': page('<h2 id="top">t</h2><a href="../">home</a><a href="#top">top</a>'),
    };
    expect(findBrokenLinks(site(pages))).toEqual([]);
    const based = Object.fromEntries(Object.entries(pages).map(([k, v]) => [k, v.replaceAll('"/', '"/dw/')]));
    expect(findBrokenLinks(site(based), { base: '/dw/' })).toEqual([]);
  });

  it('finds a broken link, a missing asset, a bad fragment and a link outside the base path', () => {
    const problems = findBrokenLinks(
      site({
        'index.html': page('<a href="/dw/nowhere/">x</a><img src="/dw/img/missing.png"><a href="/dw/#nope">f</a><a href="/incidents/">root</a>', '<meta property="og:image" content="https://driftwatch.example/dw/og/x.png">'),
      }),
      { base: '/dw/' },
    ).map(formatLinkProblem);
    expect(problems).toEqual([
      'index.html: meta[og:image]="https://driftwatch.example/dw/og/x.png": no such file: og/x.png',
      'index.html: a[href]="/dw/nowhere/": no such file: nowhere/index.html',
      'index.html: img[src]="/dw/img/missing.png": no such file: img/missing.png',
      'index.html: a[href]="/dw/#nope": no id "nope" in index.html',
      'index.html: a[href]="/incidents/": outside the base path /dw/',
    ]);
  });

  it('resolves 404.html links as if served at any depth', () => {
    const problems = findBrokenLinks(site({ 'index.html': page(''), '404.html': page('<a href="./">home</a><a href="/">ok</a>') }));
    expect(problems.map((p) => p.url)).toEqual(['./']);
  });

  it('reports javascript: URLs', () => {
    expect(findBrokenLinks(site({ 'index.html': page('<a href="javascript:alert(1)">x</a>') }))[0]?.reason).toBe('javascript: URL');
  });
});

describe('the budget', () => {
  const big = (n: number) => Array.from({ length: n }, (_, i) => `var v${i}=${(i * 7919) % 104729};`).join('');
  const files = {
    'index.html': page('<p>hi</p><script type="module" src="/_astro/entry.js"></script>', '<link rel="stylesheet" href="/_astro/a.css">'),
    '_astro/entry.js': 'import{a}from"./chunk.js";import"./side.js";const l=()=>import("./lazy.js");a();',
    '_astro/chunk.js': 'export const a=()=>1;',
    '_astro/side.js': 'console.log(1)',
    '_astro/lazy.js': big(20000),
    '_astro/a.css': '@import "./b.css";body{color:red}',
    '_astro/b.css': 'p{margin:0}',
  };

  it('follows static imports but not dynamic import()', () => {
    expect(staticImports(files['_astro/entry.js'])).toEqual(['./chunk.js', './side.js']);
    const w = pageWeight(memorySite(files), 'index.html');
    expect(w.js.map((f) => f.file).sort()).toEqual(['_astro/chunk.js', '_astro/entry.js', '_astro/side.js']);
    expect(w.css.map((f) => f.file).sort()).toEqual(['_astro/a.css', '_astro/b.css']);
    expect(overBudget([w])).toEqual([]);
  });

  it('fails an over-budget page: JS, CSS and the largest incident HTML', () => {
    const fat = memorySite({
      ...files,
      '_astro/chunk.js': big(3000),
      '_astro/b.css': Array.from({ length: 4000 }, (_, i) => `.c${i}{margin:${i}px ${(i * 31) % 97}px}`).join(''),
      'incidents/a/index.html': page(`<p>${Array.from({ length: 60000 }, (_, i) => ((i * 2654435761) >>> 0).toString(36)).join(' ')}</p>`),
    });
    const weights = [pageWeight(fat, 'index.html'), pageWeight(fat, 'incidents/a/index.html')];
    const over = overBudget(weights);
    expect(over).toHaveLength(3);
    expect(over[0]).toMatch(/^index\.html: JavaScript [\d.]+ KB gzipped > 3\.0 KB \(no chart:/);
    expect(over[1]).toMatch(/^index\.html: CSS [\d.]+ KB gzipped > 15\.0 KB/);
    expect(over[2]).toMatch(/^incidents\/a\/index\.html: HTML [\d.]+ KB gzipped > 100\.0 KB \(the largest incident page\)/);
  });

  it('gives chart pages the larger JavaScript budget, and counts inline scripts', () => {
    const chart = page('<svg role="img"><circle data-record="a-1"></circle></svg><script>' + big(1500) + '</script>');
    expect(isChartPage(chart)).toBe(true);
    expect(isChartPage(page('<ul><li data-record="a-1">x</li></ul><svg></svg>'))).toBe(false);
    const w = pageWeight(memorySite({ 'timeline/index.html': chart }), 'timeline/index.html');
    expect(w.chart).toBe(true);
    expect(w.jsTotal).toBeGreaterThan(3 * KB);
    expect(overBudget([w])).toEqual([]);
    expect(overBudget([w], { ...LIMITS, chartJs: 3 * KB })).toHaveLength(1);
  });
});

describe('the determinism comparison', () => {
  it('passes identical trees and fails a non-deterministic pair', () => {
    const make = (files: Record<string, string>) => {
      const dir = mkdtempSync(join(tmpdir(), 'dw-det-'));
      temp.push(dir);
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(join(dir, file, '..'), { recursive: true });
        writeFileSync(join(dir, file), text);
      }
      return hashTree(dir);
    };
    const a = make({ 'index.html': 'x', '_astro/a.js': '1' });
    expect(compareTrees(a, make({ 'index.html': 'x', '_astro/a.js': '1' }))).toEqual([]);
    expect(compareTrees(a, make({ 'index.html': `built at ${Date.now()}`, '_astro/b.js': '1' }))).toEqual([
      'differs: index.html',
      'only in the first build: _astro/a.js',
      'only in the second build: _astro/b.js',
    ]);
  });
});

describe('the payload scan', () => {
  it('passes escaped payloads and the site’s own scripts', () => {
    const safe = page(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &quot; onerror=&quot;x</p><a href="/x" title="&quot;&gt;&lt;img onerror=x&gt;">a</a><script type="module" src="/_astro/a.js"></script>',
      '<script type="application/ld+json">{"name":"\\u003c/script\\u003e"}</script>',
    );
    expect(scanMarkup(safe)).toEqual([]);
  });

  it('finds injected scripts, handlers, javascript: URLs and JSON-LD break-outs', () => {
    const findings = scanMarkup(
      page(
        '<p><script>alert(1)</script><img src=x onerror="alert(1)"><a href=" JaVa&#x09;ScRiPt:alert(1)">a</a><svg><a xlink:href="javascript:alert(1)"></a><set attributeName="href" to="javascript:alert(1)"/></svg><iframe srcdoc="x"></iframe><base href="https://evil.example/"></p>',
        '<script type="application/ld+json">{"name":"</script><script>alert(1)</script>"}</script>',
      ),
    ).map((f) => f.what);
    // A browser ends the JSON-LD at the first </script>: what is left does not parse, and the rest runs.
    expect(findings).toEqual([
      'JSON-LD that does not parse',
      'inline <script>',
      'inline <script>',
      'event-handler attribute onerror',
      'javascript: URL in a[href]',
      'javascript: URL in a[xlink:href]',
      'javascript: URL in set[to]',
      'srcdoc attribute',
      '<base href> element',
    ]);
  });

  it('finds JSON that could break out of its script element', () => {
    expect(scanMarkup('<script type="application/ld+json">{"a":"<!--<script>"}</script>').map((f) => f.what)).toEqual(['JSON data that can break out of its <script> element']);
  });

  it('reads HTML in feed descriptions as HTML (escaped once is markup to a feed reader)', () => {
    const rss = (description: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>&lt;script&gt;</title><description>${description}</description></item></channel></rss>`;
    expect(scanFeed(rss('&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;'))).toEqual([]);
    expect(scanFeed(rss('&lt;img src=x onerror=alert(1)&gt;')).map((f) => f.what)).toEqual(['<description> HTML: event-handler attribute onerror']);
    expect(scanFeed(rss('<![CDATA[<script>alert(1)</script>]]>')).map((f) => f.what)).toEqual(['raw XML: inline <script>', '<description> HTML: inline <script>']);
    expect(scanFeed('<rss><channel><item>').map((f) => f.what)).toContain('not well-formed XML');
  });

  it('reads Pagefind fragments: markup as text is data, a URL that runs is not', () => {
    const fragment = { url: '/a/', content: 'A title shown as text: <script>alert(1)</script>', meta: { title: '<img src=x onerror=alert(1)>', image: '/og/a.png' } };
    const data = gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify(fragment)}`));
    expect(readPagefindFragment(data)).toEqual(fragment);
    expect(scanPagefindFragment(fragment)).toEqual([]);
    const bad = { ...fragment, url: 'javascript:alert(1)', meta: { ...fragment.meta, image: 'data:image/svg+xml,<svg onload=alert(1)>' } };
    expect(scanPagefindFragment(bad).map((f) => f.what)).toEqual(['$.url: javascript: URL', '$.meta.image: data: URL with active content']);
  });
});

describe('the defang scan', () => {
  const domains = ['t.me', 'telegram.me'];
  it('passes defanged text and links elsewhere', () => {
    expect(liveDefangedLinks(page('<span class="defanged">hxxps://t[.]me/x</span><a href="https://notat.me/">x</a><a href="https://t.me.example/">y</a>'), domains)).toEqual([]);
  });
  it('fails a live link to a defanged domain, in any case, on any subdomain, in JSON-LD and feeds', () => {
    expect(liveDefangedLinks('<a href="https://t.me/x">x</a>', domains)).toEqual([{ where: 'a[href]', url: 'https://t.me/x' }]);
    expect(liveDefangedLinks('<a href="HTTPS://Sub.T.ME/x">x</a><img src="//telegram.me/i.png">', domains).map((l) => l.url)).toEqual(['HTTPS://Sub.T.ME/x', '//telegram.me/i.png']);
    expect(liveDefangedLinks('<script type="application/ld+json">{"citation":[{"url":"https://t.me/x"}]}</script>', domains)).toEqual([{ where: 'JSON-LD $.citation[0].url', url: 'https://t.me/x' }]);
    const feed = '<rss><channel><item><link>https://t.me/a</link><description>&lt;a href="https://telegram.me/b"&gt;b&lt;/a&gt;</description></item></channel></rss>';
    expect(feedDefangedLinks(feed, domains).map((l) => l.url)).toEqual(['https://t.me/a', 'https://telegram.me/b']);
  });
});

describe('the CSV scan', () => {
  it('reads quoted cells with commas, quotes and line breaks', () => {
    expect(parseCsv('a,b\n"x,1","say ""hi""\nthere"\n')).toEqual([['a', 'b'], ['x,1', 'say "hi"\nthere']]);
  });
  it('passes neutralised cells and fails every formula trigger', () => {
    expect(formulaCells(`id,title,lon\na,"'=HYPERLINK(""x"")",-0.0873\nb,'+cmd,+1\nc,'-2+3,-1.5e3\nd,plain - text,\n`)).toEqual([]);
    const bad = formulaCells(`id,title\na,"=HYPERLINK(""https://evil.example"",""x"")"\nb,+cmd\nc,-2+3\nd,@SUM(1)\ne,"\t=1"\nf,"\r=1"\ng,-1+cmd|' /C calc'!A0\n`);
    expect(bad.map((c) => `${c.row}:${c.column}:${JSON.stringify(c.value[0])}`)).toEqual(['1:title:"="', '2:title:"+"', '3:title:"-"', '4:title:"@"', '5:title:"\\t"', '6:title:"\\r"', '7:title:"-"']);
  });
});

describe('the record presence check', () => {
  it('finds a record by id or title, and reports one that was dropped', () => {
    const pages = [{ file: 'a.html', html: '<li id="record-a-1">', text: 'The <script> title of b' }];
    const entries = [
      { kind: 'record', id: 'a-1', label: 'not shown' },
      { kind: 'record', id: 'b-1', label: 'The <script> title of b' },
      { kind: 'record', id: 'c-1', label: 'Dropped by a sanitiser' },
    ];
    expect(missingEntries(entries, pages)).toEqual(['record "c-1" ("Dropped by a sanitiser") is on no page']);
  });
});
