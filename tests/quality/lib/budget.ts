/**
 * Page weight and budgets.
 *
 * How a page's weight is counted (decided here, documented in docs/deploy.md):
 * - JavaScript: every `<script src>` and `<link rel="modulepreload">` of the page, followed
 *   through the static imports of those bundles (`import … from "./x.js"`, `import "./x.js"`,
 *   `export … from`), each file once. Dynamic `import()` is not followed: that code loads only
 *   when a reader does something (opens search), and is counted where that happens — Pagefind's
 *   runtime is measured on /search/ alone, while a search runs, against its own budget.
 * - CSS: every `<link rel="stylesheet">`, followed through `@import`.
 * - Sizes are gzip at zlib's default level (6), file by file, the way a static host sends them.
 * - A chart page is a page that draws a chart: an `<svg>` with marks carrying `data-record`
 *   (the chart contract of issue 3). Chart pages may ship 20 KB of JavaScript; others 3 KB.
 */
import { gzipSync } from 'node:zlib';
import { tags } from './html.ts';
import { fileFor, pagePath, type Site } from './site.ts';

export const KB = 1024;

export interface Limits {
  /** JS on pages without an interactive chart. */
  js: number;
  /** JS on chart pages. */
  chartJs: number;
  css: number;
  /** HTML of the largest incident page. */
  incidentHtml: number;
}

export const LIMITS: Limits = { js: 3 * KB, chartJs: 20 * KB, css: 15 * KB, incidentHtml: 100 * KB };

export interface PageWeight {
  page: string;
  chart: boolean;
  html: number;
  js: { file: string; gzip: number }[];
  css: { file: string; gzip: number }[];
  jsTotal: number;
  cssTotal: number;
  /** Referenced scripts or stylesheets that do not exist (the link checker reports them too). */
  missing: string[];
}

export const gzipSize = (data: string | Buffer): number => gzipSync(data).length;

const STATIC_IMPORT = /(?:^|[;}\s)])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;
const CSS_IMPORT = /@import\s+(?:url\()?\s*["']?([^"')\s;]+)/g;

/** The specifiers of a bundle's static imports (not `import()`). */
export function staticImports(code: string): string[] {
  return [...code.matchAll(STATIC_IMPORT)].map((m) => m[1]!);
}

function follow(site: Site, start: string[], base: string, origin: URL, children: (text: string) => string[]): { files: string[]; missing: string[] } {
  const seen = new Set<string>();
  const missing: string[] = [];
  const queue = [...start];
  while (queue.length) {
    const url = queue.shift()!;
    const target = new URL(url, origin);
    if (target.origin !== origin.origin) {
      missing.push(`${url} (another origin)`);
      continue;
    }
    const file = fileFor(target.pathname, base);
    if (!file || seen.has(file)) continue;
    const text = site.read(file);
    if (text === undefined) {
      missing.push(url);
      continue;
    }
    seen.add(file);
    for (const child of children(text)) queue.push(new URL(child, target).href);
  }
  return { files: [...seen], missing };
}

/** What one page loads up front, and how much it weighs gzipped. */
export function pageWeight(site: Site, page: string, { base = '/', origin = 'http://site.test' } = {}): PageWeight {
  const html = site.read(page) ?? '';
  const pageUrl = new URL(pagePath(page, base), origin);
  const all = tags(html);
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const tag of all) {
    const rel = (tag.attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
    if (tag.name === 'script' && tag.attrs.get('src')) scripts.push(new URL(tag.attrs.get('src')!, pageUrl).href);
    if (tag.name === 'link' && rel.includes('modulepreload') && tag.attrs.get('href')) scripts.push(new URL(tag.attrs.get('href')!, pageUrl).href);
    if (tag.name === 'link' && rel.includes('stylesheet') && tag.attrs.get('href')) styles.push(new URL(tag.attrs.get('href')!, pageUrl).href);
  }
  // Inline code counts too (a CSP-clean site has none, but a budget must not be dodged by it).
  const inlineJs = all.filter((t) => t.name === 'script' && !t.attrs.has('src') && !/json/i.test(t.attrs.get('type') ?? '')).map((t) => t.body ?? '');
  const inlineCss = all.filter((t) => t.name === 'style').map((t) => t.body ?? '');
  const js = follow(site, scripts, base, pageUrl, staticImports);
  const css = follow(site, styles, base, pageUrl, (text) => [...text.matchAll(CSS_IMPORT)].map((m) => m[1]!));
  const sized = (files: string[], inline: string[]) => [
    ...files.map((file) => ({ file, gzip: gzipSize(site.bytes(file)!) })),
    ...inline.filter((t) => t.trim()).map((t, i) => ({ file: `${page} (inline #${i + 1})`, gzip: gzipSize(t) })),
  ];
  const jsSizes = sized(js.files, inlineJs);
  const cssSizes = sized(css.files, inlineCss);
  const chart = isChartPage(html);
  return {
    page,
    chart,
    html: gzipSize(site.bytes(page) ?? ''),
    js: jsSizes,
    css: cssSizes,
    jsTotal: jsSizes.reduce((s, f) => s + f.gzip, 0),
    cssTotal: cssSizes.reduce((s, f) => s + f.gzip, 0),
    missing: [...js.missing, ...css.missing],
  };
}

/** A page that draws a chart: an `<svg>` holding marks with `data-record`. */
export function isChartPage(html: string): boolean {
  return [...html.matchAll(/<svg\b[\s\S]*?<\/svg>/gi)].some((m) => /\sdata-record=/.test(m[0]));
}

const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;

/** Budget violations of a set of pages, one line each; empty when all fit. */
export function overBudget(weights: PageWeight[], limits: Limits = LIMITS, isIncident = (page: string) => /^incidents\/[^/]+\/index\.html$/.test(page)): string[] {
  const out: string[] = [];
  for (const w of weights) {
    const jsLimit = w.chart ? limits.chartJs : limits.js;
    if (w.jsTotal > jsLimit) {
      out.push(`${w.page}: JavaScript ${kb(w.jsTotal)} gzipped > ${kb(jsLimit)} (${w.chart ? 'chart page' : 'no chart'}: ${w.js.map((f) => `${f.file} ${kb(f.gzip)}`).join(', ')})`);
    }
    if (w.cssTotal > limits.css) out.push(`${w.page}: CSS ${kb(w.cssTotal)} gzipped > ${kb(limits.css)} (${w.css.map((f) => `${f.file} ${kb(f.gzip)}`).join(', ')})`);
  }
  const incidents = weights.filter((w) => isIncident(w.page)).sort((a, b) => b.html - a.html);
  const largest = incidents[0];
  if (largest && largest.html > limits.incidentHtml) out.push(`${largest.page}: HTML ${kb(largest.html)} gzipped > ${kb(limits.incidentHtml)} (the largest incident page)`);
  return out;
}

export function weightTable(weights: PageWeight[]): string {
  return weights
    .map((w) => `${w.page.padEnd(48)} html ${kb(w.html).padStart(9)}  js ${kb(w.jsTotal).padStart(8)}${w.chart ? ' (chart)' : '        '}  css ${kb(w.cssTotal).padStart(8)}`)
    .join('\n');
}
