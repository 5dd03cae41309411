/**
 * The site's data for pages, fed through the queries once per build. Pages call `await getSite()`
 * and look things up; they never load or filter data themselves.
 *
 * The write-ups come from the `incidents` collection (Astro renders their MDX); the registries and
 * records come straight from the checker's result (src/site/project.ts), which the integration has
 * already computed for this build: they never pass through Astro's data store.
 */
import { join } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import type { CheckResult, ProjectData } from '../check/validate.ts';
import { buildSiteData, type DataInput, type SiteData } from '../data/queries.ts';
import { withBase } from '../data/urls.ts';
import { markDrawnAlike } from '../data/drawn-alike.ts';
import { citedSources } from '../data/mdx-scan.ts';
import { showDrafts } from './drafts.ts';
import { loadProject } from './project.ts';
import { projectCacheDir, siteProjectDir } from './paths.ts';
import { readHistory } from './history/log.ts';
import { siteHistory, type SiteHistory } from './history/visible.ts';

export interface Site extends SiteData {
  /** A site path (`/incidents/x/`) under the configured base path. */
  url(path: string): string;
  /** The corrections log: what changed in the published data, from git (src/site/history/). */
  history: SiteHistory;
  /** The ISO day of this build: the access date citations give (SOURCE_DATE_EPOCH, for reproducible builds, else today). */
  builtOn: string;
  /** Who made the dataset, for citations: data/site.yaml `authors`, else "<title> editors". */
  datasetAuthors: string[];
  /** The dataset's last substantive change, for its citation: the latest `updated` of a write-up (EDTF), if any. */
  datasetUpdated?: string;
}

let site: Promise<Site> | undefined;

/**
 * What the site's indexes are computed from: write-ups through their collection; the settings,
 * registries and records straight from the checked project (src/content.config.ts says why). A
 * write-up's prose is not in it, only what its body cites.
 */
function inputOf({ data: project }: CheckResult, incidents: CollectionEntry<'incidents'>[]): DataInput {
  // The checker has read each write-up's citations already (a full MDX parse, about 1 ms each);
  // a body that changed since (`astro dev`) is read again.
  const checkedIncidents = new Map(project.incidents.map((incident) => [incident.id, incident]));
  const citationsOf = (id: string, body = '') => {
    const incident = checkedIncidents.get(id);
    return incident && incident.body.trim() === body.trim() ? incident.citations : citedSources(body);
  };
  return {
    site: project.site,
    incidents: incidents.map((entry) => ({ ...entry.data, id: entry.id, citations: citationsOf(entry.id, entry.body) })),
    pageCitations: project.pages.flatMap((page) => page.citations),
    platforms: project.platforms,
    actors: project.actors,
    sources: project.sources,
    records: project.records,
  };
}

async function load(input?: DataInput): Promise<Site> {
  input ??= inputOf(loadProject(siteProjectDir()), await getCollection('incidents'));
  counter.count++;
  const data = buildSiteData(input, { includeDrafts: showDrafts() });
  // Every site-wide chart's page, its embed page and the home page draw these: laid out once.
  markDrawnAlike(data.records);
  // Where a record links to depends on how the charts page it: src/charts/site/record-href.ts.
  // Read from git once per build; each commit's changes are cached beside Astro's own cache.
  const history = siteHistory(readHistory(siteProjectDir(), join(projectCacheDir(), 'driftwatch-history.json')), data);
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const builtOn = (Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date()).toISOString().slice(0, 10);
  const datasetAuthors = data.site.authors?.length ? data.site.authors : [`${data.site.title} editors`];
  // Once per build, not per page: every incident page cites the dataset too (seo/cite.ts, datasetCite).
  const datasetUpdated = data.incidents.map((incident) => incident.updated).filter((day): day is string => !!day).sort().at(-1);
  return { ...data, url: withBase, history, builtOn, datasetAuthors, datasetUpdated };
}

/**
 * How many times this process has computed the site: `astro dev` sends it with each page
 * (x-driftwatch-site), so a test can tell a page that reused it. On the global object: Vite
 * evaluates this module again after a save, and the middleware may hold the earlier instance.
 */
const COMPUTED = Symbol.for('driftwatch.site-computations');
const counter = ((globalThis as Record<symbol, { count: number }>)[COMPUTED] ??= { count: 0 });
export const siteComputations = (): number => counter.count;

/**
 * In `astro dev`: the site of the last request, and what it was computed from. On the global
 * object too: after a save Vite may evaluate this module again while pages still hold the earlier
 * instance, and two caches computed the site twice.
 */
const DEV = Symbol.for('driftwatch.dev-site');
interface DevSite {
  /** What was checked and written when it was last asked for: the same, and nothing changed. */
  checked: CheckResult;
  writeups: string;
  /** What a write-up could change of what the site was computed from, as text (`textOf`). */
  text: string;
  site: Promise<Site>;
}
const devCache = ((globalThis as Record<symbol, { last?: DevSite }>)[DEV] ??= {});

/** What a save to a write-up could change of the input, as text: its frontmatter and what it cites (and what the free pages cite). */
const textOf = (input: DataInput) => JSON.stringify([input.site, input.incidents, input.pageCitations]);

/** The same entries, object for object: a data file that did not change gives the very same ones (src/check/cache.ts). */
const sameEntries = (a: readonly object[], b: readonly object[]) => a.length === b.length && a.every((entry, i) => entry === b[i]);

/** The records and registries of two checks are the same objects. */
const sameData = (a: ProjectData, b: ProjectData) => sameEntries(a.records, b.records) && sameEntries(a.platforms, b.platforms) && sameEntries(a.actors, b.actors) && sameEntries(a.sources, b.sources);

/**
 * `astro dev`: a collection's entries that are on disk now, as the check listed them (`checked`).
 * Astro's content store can keep an entry whose file was renamed away: its glob loader misses the
 * old file's removal where the project is Astro's root, as in `npm run dev` here.
 */
function onDiskNow<T extends { id: string }>(entries: T[], checked: readonly { id: string }[]): T[] {
  const ids = new Set(checked.map((entry) => entry.id));
  return entries.filter((entry) => ids.has(entry.id));
}

/**
 * `astro dev`: the site is computed again only when what it is computed from changed: the
 * records, the registries, a write-up's frontmatter or what its body cites; not its prose, which
 * the page renders from the collection. Every component of every page asks for the site, so it is
 * first told by the checked project (a new object after any save under content/ or data/,
 * src/site/project.ts) and each write-up's digest (Astro's content layer gives each entry one):
 * the same, and nothing changed. Computing the site per call made a page at 1,000 write-ups /
 * 20,000 records take 7.7 s; computing it per saved sentence, a save cost a second more.
 */
async function devSite(): Promise<Site> {
  const checked = loadProject(siteProjectDir());
  // Its route would otherwise claim a renamed write-up's old address before the redirect page of
  // src/pages/[...moved].astro, which a build writes there.
  const written = onDiskNow(await getCollection('incidents'), checked.data.incidents);
  const writeups = written.map((entry) => `${entry.id}:${entry.digest ?? entry.body?.length ?? ''}`).join('|');
  const dev = devCache.last;
  if (dev && dev.checked === checked && dev.writeups === writeups) return dev.site;
  const input = inputOf(checked, written);
  const text = textOf(input);
  if (dev && sameData(dev.checked.data, checked.data) && dev.text === text) {
    devCache.last = { ...dev, checked, writeups };
    return dev.site;
  }
  const site = load(input);
  devCache.last = { checked, writeups, text, site };
  // A failed load is not kept: the next request tries again.
  site.catch(() => {
    if (devCache.last?.site === site) devCache.last = undefined;
  });
  return site;
}

/**
 * The free pages (`/about/`, …) as their route renders them: drafts only where they show
 * (`withDrafts`: in `astro dev`), never in the sitemap. In `astro dev`, only those on disk now:
 * Astro's content store can keep a page renamed away, as it can a write-up (devSite), and its
 * route would list the old address and fail to render it.
 */
export async function getFreePages(withDrafts: boolean): Promise<CollectionEntry<'pages'>[]> {
  const pages = await getCollection('pages', (page) => withDrafts || page.data.status !== 'draft');
  if (!showDrafts()) return pages;
  return onDiskNow(pages, loadProject(siteProjectDir()).data.pages);
}

export function getSite(): Promise<Site> {
  // In dev, data changes between requests (devSite() tells when); a build computes it once.
  if (showDrafts()) return devSite();
  return (site ??= load());
}
