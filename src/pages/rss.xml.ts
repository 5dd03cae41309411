/** `/rss.xml`: the newest incidents (FEED_ITEMS of them), newest first. */
import type { APIRoute } from 'astro';
import { parseDate } from '../schema/edtf.ts';
import { getSite } from '../site/index.ts';
import { newestItems, rss } from '../feeds/rss.ts';
import { absoluteUrl } from '../seo/meta.ts';

export const GET: APIRoute = async ({ site: siteUrl }) => {
  const site = await getSite();
  const body = rss({
    title: site.site.title,
    description: site.site.description,
    home: absoluteUrl(siteUrl, '/'),
    self: absoluteUrl(siteUrl, '/rss.xml'),
    language: site.site.language,
    items: newestItems(site.incidents.map((incident) => ({
      title: incident.title,
      url: absoluteUrl(siteUrl, `/incidents/${incident.id}/`),
      summary: incident.summary,
      // When the write-up came out, if known: a feed reader sorts by it. Else when the events did.
      date: incident.published ? parseDate(incident.published).start : incident.span.start,
      categories: incident.tags ?? [],
      contentWarning: incident.contentWarning,
    }))),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
