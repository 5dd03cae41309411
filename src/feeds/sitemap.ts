/**
 * The sitemap (`/sitemap.xml`): every page a reader can land on, from the same data the pages are
 * built from, so it never lists a draft or misses a new platform.
 */
import type { SiteData } from '../data/queries.ts';
import { element } from './xml.ts';

export interface SitemapEntry {
  /** A site path, before the base path: `/incidents/x/`. */
  path: string;
  /** ISO day of the last change, when known. */
  lastmod?: string;
}

/** The site's pages. `pages` are the free pages' slugs (content/pages), drafts already left out. */
export function sitemapEntries(site: Pick<SiteData, 'incidents' | 'platforms' | 'actors' | 'facets' | 'sourcePages'>, pages: string[], chartPages: string[]): SitemapEntry[] {
  const day = (edtf: string | undefined) => (edtf && /^\d{4}-\d{2}-\d{2}$/.test(edtf) ? edtf : undefined);
  return [
    { path: '/' },
    { path: '/incidents/' },
    ...site.incidents.map((i) => ({ path: `/incidents/${i.id}/`, lastmod: day(i.updated ?? i.published) })),
    ...site.facets.years.map((f) => ({ path: `/incidents/year/${f.value}/` })),
    ...site.facets.platforms.map((f) => ({ path: `/incidents/platform/${f.value}/` })),
    ...site.facets.actors.map((f) => ({ path: `/incidents/actor/${f.value}/` })),
    { path: '/platforms/' },
    ...site.platforms.map((p) => ({ path: `/platforms/${p.id}/` })),
    { path: '/actors/' },
    ...site.actors.map((a) => ({ path: `/actors/${a.id}/` })),
    ...site.sourcePages.map((p) => ({ path: p.path })),
    ...chartPages.map((path) => ({ path })),
    { path: '/data/' },
    ...pages.map((slug) => ({ path: `/${slug}/` })),
  ];
}

export function sitemapXml(entries: SitemapEntry[], absolute: (path: string) => string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries.map((e) => `  <url>${element('loc', absolute(e.path))}${e.lastmod ? element('lastmod', e.lastmod) : ''}</url>`),
    '</urlset>',
    '',
  ].join('\n');
}

