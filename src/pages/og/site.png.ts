/** `/og/site.png`: the social card of every page without one of its own. */
import type { APIRoute } from 'astro';
import { getSite } from '../../site/index.ts';
import { renderCard } from '../../feeds/og/index.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  const c = site.counts;
  const png = await renderCard({
    site: site.site.title,
    kicker: 'Research data',
    title: site.site.description,
    meta: `${c.incidents} incidents · ${c.records} records · ${c.sources} sources`,
  });
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
