/**
 * The order Astro renders pages in, written down as it goes, so that `npm run build` can give
 * Pagefind each page as soon as Astro has written it and still write the same index every time.
 *
 * Pagefind numbers pages in the order they are added, and names its files after what they hold
 * (src/integration/search.ts). The order pages reach the disk, and the scans find them, differs
 * from one build to the next; the order Astro renders them in does not: one page at a time
 * (`build.concurrency` 1), routes in Astro's order, each route's pages in the order its
 * `getStaticPaths` gives them, which the site's queries keep stable. The middleware notes each
 * HTML page once Astro has rendered it and before its file is written (`noteRendered`); the feed
 * adds pages in that order, a page once every page noted before it has been added or is known
 * not to be searched. Pages the log does not name come last, by path. (Only HTML pages are
 * noted: the feed reads nothing else, and a noted file it never reads would hold up the rest.)
 */
import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { searchHandoffFile } from '../site/env.ts';

/** The file beside the handoff file where the middleware notes each page as Astro renders it. */
export const renderOrderFile = (handoff: string): string => `${handoff}.order`;

/**
 * A page's key, from a site path under the output folder (`incidents/a/index.html`) or from the
 * path Astro renders it at, without the base path (`/incidents/a/`, `/incidents/a`): the two
 * meet at `incidents/a`. `index.html` is ``, `404.html` is `404`, a feed keeps its name.
 */
export function pageKey(path: string): string {
  return path
    .replace(/^\/+/, '')
    .replace(/(?:^|\/)index\.html$/, '')
    .replace(/\.html$/, '')
    .replace(/\/+$/, '');
}

let log: number | undefined;

/**
 * In `astro build` under `npm run build` (DRIFTWATCH_SEARCH_AFTER set): notes the HTML page Astro
 * has just rendered, before it writes its file. `pathname` is the page's URL path, `base` the configured base path.
 */
export function noteRendered(pathname: string, base: string): void {
  const handoff = searchHandoffFile();
  if (!handoff) return;
  log ??= openSync(renderOrderFile(handoff), 'a');
  const root = base.replace(/\/?$/, '/');
  const path = pathname.startsWith(root) ? pathname.slice(root.length) : pathname;
  writeSync(log, `${pageKey(path)}\n`);
}

/** Closes the log (tests; the build's process exits anyway). */
export function closeRenderLog(): void {
  if (log !== undefined) closeSync(log);
  log = undefined;
}

/** Each noted page's key, by its place in the render order (the first note of a key counts). */
export function readRenderOrder(file: string | undefined): Map<string, number> {
  const order = new Map<string, number>();
  if (!file || !existsSync(file)) return order;
  for (const key of readFileSync(file, 'utf8').split('\n').slice(0, -1)) if (!order.has(key)) order.set(key, order.size);
  return order;
}
