/**
 * `astro dev` only. While content/ or data/ has errors, every page is the checker's report
 * (src/check/problems-page.ts). Otherwise the last guard of the defang rule
 * (src/safety/last-guard.ts) runs on each page as it is served, so editors see what will be
 * published. A build stops on errors before rendering, and guards the written files instead.
 */
import { defineMiddleware } from 'astro:middleware';
import { hasErrors } from './data/problems.ts';
import { problemsPage } from './check/problems-page.ts';
import { loadProject } from './site/project.ts';
import { siteComputations } from './site/index.ts';
import { siteProjectDir } from './site/paths.ts';
import { guard } from './safety/last-guard.ts';
import { astroCommand } from './site/env.ts';
import { noteRendered } from './integration/render-order.ts';
import { afterPage } from './components/embed-pages.ts';

const HTML = /^text\/html\b/;
const READ_AS_PAGES = /^(?:text\/html|application\/(?:rss\+)?xml|text\/xml)\b/;

export const onRequest = defineMiddleware(async (context, next) => {
  // The command the integration recorded, not import.meta.env.DEV: a build run with NODE_ENV=test
  // (a test runner, some CI setups) has DEV set, and would rewrite every page as it renders.
  if (astroCommand() !== 'dev') {
    // In a build: the order Astro renders pages in, for the search index (render-order.ts), and
    // an incident page's embed page, written from what it drew (components/embed-pages.ts).
    const response = await next();
    if (HTML.test(response.headers.get('content-type') ?? '')) {
      noteRendered(context.url.pathname, import.meta.env.BASE_URL);
      await afterPage(context.locals, response);
    }
    return response;
  }
  const project = loadProject(siteProjectDir());
  if (hasErrors(project.problems)) {
    // Messages quote what the editor wrote, addresses included: defanged here too.
    const page = guard(problemsPage(project.problems, `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}@vite/client`), project.data.site.defang);
    return new Response(page, { status: 500, headers: { 'content-type': 'text/html; charset=utf-8' } });
  }
  const response = await next();
  if (!READ_AS_PAGES.test(response.headers.get('content-type') ?? '')) return response;
  const text = guard(await response.text(), project.data.site.defang);
  const headers = new Headers(response.headers);
  headers.set('x-driftwatch-site', String(siteComputations()));
  return new Response(text, { status: response.status, statusText: response.statusText, headers });
});
