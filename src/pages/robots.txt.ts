/** `/robots.txt`: everything may be crawled but the embeds; where the sitemap is. */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../seo/meta.ts';
import { withBase } from '../data/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nDisallow: ${withBase('/embed/')}\n\nSitemap: ${absoluteUrl(site, '/sitemap.xml')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
