/** `/data/<name>.json`: one file per registry and record kind (and all records), values as the data holds them. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../site/index.ts';
import { downloadJson, downloads } from '../../feeds/downloads.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const site = await getSite();
  return downloads(site).map((download) => ({ params: { name: download.name }, props: { download } }));
};

export const GET: APIRoute = ({ props }) =>
  new Response(downloadJson(props.download), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
