/**
 * The browser suite: the case study built, served with the site's strict Content-Security-Policy
 * (tests/helpers/serve.ts, the same policy as public/_headers), read by Debian's Chromium.
 *
 * For every page in PAGES that the build produced: no console error, no failed request, no
 * request to another origin, no CSP violation; no WCAG 2.1 AA violation (axe) in the light and
 * in the dark scheme; and without JavaScript the text, charts and tables are all there. Pages
 * the site does not build yet are skipped, by name, so the suite grows with the site; the pages
 * marked `required` must exist. A search runs on /search/ under the same watch.
 *
 * Each check is broken on purpose once at the end of this file.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, skipBrowser } from '../helpers/browser.ts';
import { buildSite } from '../helpers/build.ts';
import { serve, type Served } from '../helpers/serve.ts';
import { KB } from './lib/budget.ts';
import { axeViolations, compareNoJs, snapshot, watch, type Expectations, type Snapshot, type Watcher } from './lib/browser.ts';
import { fileFor } from './lib/site.ts';


interface PageSpec extends Expectations {
  name: string;
  /** Path under the base, '' for home. */
  path: string;
  /**
   * Must be built (every page listed today is). A page added here before the site builds it
   * leaves this out: it is skipped, by name, until it exists.
   */
  required?: boolean;
}

const INCIDENT = 'incidents/fishmongers-hall-2019/';

/** The pages the suite reads. Add a page here when the site gains one. */
const PAGES: PageSpec[] = [
  { name: 'home', path: '', required: true },
  { name: 'incident list', path: 'incidents/', required: true },
  { name: 'incident', path: INCIDENT, required: true, chart: true, table: true },
  { name: 'timeline', path: 'timeline/', required: true, chart: true, table: true },
  { name: 'claims', path: 'claims/', required: true, chart: true, table: true },
  { name: 'takedowns', path: 'takedowns/', required: true, chart: true, table: true },
  { name: 'map', path: 'map/', required: true, chart: true, table: true },
  { name: 'platform list', path: 'platforms/', required: true },
  { name: 'platform', path: 'platforms/tamtam/', required: true },
  { name: 'actor list', path: 'actors/', required: true },
  { name: 'actor', path: 'actors/islamic-state/', required: true },
  { name: 'sources', path: 'sources/', required: true },
  { name: 'data', path: 'data/', required: true, table: true },
  { name: 'search', path: 'search/', required: true, interactive: true },
  { name: 'about', path: 'about/', required: true },
  { name: 'guide', path: 'guide/', required: true },
  { name: 'embedded timeline', path: 'embed/timeline/', required: true, chart: true },
  { name: 'embedded map', path: 'embed/map/', required: true, chart: true },
  { name: 'not found', path: '404.html', required: true },
];

/**
 * Pagefind's runtime (its JS, fetched by /search/ when a search runs) has a budget of its own,
 * counted for /search/ only: its own scripts, gzipped. The WebAssembly and the index chunks are
 * data, fetched on demand, and are not JavaScript.
 */
const PAGEFIND_JS_BUDGET = 30 * KB;

let dist: string;
let server: Served;
let browser: Browser;
const contexts: BrowserContext[] = [];
const built = (spec: PageSpec) => existsSync(join(dist, fileFor(`/${spec.path}`)!));

type ContextOptions = Parameters<Browser['newContext']>[0];

/** Opens `base + path` in a fresh context watched for problems; `base` is the served site's URL. */
async function visit(path: string, options: ContextOptions = {}, base = server.url, waitUntil: 'load' | 'networkidle' = 'networkidle') {
  const ctx = await browser.newContext(options);
  contexts.push(ctx);
  const { watcher } = await watch(ctx, new URL(base).origin);
  const page = await ctx.newPage();
  const watched: Watcher = watcher(page);
  const response = await page.goto(base + path, { waitUntil });
  return { page, watched, response, close: () => ctx.close() };
}

// One browser for the whole file. Under CI=true a missing Chromium fails here, never skips.
beforeAll(async () => {
  if (!skipBrowser) browser = await launch();
});
afterAll(async () => {
  for (const ctx of contexts) await ctx.close().catch(() => {});
  await browser?.close();
});

describe.skipIf(skipBrowser)('the site in a browser', () => {
  beforeAll(async () => {
    dist = await buildSite();
    if (existsSync(join(dist, 'search/index.html')) && !existsSync(join(dist, 'pagefind/pagefind.js'))) {
      // The build did not index the site (output.test.ts fails for that); index it here, so the
      // search page can still be checked under the CSP.
      console.log('browser suite: the build wrote no Pagefind index; indexing dist/ for the search checks');
      const pagefind = await import('pagefind');
      const { index } = await pagefind.createIndex({});
      await index!.addDirectory({ path: dist });
      await index!.writeFiles({ outputPath: join(dist, 'pagefind') });
      await pagefind.close();
    }
    server = await serve(dist);
    const missing = PAGES.filter((p) => !built(p));
    if (missing.length) console.log(`browser suite: not built yet, skipped: ${missing.map((p) => `/${p.path} (${p.name})`).join(', ')}`);
  });
  afterAll(async () => {
    await server?.close();
  });

  describe.each(PAGES)('$name (/$path)', (spec) => {
    /** One visit with JavaScript (light, then dark on the same page) and one without. */
    let result: { status?: number; problems: string[]; light: string[]; dark: string[]; withJs: Snapshot; withoutJs: Snapshot; noJsProblems: string[] } | undefined;

    beforeAll(async () => {
      if (!built(spec)) return;
      const js = await visit(spec.path, { colorScheme: 'light' });
      await js.page.emulateMedia({ colorScheme: 'light' });
      const light = await axeViolations(js.page);
      await js.page.emulateMedia({ colorScheme: 'dark' });
      const dark = await axeViolations(js.page);
      const withJs = await snapshot(js.page);
      // Use the page a little: the theme toggle is on every page.
      const toggle = js.page.locator('[data-theme-toggle]');
      if (await toggle.isVisible()) await toggle.click();
      const problems = await js.watched.problems();
      await js.close();
      const nojs = await visit(spec.path, { javaScriptEnabled: false }, server.url, 'load');
      const withoutJs = await snapshot(nojs.page);
      const noJsProblems = await nojs.watched.problems();
      await nojs.close();
      result = { status: js.response?.status(), problems, light, dark, withJs, withoutJs, noJsProblems };
    });

    const needsPage = (ctx: { skip: (note?: string) => void }) => {
      if (built(spec)) return result!;
      if (spec.required) throw new Error(`/${spec.path} was not built`);
      ctx.skip(`/${spec.path} is not built yet`);
      return result!;
    };

    it('loads with no console error, failed or foreign request, or CSP violation', (ctx) => {
      const r = needsPage(ctx);
      expect(r.status).toBe(200);
      expect(r.problems).toEqual([]);
    });

    it('has no WCAG 2.1 AA violation, nor a landmark or heading problem, in the light scheme', (ctx) => {
      expect(needsPage(ctx).light).toEqual([]);
    });

    it('has no WCAG 2.1 AA violation, nor a landmark or heading problem, in the dark scheme', (ctx) => {
      expect(needsPage(ctx).dark).toEqual([]);
    });

    it('shows its text, charts and tables without JavaScript', (ctx) => {
      const r = needsPage(ctx);
      expect(r.noJsProblems).toEqual([]);
      expect(compareNoJs(r.withJs, r.withoutJs, spec)).toEqual([]);
    });
  });

  it('runs a search under the CSP: results, no violation, Pagefind within its budget', async (ctx) => {
    if (!built({ name: 'search', path: 'search/' })) return ctx.skip('/search/ is not built yet');
    const { page, watched, close } = await visit('search/');
    const box = page.locator('main input[type="search"]').first();
    await box.fill('TamTam');
    await box.press('Enter');
    // A result leads to the incident that tells the TamTam story.
    await page.waitForSelector(`main a[href$="${INCIDENT}"]`, { timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    expect(await watched.problems()).toEqual([]);
    const pagefindJs = watched.requested
      .map((url) => new URL(url).pathname)
      .filter((path) => /\/pagefind\/[^/]+\.js$/.test(path))
      .map((path) => ({ path, gzip: gzipSync(readFileSync(join(dist, fileFor(path)!))).length }));
    const total = pagefindJs.reduce((sum, f) => sum + f.gzip, 0);
    console.log(`Pagefind runtime JS on /search/: ${(total / KB).toFixed(1)} KB gzipped (${pagefindJs.map((f) => f.path).join(', ')})`);
    expect(pagefindJs.length).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(PAGEFIND_JS_BUDGET);
    await close();
  });

  it('suggests embed frames tall enough for what they show, down to a phone’s width', async () => {
    for (const [page, embed] of [['timeline/', 'embed/timeline/'], ['takedowns/', 'embed/takedowns/'], [INCIDENT, `embed/${INCIDENT}`]] as const) {
      const snippet = readFileSync(join(dist, page, 'index.html'), 'utf8');
      const height = Number(/&lt;iframe src=&quot;[^&]*\/embed\/[\s\S]*?height=&quot;(\d+)&quot;/.exec(snippet)?.[1]);
      expect(height, page).toBeGreaterThan(0);
      for (const width of [360, 700, 1000]) {
        const { page: tab, close } = await visit(embed, { viewport: { width, height } });
        expect(await tab.evaluate(() => document.documentElement.scrollHeight), `${embed} at ${width} px`).toBeLessThanOrEqual(height);
        await close();
      }
    }
  });

  it('shows every result, twenty at a time, and moves focus to the first new one', async (ctx) => {
    if (!built({ name: 'search', path: 'search/' })) return ctx.skip('/search/ is not built yet');
    const { page, watched, close } = await visit('search/?q=2019');
    const status = page.locator('[data-search-status]');
    await page.waitForFunction(() => /found/.test(document.querySelector('[data-search-status]')?.textContent ?? ''), null, { timeout: 15_000 });
    const found = Number(/^(\d+) pages found/.exec((await status.textContent()) ?? '')?.[1]);
    // The case study has more than a page of results for its year, or this test proves nothing.
    expect(found).toBeGreaterThan(20);
    expect(await page.locator('[data-search-results] > li').count()).toBe(20);
    const more = page.locator('[data-search-more]');
    expect(await more.isVisible()).toBe(true);
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-search-results] > li').length === Math.min(n, 40), found);
    expect(await page.evaluate(() => document.activeElement === document.querySelectorAll('[data-search-results] > li a')[20])).toBe(true);
    expect(await more.isVisible()).toBe(found > 40);
    expect(await watched.problems()).toEqual([]);
    await close();
  });
});

describe.skipIf(skipBrowser)('the browser checks fail when what they check breaks', () => {
  let site: string;
  let broken: Served;

  beforeAll(async () => {
    site = mkdtempSync(join(tmpdir(), 'dw-broken-'));
    const html = (body: string, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Broken</title>${head}</head><body><main><h1>Broken</h1>${body}</main></body></html>`;
    const files: Record<string, string> = {
      'inline-script.html': html('<p>An inline script, as injected data would be.</p><script>document.title = "ran";</script>'),
      'inline-style.html': html('<p style="color: red">An inline style.</p>'),
      'throws.html': html('<p>A script that throws.</p><script src="throws.js"></script>'),
      'throws.js': 'throw new Error("deliberately broken");',
      'missing-asset.html': html('<p>An image that is not there.</p><img src="missing.png" alt="missing">'),
      'foreign.html': html('<p>An image from another server.</p><img src="https://tracker.example/pixel.png" alt="">'),
      'inaccessible.html': html('<img src="ok.svg"><p><a href="#"></a></p>').replace(' lang="en"', ''),
      'ok.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
      'dark-only.html': html('<p class="dim">Readable in light, not in dark.</p>', '<link rel="stylesheet" href="dark.css">'),
      'dark.css': 'body{background:#fff;color:#111}@media (prefers-color-scheme: dark){body{background:#111}.dim{color:#222}}',
      'chart-by-js.html': html('<p>The chart is drawn by a script.</p><div id="c"></div><script src="chart.js"></script>'),
      'chart.js': 'document.getElementById("c").innerHTML = `<svg role="img" aria-label="A chart"><circle data-record="a-1" r="3"/></svg><table><tr><td>a</td></tr></table>`;',
    };
    for (const [file, text] of Object.entries(files)) writeFileSync(join(site, file), text);
    broken = await serve(site);
  });
  afterAll(async () => {
    await broken?.close();
    rmSync(site, { recursive: true, force: true });
  });

  const problemsOf = async (file: string) => {
    const { watched, close } = await visit(file, {}, broken.url);
    const problems = await watched.problems();
    await close();
    return problems;
  };

  it('an inline script served under the CSP is a violation', async () => {
    const problems = await problemsOf('inline-script.html');
    expect(problems.some((p) => p.startsWith('CSP violation: script-src'))).toBe(true);
    expect(problems.some((p) => /Content Security Policy/.test(p))).toBe(true);
  });

  it('an inline style attribute served under the CSP is a violation', async () => {
    expect((await problemsOf('inline-style.html')).some((p) => p.startsWith('CSP violation: style-src'))).toBe(true);
  });

  it('a script that throws, a missing asset and a request to another origin are reported', async () => {
    expect(await problemsOf('throws.html')).toContain('uncaught exception: deliberately broken');
    expect((await problemsOf('missing-asset.html')).some((p) => p.startsWith('HTTP 404: '))).toBe(true);
    expect(await problemsOf('foreign.html')).toContain('request to another origin: https://tracker.example/pixel.png');
  });

  it('axe finds violations, and the dark scheme is really checked', async () => {
    const { page, close } = await visit('inaccessible.html', {}, broken.url);
    const violations = (await axeViolations(page)).map((v) => v.split(' ')[0]);
    expect(violations).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt', 'link-name']));
    await close();
    const light = await visit('dark-only.html', { colorScheme: 'light' }, broken.url);
    expect(await axeViolations(light.page)).toEqual([]);
    await light.close();
    const dark = await visit('dark-only.html', { colorScheme: 'dark' }, broken.url);
    await dark.page.emulateMedia({ colorScheme: 'dark' });
    expect((await axeViolations(dark.page)).map((v) => v.split(' ')[0])).toContain('color-contrast');
    await dark.close();
  });

  it('a chart drawn only by JavaScript fails the no-JavaScript comparison', async () => {
    const withJs = await visit('chart-by-js.html', {}, broken.url);
    const before = await snapshot(withJs.page);
    await withJs.close();
    const withoutJs = await visit('chart-by-js.html', { javaScriptEnabled: false }, broken.url);
    const after = await snapshot(withoutJs.page);
    await withoutJs.close();
    expect(compareNoJs(before, after, { chart: true, table: true })).toEqual([
      '1 chart(s) only with JavaScript',
      '1 table(s) only with JavaScript',
      '1 record mark(s) only with JavaScript',
      'no chart (svg[role="img"]) without JavaScript',
      'no data table without JavaScript',
    ]);
  });
});
