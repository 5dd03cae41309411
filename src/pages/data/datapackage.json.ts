/** `/data/datapackage.json`: the Frictionless description of the CSV files, derived from the schemas. */
import type { APIRoute } from 'astro';
import { getSite } from '../../site/index.ts';
import { downloads } from '../../feeds/downloads.ts';
import { dataPackage } from '../../feeds/datapackage.ts';
import { absoluteUrl } from '../../seo/meta.ts';

export const GET: APIRoute = async ({ site: siteUrl }) => {
  const site = await getSite();
  const body = dataPackage(site.site, downloads(site), absoluteUrl(siteUrl, '/data/'));
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
