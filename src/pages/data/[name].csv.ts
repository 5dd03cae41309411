/** `/data/<name>.csv`: one file per registry and record kind (and all records), formulas neutralised. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../site/index.ts';
import { downloadCsv, downloads } from '../../feeds/downloads.ts';
import { writeBeside } from '../../feeds/beside.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const all = downloads(await getSite());
  // In a build, written beside the routes (src/feeds/beside.ts).
  if (writeBeside(all.map((download) => ({ path: `data/${download.name}.csv`, content: { type: 'csv', columns: download.columnsKey, rows: download.rows } })))) return [];
  return all.map((download) => ({ params: { name: download.name }, props: { download } }));
};

export const GET: APIRoute = ({ props }) =>
  new Response(downloadCsv(props.download), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
