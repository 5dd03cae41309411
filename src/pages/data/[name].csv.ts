/** `/data/<name>.csv`: one file per registry and record kind (and all records), formulas neutralised. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../site/index.ts';
import { downloadCsv, downloads } from '../../feeds/downloads.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const site = await getSite();
  return downloads(site).map((download) => ({ params: { name: download.name }, props: { download } }));
};

export const GET: APIRoute = ({ props }) =>
  new Response(downloadCsv(props.download), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
