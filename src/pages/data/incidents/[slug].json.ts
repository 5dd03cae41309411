/** `/data/incidents/<slug>.json`: the records one incident page and its charts show, where it lists each (src/feeds/subsets.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../site/index.ts';
import { jsonSubsets } from '../../../feeds/subsets.ts';
import { jsonLines } from '../../../feeds/downloads.ts';
import { writeBeside } from '../../../feeds/beside.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const all = jsonSubsets(await getSite());
  // In a build, written beside the routes (src/feeds/beside.ts).
  if (writeBeside(all.map((subset) => ({ path: `data/incidents/${subset.id}.json`, content: { type: 'json', rows: subset.records } })))) return [];
  return all.map((subset) => ({ params: { slug: subset.id }, props: { subset } }));
};

export const GET: APIRoute = ({ props }) =>
  new Response(jsonLines(props.subset.records), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
