/** `/og/incidents/<slug>.png`: the incident's social card, drawn at build time. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { formatDate } from '../../../data/dates.ts';
import { getSite, type Site } from '../../../site/index.ts';
import { renderCard, type CardInput } from '../../../feeds/og/index.ts';
import { writeBeside } from '../../../feeds/beside.ts';
import type { IncidentSummary } from '../../../data/queries.ts';

const card = (site: Site, incident: IncidentSummary): CardInput => ({
  site: site.site.title,
  kicker: 'Incident',
  title: incident.title,
  meta: [formatDate(incident.span), incident.location && `${incident.location.place}, ${incident.location.country}`].filter(Boolean).join(' · '),
});

export const getStaticPaths: GetStaticPaths = async () => {
  const site = await getSite();
  // In a build, drawn and written off the main thread while it renders the pages (src/feeds/beside.ts).
  if (writeBeside(site.incidents.map((incident) => ({ path: `og/incidents/${incident.id}.png`, content: { type: 'card', card: card(site, incident) } })))) return [];
  return site.incidents.map((incident) => ({ params: { slug: incident.id }, props: { incident } }));
};

export const GET: APIRoute = async ({ props }) => {
  const png = await renderCard(card(await getSite(), props.incident));
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
