/**
 * The site's data for pages, fed through the queries once per build. Pages call `await getSite()`
 * and look things up; they never load or filter data themselves.
 *
 * The write-ups come from the `incidents` collection (Astro renders their MDX); the registries and
 * records come straight from the checker's result (src/site/project.ts), which the integration has
 * already computed for this build: they never pass through Astro's data store.
 */
import { join } from 'node:path';
import { getCollection } from 'astro:content';
import { buildSiteData, type SiteData } from '../data/queries.ts';
import { withBase } from '../data/urls.ts';
import { citedSources } from '../data/mdx-scan.ts';
import { showDrafts } from './drafts.ts';
import { loadProject } from './project.ts';
import { projectCacheDir, projectDir } from './paths.ts';
import { readHistory } from './history/log.ts';
import { siteHistory, type SiteHistory } from './history/visible.ts';

export interface Site extends SiteData {
  /** A site path (`/incidents/x/`) under the configured base path. */
  url(path: string): string;
  /** The corrections log: what changed in the published data, from git (src/site/history/). */
  history: SiteHistory;
}

let site: Promise<Site> | undefined;

/** The folder of content/ and data/: as the integration resolved it from Astro's root, else from the working folder. */
export function siteProjectDir(): string {
  return process.env.DRIFTWATCH_PROJECT_DIR ?? projectDir(process.cwd());
}

async function load(): Promise<Site> {
  // Write-ups and registries through their collections; records straight from the checked project
  // (src/content.config.ts says why).
  const [incidents, platforms, actors, sources] = await Promise.all([
    getCollection('incidents'),
    getCollection('platforms'),
    getCollection('actors'),
    getCollection('sources'),
  ]);
  const { data: project } = loadProject(siteProjectDir());
  // The checker has read each write-up's citations already (a full MDX parse, about 1 ms each);
  // a body that changed since (`astro dev`) is read again.
  const checked = new Map(project.incidents.map((incident) => [incident.id, incident]));
  const citationsOf = (id: string, body = '') => {
    const incident = checked.get(id);
    return incident && incident.body.trim() === body.trim() ? incident.citations : citedSources(body);
  };
  const data = buildSiteData(
    {
      site: project.site,
      incidents: incidents.map((entry) => ({ ...entry.data, id: entry.id, citations: citationsOf(entry.id, entry.body) })),
      pageCitations: project.pages.flatMap((page) => page.citations),
      platforms: platforms.map((entry) => entry.data),
      actors: actors.map((entry) => entry.data),
      sources: sources.map((entry) => entry.data),
      records: project.records,
    },
    { includeDrafts: showDrafts() },
  );
  // Where a record links to depends on how the charts page it: src/charts/site/record-href.ts.
  // Read from git once per build; each commit's changes are cached beside Astro's own cache.
  const history = siteHistory(readHistory(siteProjectDir(), join(projectCacheDir(), 'driftwatch-history.json')), data);
  return { ...data, url: withBase, history };
}

export function getSite(): Promise<Site> {
  // In dev, data changes between requests; a build computes it once.
  if (showDrafts()) return load();
  return (site ??= load());
}
