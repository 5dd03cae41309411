/** `/data/incidents/<slug>.csv`: the records one incident page and its charts show. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../site/index.ts';
import { recordsCsv } from '../../../feeds/downloads.ts';
import { subsets } from '../../../feeds/subsets.ts';
import { writeBeside } from '../../../feeds/beside.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const all = subsets(await getSite());
  // In a build, written beside the routes (src/feeds/beside.ts).
  if (writeBeside(all.map((subset) => ({ path: `data/incidents/${subset.id}.csv`, content: { type: 'csv', columns: 'records', rows: subset.records } })))) return [];
  return all.map((subset) => ({ params: { slug: subset.id }, props: { subset } }));
};

export const GET: APIRoute = ({ props }) =>
  new Response(recordsCsv(props.subset.records), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
