/**
 * `astro dev` only: the last guard of the defang rule (src/safety/last-guard.ts) on each page as
 * it is served, so editors see what will be published. A build guards the written files instead.
 */
import { defineMiddleware } from 'astro:middleware';
import { loadProject } from './data/project.ts';
import { siteProjectDir } from './data/site.ts';
import { guard } from './safety/last-guard.ts';

const READ_AS_PAGES = /^(?:text\/html|application\/(?:rss\+)?xml|text\/xml)\b/;

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!import.meta.env.DEV || !READ_AS_PAGES.test(response.headers.get('content-type') ?? '')) return response;
  const text = guard(await response.text(), loadProject(siteProjectDir()).data.site.defang);
  return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
});
