/** `/changes.xml`: the newest changes of the corrections log (FEED_ITEMS of them), as RSS. */
import type { APIRoute } from 'astro';
import { FEED_ITEMS, rss } from '../feeds/rss.ts';
import { getSite } from '../site/index.ts';
import { absoluteUrl } from '../seo/meta.ts';

const SUBJECTS = { records: 'record', incidents: 'incident', platforms: 'platform', actors: 'actor', sources: 'source', site: 'site settings' } as const;

export const GET: APIRoute = async ({ site: siteUrl }) => {
  const site = await getSite();
  const { history } = site;
  const body = rss({
    title: `${site.site.title}: changes`,
    description: history.available ? 'Changes to the published records, write-ups and registries, newest first, with the reason given for each.' : history.unavailable!,
    home: absoluteUrl(siteUrl, '/changes/'),
    self: absoluteUrl(siteUrl, '/changes.xml'),
    language: site.site.language,
    // Text only, defanged (src/site/history/visible.ts), escaped by rss().
    items: history.changes.slice(0, FEED_ITEMS).map((change) => ({
      title: `${SUBJECTS[change.subject]} ${change.current}: ${change.kind === 'removed' ? 'removed' : change.text}`,
      url: absoluteUrl(siteUrl, `${change.page}#${change.anchor}`),
      summary: `${change.kind === 'removed' ? 'Removed' : 'Changed'} on ${change.day}. Reason: ${change.summary}`,
      date: Date.parse(change.date),
      categories: [SUBJECTS[change.subject]],
    })),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
