/** `/data/records.parquet`: every record in one typed, columnar file (src/feeds/parquet.ts). */
import type { APIRoute } from 'astro';
import { getSite } from '../../site/index.ts';
import { recordsParquet } from '../../feeds/parquet.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  return new Response(recordsParquet(site.records), { headers: { 'Content-Type': 'application/vnd.apache.parquet' } });
};
