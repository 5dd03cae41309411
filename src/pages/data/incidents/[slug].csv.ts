/** `/data/incidents/<slug>.csv`: the records one incident page and its charts show. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../site/index.ts';
import { recordsCsv } from '../../../feeds/downloads.ts';
import { subsets } from '../../../feeds/subsets.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const site = await getSite();
  return subsets(site).map((subset) => ({ params: { slug: subset.id }, props: { subset } }));
};

export const GET: APIRoute = ({ props }) =>
  new Response(recordsCsv(props.subset.records), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
