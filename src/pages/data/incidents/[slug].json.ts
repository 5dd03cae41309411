/** `/data/incidents/<slug>.json`: the records one incident page and its charts show. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../site/index.ts';
import { subsets } from '../../../feeds/subsets.ts';
import { jsonLines } from '../../../feeds/downloads.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const site = await getSite();
  return subsets(site).map((subset) => ({ params: { slug: subset.id }, props: { subset } }));
};

export const GET: APIRoute = ({ props }) =>
  new Response(jsonLines(props.subset.records), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
