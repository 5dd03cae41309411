/** `/sitemap.xml`: every page a reader can land on (embeds, search and 404 left out). */
import type { APIRoute } from 'astro';
import { siteCharts } from '../charts/registry.ts';
import { sitePeriods } from '../charts/site/site-charts.ts';
import { periodPath } from '../charts/shared/periods.ts';
import { MAP_PAGE, mapPages } from '../charts/map/pages.ts';
import { getFreePages, getSite } from '../site/index.ts';
import { sitemapEntries, sitemapXml } from '../feeds/sitemap.ts';
import { absoluteUrl } from '../seo/meta.ts';

export const GET: APIRoute = async ({ site: siteUrl }) => {
  const site = await getSite();
  const pages = await getFreePages(false);
  // The chart pages, and their drill-down pages by year and month (/timeline/2019/, …).
  const chartPages = siteCharts().flatMap(({ name, appears: { site: page } }) => [page.path, ...sitePeriods(name, site.records, site.site.recordListLimit).pages.map((p) => `${page.path}${periodPath(p.key)}/`)]);
  // The map, its years and (when it counts in bins) its countries.
  chartPages.push(MAP_PAGE.path, ...mapPages(site.records, site.site.recordListLimit).routes.map((r) => `${MAP_PAGE.path}${r.params.path}/`));
  const entries = sitemapEntries(site, pages.map((p) => p.id), chartPages);
  return new Response(sitemapXml(entries, (path) => absoluteUrl(siteUrl, path)), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
