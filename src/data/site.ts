/**
 * The site's data for pages: the content collections fed through the queries once per build.
 * Pages call `await getSite()` and look things up; they never load or filter data themselves.
 */
import { getCollection, getEntry } from 'astro:content';
import type { DataRecord } from '../schema/index.ts';
import { buildSiteData, type SiteData } from './queries.ts';
import { withBase } from './urls.ts';
import { citedSources } from '../mdx/scan.ts';
import { showDrafts } from './drafts.ts';

export interface Site extends SiteData {
  /** A site path (`/incidents/x/`) under the configured base path. */
  url(path: string): string;
  /** Where a record's details are shown: its incident's page, else the data downloads. */
  recordHref(record: DataRecord): string;
}

let site: Promise<Site> | undefined;

async function load(): Promise<Site> {
  const [settings, incidents, platforms, actors, sources, records] = await Promise.all([
    getEntry('site', 'site'),
    getCollection('incidents'),
    getCollection('platforms'),
    getCollection('actors'),
    getCollection('sources'),
    getCollection('records'),
  ]);
  const data = buildSiteData(
    {
      site: settings!.data,
      incidents: incidents.map((entry) => ({ ...entry.data, id: entry.id, citations: citedSources(entry.body ?? '') })),
      platforms: platforms.map((e) => e.data),
      actors: actors.map((e) => e.data),
      sources: sources.map((e) => e.data),
      records: records.map((e) => e.data),
    },
    { includeDrafts: showDrafts() },
  );
  return {
    ...data,
    url: withBase,
    recordHref(record) {
      const slug = (record.incidents ?? []).find((id) => data.incidentById.has(id));
      return slug ? withBase(`/incidents/${slug}/#record-${record.id}`) : withBase(`/data/#${record.kind}`);
    },
  };
}

export function getSite(): Promise<Site> {
  // In dev, data changes between requests; a build computes it once.
  if (import.meta.env.DEV) return load();
  return (site ??= load());
}
