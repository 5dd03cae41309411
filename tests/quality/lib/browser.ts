/**
 * What the browser suite watches on a page: console errors and uncaught exceptions, failed
 * requests (network errors and HTTP ≥ 400), requests to any origin but the site's own (aborted,
 * and reported), and Content-Security-Policy violations (the `securitypolicyviolation` event,
 * recorded by an init script, and Chromium's console messages about the policy). Also the
 * no-JavaScript comparison and the axe run. Small functions, so checkers.test.ts and
 * browser.test.ts can break each one on purpose.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';

export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Records CSP violations in the page, from before its first script runs. */
const CSP_LISTENER = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + (e.sourceFile ? ' (' + e.sourceFile + ':' + e.lineNumber + ')' : '') + (e.sample ? ' sample: ' + e.sample : ''));
  });
`;

export interface Watcher {
  /** Everything that went wrong so far, one line each. */
  problems(): Promise<string[]>;
  /** Every same-origin URL the page requested. */
  requested: string[];
}

/**
 * Watches a context: every page opened in it. Requests to other origins are aborted (nothing
 * may leave the machine) and reported.
 */
export async function watch(context: BrowserContext, origin: string): Promise<{ watcher: (page: Page) => Watcher }> {
  await context.addInitScript(CSP_LISTENER);
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || /^(data|blob|about):/.test(url)) return route.continue();
    return route.abort('blockedbyclient');
  });
  return {
    watcher(page: Page): Watcher {
      const problems: string[] = [];
      const requested: string[] = [];
      page.on('console', (message) => {
        const text = message.text();
        if (message.type() === 'error') problems.push(`console error: ${text}`);
        else if (/Content Security Policy|Content-Security-Policy/i.test(text)) problems.push(`console ${message.type()} about the CSP: ${text}`);
      });
      page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));
      page.on('request', (request) => {
        const url = request.url();
        if (/^(data|blob|about):/.test(url)) return;
        if (!url.startsWith(origin)) problems.push(`request to another origin: ${url}`);
        else requested.push(url);
      });
      page.on('requestfailed', (request) => {
        if (request.url().startsWith(origin)) problems.push(`failed request: ${request.url()} (${request.failure()?.errorText ?? 'failed'})`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
      });
      return {
        requested,
        async problems() {
          const csp = page.isClosed() ? [] : await page.evaluate(() => window.__cspViolations ?? []).catch(() => [] as string[]);
          return collapse([...problems, ...csp.map((v) => `CSP violation: ${v}`)]);
        },
      };
    },
  };
}

/** Identical lines once, with a count; long console messages cut short. */
export function collapse(lines: string[]): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const unhashed = line.replace(/'sha256-[^']+'/g, "'sha256-…'");
    const short = unhashed.length > 300 ? `${unhashed.slice(0, 300)}…` : unhashed;
    counts.set(short, (counts.get(short) ?? 0) + 1);
  }
  return [...counts].map(([line, n]) => (n > 1 ? `${line} (×${n})` : line));
}

/**
 * Best practices beyond WCAG that a screen-reader user meets on every page: one <h1> to start
 * from, landmarks told apart by name, one main.
 */
const LANDMARKS_AND_HEADINGS = ['page-has-heading-one', 'landmark-unique', 'landmark-one-main', 'landmark-no-duplicate-banner', 'landmark-no-duplicate-contentinfo'];

/** WCAG 2.1 AA violations axe finds, and those best practices: one line per rule with the elements it names. */
export async function axeViolations(page: Page): Promise<string[]> {
  const wcag = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const practice = await new AxeBuilder({ page }).withRules(LANDMARKS_AND_HEADINGS).analyze();
  return [...wcag.violations, ...practice.violations].map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(' | ')}${v.nodes.length > 5 ? ` and ${v.nodes.length - 5} more` : ''}`,
  );
}

/** What a reader gets from a page: headings, charts, tables, record marks, and how much text. */
export interface Snapshot {
  headings: string[];
  charts: number;
  tables: number;
  records: number;
  text: number;
}

export function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(() => {
    const main = document.querySelector('main') ?? document.body;
    return {
      headings: [...main.querySelectorAll('h1, h2, h3')].map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim()),
      charts: main.querySelectorAll('svg[role="img"]').length,
      tables: main.querySelectorAll('table').length,
      records: main.querySelectorAll('[data-record]').length,
      text: (main.textContent ?? '').replace(/\s+/g, ' ').trim().length,
    };
  });
}

export interface Expectations {
  /** The page draws at least one chart (an `svg[role="img"]`). */
  chart?: boolean;
  /** The page has at least one data table. */
  table?: boolean;
  /**
   * The page is an interactive tool (search): its script builds controls and results, so only
   * its headings are compared, not the amount of text.
   */
  interactive?: boolean;
}

/**
 * Without JavaScript a page must hold what it holds with JavaScript: every heading, at least as
 * many charts, tables and record marks, and nearly all the text (a script may add a little: a
 * status line, a tooltip). And what the page promises (a chart, a table) must be there.
 */
export function compareNoJs(withJs: Snapshot, withoutJs: Snapshot, expected: Expectations = {}): string[] {
  const out: string[] = [];
  if (withoutJs.text === 0) out.push('no text without JavaScript');
  for (const heading of withJs.headings) if (!withoutJs.headings.includes(heading)) out.push(`heading "${heading}" only with JavaScript`);
  if (withoutJs.charts < withJs.charts) out.push(`${withJs.charts - withoutJs.charts} chart(s) only with JavaScript`);
  if (withoutJs.tables < withJs.tables) out.push(`${withJs.tables - withoutJs.tables} table(s) only with JavaScript`);
  if (withoutJs.records < withJs.records) out.push(`${withJs.records - withoutJs.records} record mark(s) only with JavaScript`);
  if (!expected.interactive && withoutJs.text < withJs.text * 0.9) out.push(`only ${withoutJs.text} of ${withJs.text} characters of text without JavaScript`);
  if (expected.chart && withoutJs.charts === 0) out.push('no chart (svg[role="img"]) without JavaScript');
  if (expected.table && withoutJs.tables === 0) out.push('no data table without JavaScript');
  return out;
}
