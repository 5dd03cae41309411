/** `/data/<name>.json`: one file per registry and record kind (and all records), values as the data holds them. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../site/index.ts';
import { downloadJson, downloads } from '../../feeds/downloads.ts';
import { writeBeside } from '../../feeds/beside.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const all = downloads(await getSite());
  // In a build, written beside the routes (src/feeds/beside.ts).
  if (writeBeside(all.map((download) => ({ path: `data/${download.name}.json`, content: { type: 'json', rows: download.rows } })))) return [];
  return all.map((download) => ({ params: { name: download.name }, props: { download } }));
};

export const GET: APIRoute = ({ props }) =>
  new Response(downloadJson(props.download), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
