/**
 * The last guard of the defang rule. Components defang what they know to be an address (a
 * source's url, a link in a write-up: ExternalUrl.astro, markdown/safe-links.ts); free text from
 * the data can hold one too (a record's notes, an actor's description), and reaches pages,
 * chart tooltips and tables, structured data and the feed through many components. So every
 * page and feed leaves with each URL on a listed domain defanged, wherever it stands. Downloads
 * (CSV, JSON) are left alone: they keep the original URL as data (DATA-MODEL.md).
 */
import { defineMiddleware } from 'astro:middleware';
import { loadProject } from './data/project.ts';
import { siteProjectDir } from './data/site.ts';
import { defangUrlsIn } from './safety/defang.ts';

const READ_AS_PAGES = /^(?:text\/html|application\/(?:rss\+)?xml|text\/xml)\b/;

/** Whether a text names a listed domain at all, in any case: one pattern per defang list. */
let mentions: { key: string; pattern: RegExp } | undefined;
function namesListedDomain(text: string, domains: readonly string[]): boolean {
  const key = domains.join(' ');
  if (mentions?.key !== key) mentions = { key, pattern: new RegExp(domains.map((d) => d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i') };
  return mentions.pattern.test(text);
}

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!READ_AS_PAGES.test(response.headers.get('content-type') ?? '')) return response;
  const domains = loadProject(siteProjectDir()).data.site.defang;
  const text = await response.text();
  // Most pages name no listed domain at all: leave them as they are, without the pattern's pass.
  const changed = domains.length > 0 && namesListedDomain(text, domains) ? defangUrlsIn(text, domains) : text;
  return new Response(changed, { status: response.status, statusText: response.statusText, headers: response.headers });
});
