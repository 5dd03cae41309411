import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexSite, searchCopy, SearchFeed } from '../../src/integration/search.ts';
import { defangSite } from '../../src/safety/last-guard.ts';
import { files } from '../pages/site-helpers.ts';

function site(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dw-search-'));
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

describe('what Pagefind reads', () => {
  it('copies the pages with a search body, at their paths, without the chart parts they ignore', () => {
    const chart = '<dw-chart class="dw-chart" data-pagefind-ignore="all"><svg><title>&lt;/dw-chart&gt; Lane</title></svg><table><tr><td>row</td></tr></table></dw-chart>';
    const svg = '<svg class="dw-svg" data-pagefind-ignore="all" role="img"><title>Tooltip</title></svg>';
    const searchable = `<dw-chart class="dw-chart"><figure>${svg}<table><tr><td>A record with no write-up</td></tr></table></figure></dw-chart>`;
    // Data in an attribute may hold `<` (Astro leaves it there), never the `"` of the real opening.
    const head = '<head><meta name="description" content="<dw-chart class=&quot;dw-chart&quot; data-pagefind-ignore=&quot;all&quot;> x"></head>';
    const dist = site({
      'index.html': '<main data-pagefind-body><p>Home</p><dl><dt>Kind</dt><dd>messenger</dd></dl></main>',
      'incidents/a/index.html': `${head}<main data-pagefind-body><p>Before</p>${chart}<p>Between</p>${chart}<p>After</p></main>`,
      'timeline/2019/index.html': `<main data-pagefind-body><h1>2019</h1>${searchable}</main>`,
      'embed/incidents/a/index.html': `<main>${chart}</main>`,
      '404.html': '<main><p>Not found</p></main>',
      '_astro/x.html': '<main data-pagefind-body>asset folder</main>',
      'data/incidents/a.csv': 'id\na',
    });
    const copy = mkdtempSync(join(tmpdir(), 'dw-search-copy-'));
    expect(searchCopy(dist, copy)).toBe(3);
    expect(files(copy).sort()).toEqual(['incidents/a/index.html', 'index.html', 'timeline/2019/index.html']);
    expect(readFileSync(join(copy, 'incidents/a/index.html'), 'utf8')).toBe(`${head}<main data-pagefind-body><p>Before</p><p>Between</p><p>After</p></main>`);
    // A chart that does not ask to be ignored is read without its SVG: its table is the only list
    // of such records.
    expect(readFileSync(join(copy, 'timeline/2019/index.html'), 'utf8')).toBe('<main data-pagefind-body><h1>2019</h1><dw-chart class="dw-chart"><figure><table><tr><td>A record with no write-up</td> </tr></table></figure></dw-chart></main>');
    // Facts read as words apart, not "Kindmessenger".
    expect(readFileSync(join(copy, 'index.html'), 'utf8')).toBe('<main data-pagefind-body><p>Home</p><dl><dt>Kind</dt> <dd>messenger</dd> </dl></main>');
  });
});

describe('Pagefind fed while Astro renders (npm run build)', () => {
  const page = (body: string) => `<!DOCTYPE html><html lang="en"><head><title>${body.slice(0, 20)}</title></head><body><main data-pagefind-body>${body}</main></body></html>`;
  const fragments = (dir: string) => readdirSync(join(dir, 'pagefind/fragment')).sort();

  it('indexes each page once it is written, as the finished site would be indexed, defanged and cut', async () => {
    const chart = '<dw-chart class="dw-chart" data-pagefind-ignore="all"><svg></svg><table><tr><td>chart row</td></tr></table></dw-chart>';
    const dist = site({ 'stale/index.html': page('<p>A page of the previous build</p>') });
    // Written before this build started: a previous build's, not yet cleared.
    utimesSync(join(dist, 'stale/index.html'), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const feed = await SearchFeed.open({ outDir: dist, domains: ['t.me'], follow: true }, Date.now() - 1000);
    try {
      const write = (path: string, html: string) => {
        mkdirSync(dirname(join(dist, path)), { recursive: true });
        writeFileSync(join(dist, path), html);
      };
      write('index.html', page('<p>Home of the research</p>'));
      write('incidents/a/index.html', page(`<p>The channel posted at https://t.me/news_official today</p>${chart}`));
      // Half written: Astro writes a large page in chunks.
      write('incidents/b/index.html', page('<p>Second incident</p>').slice(0, 60));
      expect(await feed.scan()).toBe(2);
      rmSync(join(dist, 'stale'), { recursive: true });
      write('incidents/b/index.html', page('<p>Second incident</p>'));
      write('embed/incidents/a/index.html', page('<p>An embed</p>'));
      expect(await feed.scan()).toBe(1);
      // The last guard rewrites a page already indexed; the feed indexed it as the guard leaves it.
      expect(defangSite(dist, ['t.me'])).toBe(1);
      write('incidents/c/index.html', page('<p>The last one</p>').slice(0, 40));
      write('incidents/c/index.html', page('<p>The last one</p>'));
      expect(await feed.finish()).toEqual({ pages: 4 });
    } catch (error) {
      await feed.close();
      throw error;
    }
    // The same fragments (named by their content) as Pagefind reading the finished site's copy.
    const after = mkdtempSync(join(tmpdir(), 'dw-search-after-'));
    cpSync(dist, after, { recursive: true });
    rmSync(join(after, 'pagefind'), { recursive: true });
    expect(await indexSite(after)).toEqual({ pages: 4 });
    expect(fragments(dist)).toEqual(fragments(after));
    expect(fragments(dist)).toHaveLength(4);
  }, 60_000);
});
