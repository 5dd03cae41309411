/** `/CITATION.cff`: the dataset's citation, Citation File Format 1.2.0 (src/feeds/citation-cff.ts). */
import type { APIRoute } from 'astro';
import { citationCff } from '../feeds/citation-cff.ts';
import { getSite } from '../site/index.ts';
import { absoluteUrl } from '../seo/meta.ts';

export const GET: APIRoute = async ({ site: siteUrl }) => {
  const site = await getSite();
  return new Response(citationCff(site.site, absoluteUrl(siteUrl, '/')), { headers: { 'Content-Type': 'application/x-yaml; charset=utf-8' } });
};
