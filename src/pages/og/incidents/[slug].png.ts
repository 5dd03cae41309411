/** `/og/incidents/<slug>.png`: the incident's social card, drawn at build time. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { formatDate } from '../../../data/dates.ts';
import { getSite } from '../../../data/site.ts';
import { renderCard } from '../../../feeds/og.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const site = await getSite();
  return site.incidents.map((incident) => ({ params: { slug: incident.id }, props: { incident } }));
};

export const GET: APIRoute = async ({ props }) => {
  const site = await getSite();
  const { incident } = props;
  const meta = [formatDate(incident.span), incident.location && `${incident.location.place}, ${incident.location.country}`].filter(Boolean).join(' · ');
  const png = await renderCard({ site: site.site.title, kicker: 'Incident', title: incident.title, meta });
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
