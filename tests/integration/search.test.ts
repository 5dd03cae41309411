import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexSite, searchPages, SearchFeed } from '../../src/integration/search.ts';
import { readRenderOrder } from '../../src/integration/render-order.ts';
import { files } from '../pages/site-helpers.ts';

/** Every file of `dir`, by path, with a digest of its bytes. */
const tree = (dir: string) => Object.fromEntries(files(dir).sort().map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));

function site(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dw-search-'));
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

describe('what Pagefind reads', () => {
  it('reads the pages with a search body, by path, without the chart parts they ignore', () => {
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
    const read = Object.fromEntries([...searchPages(dist)].map(({ page, content }) => [page, content]));
    // In the order Pagefind is given them: by path, whatever order the folder lists them in.
    expect(Object.keys(read)).toEqual(['incidents/a/index.html', 'index.html', 'timeline/2019/index.html']);
    expect(read['incidents/a/index.html']).toBe(`${head}<main data-pagefind-body><p>Before</p><p>Between</p><p>After</p></main>`);
    // A chart that does not ask to be ignored is read without its SVG: its table is the only list
    // of such records.
    expect(read['timeline/2019/index.html']).toBe('<main data-pagefind-body><h1>2019</h1><dw-chart class="dw-chart"><figure><table><tr><td>A record with no write-up</td> </tr></table></figure></dw-chart></main>');
    // Facts read as words apart, not "Kindmessenger".
    expect(read['index.html']).toBe('<main data-pagefind-body><p>Home</p><dl><dt>Kind</dt> <dd>messenger</dd> </dl></main>');
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
    const write = (path: string, html: string) => {
      mkdirSync(dirname(join(dist, path)), { recursive: true });
      writeFileSync(join(dist, path), html);
    };
    try {
      write('index.html', page('<p>Home of the research</p>'));
      write('incidents/a/index.html', page(`<p>The channel posted at https://t.me/news_official today</p>${chart}`));
      // Half written: Astro writes a large page in chunks.
      write('incidents/b/index.html', page('<p>Second incident</p>').slice(0, 60));
      expect(await feed.scan()).toBe(2);
      rmSync(join(dist, 'stale'), { recursive: true });
      write('incidents/b/index.html', page('<p>Second incident</p>'));
      // Read, not indexed: an embed, and a feed (read once Astro has exited).
      write('embed/incidents/a/index.html', page('<p>An embed of https://t.me/news_official</p>'));
      write('rss.xml', '<rss><item><description>From https://t.me/news_official</description></item></rss>');
      expect(await feed.scan()).toBe(1);
      write('incidents/c/index.html', page('<p>The last one</p>').slice(0, 40));
      write('incidents/c/index.html', page('<p>The last one</p>'));
      // Changed after it was read (a page read whole-looking while Astro still wrote it): read again.
      write('index.html', page('<p>Home of the research, once https://t.me/home</p>'));
      expect(await feed.finish()).toEqual({ pages: 4, defanged: 4 });
    } catch (error) {
      await feed.close();
      throw error;
    }
    // Every page and feed defanged on disk, what Pagefind does not read included.
    const text = (path: string) => readFileSync(join(dist, path), 'utf8');
    expect(text('incidents/a/index.html')).toContain('hxxps://t[.]me/news_official');
    expect(text('embed/incidents/a/index.html')).toContain('hxxps://t[.]me/news_official');
    expect(text('rss.xml')).toContain('hxxps://t[.]me/news_official');
    expect(text('index.html')).toContain('hxxps://t[.]me/home');
    expect(files(dist).filter((f) => /\.(html|xml)$/.test(f) && /https:\/\/t\.me/.test(text(f)))).toEqual([]);
    // The same index, to the byte, as Pagefind reading the finished site.
    const after = mkdtempSync(join(tmpdir(), 'dw-search-after-'));
    cpSync(dist, after, { recursive: true });
    rmSync(join(after, 'pagefind'), { recursive: true });
    expect(await indexSite(after)).toEqual({ pages: 4, defanged: 0 });
    expect(fragments(dist)).toEqual(fragments(after));
    expect(fragments(dist)).toHaveLength(4);
    expect(tree(join(dist, 'pagefind'))).toEqual(tree(join(after, 'pagefind')));
    const indexed = fragments(dist).map((f) => gunzipSync(readFileSync(join(dist, 'pagefind/fragment', f))).toString('utf8')).join('\n');
    expect(indexed).toContain('t[.]me/home');
    expect(indexed).not.toContain('https://t.me');
  }, 60_000);

  it('after Astro, defangs every page and feed as it reads them for the index, embeds and XML included', async () => {
    const dist = site({
      'index.html': page('<p>Home</p>'),
      'actors/a/index.html': page('<p>Notes: https://t.me/chan/5</p>'),
      'embed/incidents/a/index.html': page('<p>https://t.me/chan/6</p>'),
      'rss.xml': '<description>From https://t.me/feed</description>',
      'data/records.csv': 'notes\nsee https://t.me/chan/5\n',
    });
    expect(await indexSite(dist, ['t.me'])).toEqual({ pages: 2, defanged: 3 });
    const text = (path: string) => readFileSync(join(dist, path), 'utf8');
    expect(text('actors/a/index.html')).toContain('hxxps://t[.]me/chan/5');
    expect(text('embed/incidents/a/index.html')).toContain('hxxps://t[.]me/chan/6');
    expect(text('rss.xml')).toBe('<description>From hxxps://t[.]me/feed</description>');
    // Downloads keep the address as data.
    expect(text('data/records.csv')).toContain('https://t.me/chan/5');
  }, 60_000);
});

describe('a reproducible index', () => {
  // Pages with words, filters and metadata, as a site's pages declare them.
  const words = ['takedown', 'migration', 'channel', 'statement', 'claim', 'archive', 'mirror', 'outlet', 'platform', 'network', 'broadcast', 'relay'];
  const pages: Record<string, string> = {};
  words.forEach((word, i) => {
    const path = i === 0 ? 'index.html' : `${i % 3 === 0 ? 'actors' : 'incidents'}/${word}/index.html`;
    pages[path] = `<!DOCTYPE html><html lang="en"><head><title>${word}</title></head><body><main data-pagefind-body><h1>The ${word}</h1><p data-pagefind-filter="kind">${i % 2 ? 'attack' : 'claim'}</p><p data-pagefind-filter="year">${2010 + (i % 4)}</p><p>${words.slice(0, i + 1).join(' ')} ${word}s</p></main></body></html>`;
  });
  const order = Object.keys(pages);

  /** The site written in `sequence`, scanned after the pages at the positions in `scanAfter`, then finished. */
  async function fed(sequence: readonly string[], scanAfter: ReadonlySet<number>): Promise<Record<string, string>> {
    const dist = mkdtempSync(join(tmpdir(), 'dw-search-order-'));
    const feed = await SearchFeed.open({ outDir: dist, domains: ['t.me'], follow: true }, Date.now() - 1000);
    try {
      for (const [i, path] of sequence.entries()) {
        mkdirSync(dirname(join(dist, path)), { recursive: true });
        writeFileSync(join(dist, path), pages[path]!);
        if (scanAfter.has(i)) await feed.scan();
      }
      expect(await feed.finish()).toEqual({ pages: sequence.length, defanged: 0 });
    } catch (error) {
      await feed.close();
      throw error;
    }
    return tree(join(dist, 'pagefind'));
  }

  it('has the same files, names and bytes, whatever order the pages arrive in', async () => {
    const inOrder = await fed(order, new Set([2, 5, 8]));
    // The reverse, and every other page first, with the scans at other points.
    const reversed = await fed([...order].reverse(), new Set([0, 1, 6]));
    const interleaved = await fed([...order.filter((_, i) => i % 2), ...order.filter((_, i) => i % 2 === 0)], new Set([3, 9]));
    expect(Object.keys(inOrder).some((f) => f.startsWith('filter/'))).toBe(true);
    expect(reversed).toEqual(inOrder);
    expect(interleaved).toEqual(inOrder);
    // And the same as indexing the finished site after the build (`astro build`, or a large site).
    const after = site(pages);
    expect(await indexSite(after)).toEqual({ pages: order.length, defanged: 0 });
    expect(tree(join(after, 'pagefind'))).toEqual(inOrder);
  }, 60_000);

  /**
   * `npm run build`: the middleware notes each page as Astro renders it, before its file is
   * written (render-order.ts); the feed gives Pagefind each page once those noted before it are
   * in, while Astro renders the rest.
   */
  async function fedInRenderOrder(rendered: readonly string[], arrival: readonly string[], scanAfter: ReadonlySet<number>): Promise<{ tree: Record<string, string>; givenBeforeFinish: number }> {
    const dist = mkdtempSync(join(tmpdir(), 'dw-search-rendered-'));
    const log = join(mkdtempSync(join(tmpdir(), 'dw-search-log-')), 'handoff.order');
    const key = (path: string) => path.replace(/(?:^|\/)index\.html$/, '');
    // Astro notes a page before it writes it; here every page is noted before any arrives.
    writeFileSync(log, rendered.map((path) => `${key(path)}\n`).join(''));
    const feed = await SearchFeed.open({ outDir: dist, domains: ['t.me'], follow: true, order: log }, Date.now() - 1000);
    let givenBeforeFinish = 0;
    try {
      for (const [i, path] of arrival.entries()) {
        mkdirSync(dirname(join(dist, path)), { recursive: true });
        writeFileSync(join(dist, path), pages[path]!);
        if (scanAfter.has(i)) await feed.scan();
      }
      givenBeforeFinish = feed.given;
      expect(await feed.finish()).toEqual({ pages: arrival.length, defanged: 0 });
    } catch (error) {
      await feed.close();
      throw error;
    }
    // The same index as Pagefind reading the finished site in the noted order.
    const after = site(pages);
    expect(await indexSite(after, [], readRenderOrder(log))).toEqual({ pages: order.length, defanged: 0 });
    expect(tree(join(after, 'pagefind'))).toEqual(tree(join(dist, 'pagefind')));
    return { tree: tree(join(dist, 'pagefind')), givenBeforeFinish };
  }

  it('with the render order noted, gives Pagefind pages while Astro renders, and still the same index', async () => {
    // Astro's order: not by path (it renders the home page last).
    const rendered = [...order.slice(1).reverse(), order[0]!];
    const inOrder = await fedInRenderOrder(rendered, rendered, new Set([2, 5, 8]));
    // Pages given before the end: all those rendered before the last scan.
    expect(inOrder.givenBeforeFinish).toBe(9);
    const shuffled = await fedInRenderOrder(rendered, [...rendered.filter((_, i) => i % 2), ...rendered.filter((_, i) => i % 2 === 0)], new Set([3, 9]));
    expect(shuffled.tree).toEqual(inOrder.tree);
    // Only what every earlier page allowed: the first rendered page arrived late.
    expect(shuffled.givenBeforeFinish).toBeLessThan(9);
  }, 60_000);
});
