/**
 * `/sources/pages.json`: which page of the bibliography lists each source, `{ id: path }`, for
 * the script that keeps `/sources/#id` working once the bibliography runs to several pages
 * (src/client/source-anchor.ts). Paths are site paths, before the base path.
 */
import type { APIRoute } from 'astro';
import { getSite } from '../../site/index.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  const pages: Record<string, string> = {};
  for (const page of site.sourcePages) for (const group of page.groups) for (const source of group.sources) pages[source.id] = page.path;
  return new Response(JSON.stringify(pages), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
