/**
 * `/data/records.parquet`: every record in one typed, columnar file (src/feeds/parquet.ts). A
 * route with one path, so that a build can write the file beside the routes instead
 * (src/feeds/beside.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../site/index.ts';
import { PARQUET_FILE } from '../../feeds/downloads.ts';
import { recordsParquet } from '../../feeds/parquet.ts';
import { writeBeside } from '../../feeds/beside.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const site = await getSite();
  if (writeBeside([{ path: `data/${PARQUET_FILE}`, content: { type: 'parquet', records: site.records } }])) return [];
  return [{ params: { name: PARQUET_FILE.replace(/\.parquet$/, '') } }];
};

export const GET: APIRoute = async () => {
  const site = await getSite();
  return new Response(recordsParquet(site.records), { headers: { 'Content-Type': 'application/vnd.apache.parquet' } });
};
