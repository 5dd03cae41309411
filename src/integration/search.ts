/**
 * Search: after the build, Pagefind indexes the built pages into `<outDir>/pagefind/`. Only the
 * part of a page inside `data-pagefind-body` (the main column of readable pages) is indexed,
 * without what is marked `data-pagefind-ignore`, with the filters the page declares (kind,
 * platform, actor, year). The index holds site paths from the root of the output folder; the
 * search page adds the base path (BASE_PATH) itself.
 *
 * Pagefind's time and memory grow with the HTML it reads, whether it indexes it or not, and what
 * it is told to ignore in charts (every chart's SVG, whose tooltips repeat its data table; the
 * whole of an incident's, actor's or platform's charts, whose pages list the same records) is
 * most of the HTML of the searchable pages. So it is given each of those pages without those
 * parts (`searchText`), one at a time.
 *
 * The index is byte-reproducible: Pagefind numbers pages in the order they are added and names
 * its files after what they hold, so pages are added in an order that is the same on every build,
 * never in the order they were written or found: the order Astro rendered them in, where
 * `npm run build` noted it (src/integration/render-order.ts), then by path (`byPath`).
 *
 * `astro build` indexes in its own process, at the end. `npm run build` (scripts/build.ts) sets
 * DRIFTWATCH_SEARCH_AFTER instead, and reads the pages in its own process while Astro renders
 * (`SearchFeed`): each page as soon as Astro has written it, read once, cut as above, defanged
 * as the last guard will defang it, and given to Pagefind once the pages rendered before it have
 * been.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { searchHandoffFile } from '../site/env.ts';
import { GUARDED, guardFile } from '../safety/last-guard.ts';
import { defangDomains, loadProject } from '../site/project.ts';
import { projectDir } from '../site/paths.ts';
import { pageKey, readRenderOrder, renderOrderFile } from './render-order.ts';

/**
 * Folders of the output with nothing to search: scripts, social cards, the index itself, and the
 * embeds (charts alone, for other sites' frames: their layout has no search body, and reading
 * them was a quarter of the bytes read).
 */
const NO_PAGES = new Set(['_astro', 'embed', 'og', 'pagefind']);

/**
 * What of a chart Pagefind ignores (src/charts/shared/frame-html.ts): a chart with
 * `searchable: false`, and any chart's SVG, from the element to its end. The openings are
 * matched whole: no data can write them, since text escapes `<` and attribute values escape `"`.
 * Neither element is ever nested in itself. (An end tag inside an attribute value, where Astro
 * leaves `<` as is, would only end a cut early: the rest would be read, still under its
 * `data-pagefind-ignore`.)
 */
const IGNORED = /<dw-chart class="dw-chart" data-pagefind-ignore="all"[\s\S]*?<\/dw-chart>|<svg class="dw-svg" data-pagefind-ignore="all"[\s\S]*?<\/svg>/g;

/**
 * The ends of cells and list items, which Pagefind joins to the next text without a space: its
 * excerpts read "Kindmessenger" and "Date4 December 2019Said by" from a page's facts. A space
 * after each, in the copy only, costs the pages nothing.
 */
const RUN_TOGETHER = /<\/(?:dt|dd|td|th|li)>/g;

/**
 * What Pagefind leaves out besides `data-pagefind-ignore`: a table cell's link to a record's card
 * (`…#record-<id>`), as the drill-down tables give each record that has a write-up. Its title is
 * indexed on the card, where the link leads, so a search for it finds that page once rather than
 * the card and every table that lists it (at 1,000 / 20,000, Pagefind's word count went from 1.55
 * to 1.42 million). A record with no write-up has no such link: its row is where it is indexed.
 */
export const INDEX_CONFIG = { excludeSelectors: ['td > a[href*="#record-"]'] };

/**
 * What Pagefind reads of a page, given as its bytes read as Latin-1 (which maps each byte to one
 * character and back: a third of the cost of decoding UTF-8, and the cuts are all ASCII, so the
 * result's bytes are the page's less what is cut); undefined for a page with no search body.
 */
export function searchText(latin1: string): string | undefined {
  if (!latin1.includes('data-pagefind-body')) return undefined;
  return latin1.replace(IGNORED, '').replace(RUN_TOGETHER, '$& ');
}

/**
 * The order pages are given to Pagefind in: by path, compared by UTF-16 code unit, the same on
 * every machine and in every locale. Pagefind numbers pages in the order they are added, and its
 * index chunks, filters and metadata, and so their file names, follow those numbers: added in
 * the order they were found, two builds of the same commit wrote different indexes.
 */
export const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Pages in the order Astro rendered them (`order`: each page's key by its place, from
 * render-order.ts), then those it does not name, by path. With no order noted, by path.
 */
export function inRenderOrder(order: ReadonlyMap<string, number>): (a: string, b: string) => number {
  const place = (page: string) => order.get(pageKey(page)) ?? Infinity;
  return (a, b) => place(a) - place(b) || byPath(a, b);
}

/** A page's path under the output folder, with forward slashes, as Pagefind is given it. */
const sitePath = (outDir: string, path: string): string => path.slice(outDir.length).replace(/^[\\/]+/, '').split('\\').join('/');

/** A page or feed of the output: where it is, its site path, and whether Pagefind reads it. */
interface Written {
  path: string;
  page: string;
  searched: boolean;
}

/** Every page and feed under `outDir`, all that the last guard reads (`GUARDED`), in the order found. */
function* writtenFiles(outDir: string, dir = outDir, searched = true): Generator<Written> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* writtenFiles(outDir, path, searched && !(dir === outDir && NO_PAGES.has(entry.name)));
    else if (GUARDED.test(entry.name)) yield { path, page: sitePath(outDir, path), searched: searched && entry.name.endsWith('.html') };
  }
}

/**
 * What Pagefind reads of each page under `outDir` that has a search body, in the order it is
 * added (`inRenderOrder`: the render order when one was noted, else by path). Given the defang list (`npm run build` past FOLLOW_UP_TO_RECORDS, or once the
 * feed has failed), it is also the last guard's pass over the built site: every page and feed is
 * read once, defanged in place where it names a listed domain (`guardFile`, counted in `tally`),
 * and then cut for Pagefind. Should Pagefind fail part way, the files it did not get are defanged
 * all the same.
 */
export function* searchPages(outDir: string, domains: readonly string[] = [], tally = { defanged: 0 }, order: ReadonlyMap<string, number> = new Map()): Generator<{ page: string; content: string }> {
  const compare = inRenderOrder(order);
  const files = [...writtenFiles(outDir)].filter((file) => file.searched || domains.length > 0).sort((a, b) => compare(a.page, b.page));
  const read = ({ path, searched }: Written): string | undefined => {
    const bytes = readFileSync(path);
    let latin1 = bytes.toString('latin1');
    const safe = domains.length > 0 ? guardFile(bytes, domains, latin1) : undefined;
    if (safe) {
      writeFileSync(path, safe);
      tally.defanged++;
      latin1 = safe.toString('latin1');
    }
    return searched ? searchText(latin1) : undefined;
  };
  let next = 0;
  try {
    for (; next < files.length; next++) {
      const text = read(files[next]!);
      if (text !== undefined) yield { page: files[next]!.page, content: Buffer.from(text, 'latin1').toString('utf8') };
    }
  } finally {
    if (domains.length > 0) for (next++; next < files.length; next++) read({ ...files[next]!, searched: false });
  }
}

/** Pages handed to Pagefind before waiting for its answers, so that its process is never left waiting for the next. */
const IN_FLIGHT = 8;

/** Adds `pages` to `index` in the order given (Pagefind answers in the order it was asked); returns how many. */
async function addPages(index: import('pagefind').PagefindIndex, pages: Iterable<{ page: string; content: string }>): Promise<number> {
  let added = 0;
  const adding: Promise<void>[] = [];
  for (const { page, content } of pages) {
    adding.push(
      index.addHTMLFile({ sourcePath: page, content }).then((result) => {
        if (result.errors.length > 0) throw new Error(`pagefind: ${page}: ${result.errors.join('; ')}`);
      }),
    );
    added++;
    if (adding.length >= IN_FLIGHT) await Promise.all(adding.splice(0));
  }
  await Promise.all(adding);
  return added;
}

/** Where Astro's pages will appear, and what the last guard will defang in them (scripts/build.ts). */
export interface SearchTarget {
  outDir: string;
  domains: readonly string[];
  /** Whether to feed Pagefind while Astro renders (`FOLLOW_UP_TO_RECORDS`), or index after it. */
  follow: boolean;
  /** Where the middleware notes the order Astro renders pages in (render-order.ts); none: by path. */
  order?: string;
}

/**
 * Up to how many records the pages are read while Astro renders. Pagefind's memory beside
 * Astro's grows with the drill-down tables, one row per record (about 2 GB for Pagefind and 2.5 GB
 * for Astro at 200,000 records, docs/performance.md), so past this size the pages are read after
 * Astro has exited, and the two never hold their memory at once.
 */
export const FOLLOW_UP_TO_RECORDS = 50_000;

/** The file beside the handoff file where the integration says, as Astro starts, where pages will appear. */
export const targetFile = (handoff: string): string => `${handoff}.target`;

/**
 * The pages read while Astro renders (`npm run build`): `scan` reads every page and feed Astro has
 * finished writing since the last scan and gives Pagefind those whose turn has come (below);
 * `finish`, once Astro has exited, reads the rest, defangs what needs it, gives Pagefind the pages
 * not given yet and writes the index. A page counts as written when it was written after the build started (older files are a
 * previous build's, which Astro has yet to clear) and ends with `</html>` (Astro writes a large
 * page in several chunks); feeds, and every file once Astro has exited, count then. Each file is
 * read once, unless it changed after it was read (its size or time, looked at again at the end).
 *
 * This is the last guard of the defang rule for `npm run build` (src/safety/last-guard.ts): every
 * page and feed of the output, the embeds and XML that Pagefind does not read included, is judged
 * with `guardFile` as it is read, and those that name a listed domain are written back defanged
 * once Astro has exited (Astro may still be writing beside them before). Pagefind is given each
 * page as the guard leaves it: what it would read of the finished site (`searchPages`).
 *
 * Pages arrive in the order the scans happen to find them, which differs from one build to the
 * next; they are given to Pagefind in the order Astro rendered them (`target.order`), each once
 * the pages rendered before it have been given or turned out to have no search body, so that
 * Pagefind reads them on the second core while Astro renders the rest, and writes the same index
 * every time. Kept until then is only what waits for an earlier page. Without a render order,
 * every page is kept (75 MB at 1,000 / 20,000) and given at the end, by path.
 */
export class SearchFeed {
  readonly #target: SearchTarget;
  readonly #since: number;
  /** Each file read, by path, with its size and time as they were before it was read. */
  readonly #seen = new Map<string, { size: number; mtimeMs: number }>();
  /** What Pagefind will read of each page with a search body, as UTF-8 bytes, by site path. */
  readonly #read = new Map<string, Buffer>();
  /** The files to write back defanged, by path. */
  readonly #defang = new Map<string, Buffer>();
  readonly #index: import('pagefind').PagefindIndex;
  readonly #pagefind: typeof import('pagefind');
  /** The keys of the pages and feeds read whole (render-order.ts, `pageKey`). */
  readonly #readKeys = new Set<string>();
  /** Pages already given to Pagefind, by site path. */
  readonly #given = new Set<string>();
  /** Set when a page changed after it was given to Pagefind: the index is then made again at the end. */
  #stale = false;

  private constructor(target: SearchTarget, since: number, pagefind: typeof import('pagefind'), index: import('pagefind').PagefindIndex) {
    this.#target = target;
    this.#since = since;
    this.#pagefind = pagefind;
    this.#index = index;
  }

  /** `since`: when the build started (ms since the epoch); files older than that are not this build's. */
  static async open(target: SearchTarget, since: number): Promise<SearchFeed> {
    const pagefind = await import('pagefind');
    const { index, errors } = await pagefind.createIndex(INDEX_CONFIG);
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    return new SearchFeed(target, since, pagefind, index);
  }

  /** Reads the files written since the last scan; when `final`, all that are left or changed. Returns how many pages with a search body it read. */
  async scan(final = false): Promise<number> {
    const { outDir, domains } = this.#target;
    let read = 0;
    // Before Astro has cleared and written the output folder, there may be no folder, or folders
    // that go while they are read: the next scan sees what is there then.
    const files: Written[] = [];
    try {
      for (const file of writtenFiles(outDir)) files.push(file);
    } catch (error) {
      if (final || (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    for (const { path, page, searched } of files) {
      const seen = this.#seen.get(path);
      if (seen && !final) continue;
      let bytes: Buffer;
      let size: number;
      let mtimeMs: number;
      try {
        ({ size, mtimeMs } = statSync(path));
        if (seen && seen.size === size && seen.mtimeMs === mtimeMs) continue; // read whole, unchanged since
        if (!final && mtimeMs < this.#since) continue;
        bytes = readFileSync(path);
      } catch {
        continue; // removed meanwhile (a previous build's file Astro cleared)
      }
      let latin1 = bytes.toString('latin1');
      // Feeds are read once Astro has exited: nothing tells a whole one from a part.
      if (!final && !(path.endsWith('.html') && latin1.trimEnd().endsWith('</html>'))) continue;
      this.#seen.set(path, { size, mtimeMs });
      this.#readKeys.add(pageKey(page));
      const safe = domains.length > 0 ? guardFile(bytes, domains, latin1) : undefined;
      if (safe) {
        this.#defang.set(path, safe);
        latin1 = safe.toString('latin1');
      } else this.#defang.delete(path);
      const text = searched ? searchText(latin1) : undefined;
      if (this.#given.has(page)) this.#stale = true;
      if (text === undefined) {
        this.#read.delete(page);
        continue;
      }
      this.#read.set(page, Buffer.from(text, 'latin1'));
      read++;
    }
    if (final) {
      // Only what the finished site holds.
      const present = new Set(files.map((file) => file.page));
      for (const page of this.#read.keys()) if (!present.has(page)) this.#read.delete(page);
      for (const path of this.#defang.keys()) if (!present.has(sitePath(outDir, path))) this.#defang.delete(path);
    } else await this.#giveReady();
    return read;
  }

  /**
   * While Astro renders: gives Pagefind, in render order, the pages read whose every predecessor
   * in that order has been given, or was read and has no search body.
   */
  async #giveReady(): Promise<void> {
    const order = readRenderOrder(this.#target.order);
    if (order.size === 0) return;
    const byKey = new Map([...this.#read.keys()].map((page) => [pageKey(page), page]));
    const ready: string[] = [];
    for (const key of order.keys()) {
      const page = byKey.get(key);
      if (page !== undefined) ready.push(page);
      // Not written whole yet: the pages after it wait. Read and not waiting: given already, or
      // without a search body (an embed, a feed, a redirect).
      else if (!this.#readKeys.has(key)) break;
    }
    await this.#give(ready);
  }

  /** How many pages Pagefind has been given so far. */
  get given(): number {
    return this.#given.size;
  }

  /** Gives Pagefind these pages, in this order, and lets go of what was read of them. */
  async #give(pages: readonly string[]): Promise<number> {
    const read = this.#read;
    const given = this.#given;
    return addPages(
      this.#index,
      (function* () {
        for (const page of pages) {
          if (given.has(page)) continue;
          yield { page, content: read.get(page)!.toString('utf8') };
          read.delete(page); // Pagefind has it now
          given.add(page);
        }
      })(),
    );
  }

  /**
   * Once Astro has exited: reads what is left, writes back the files to defang, adds the pages not
   * given yet in order and writes `<outDir>/pagefind/`. Returns the pages indexed and the files
   * defanged.
   */
  async finish(): Promise<{ pages: number; defanged: number }> {
    try {
      await this.scan(true);
      for (const [path, safe] of this.#defang) writeFileSync(path, safe);
      const order = readRenderOrder(this.#target.order);
      if (this.#stale) {
        // A page changed after Pagefind had it (never in a build that went as it should): the
        // index is made again from the finished, defanged site, in the same order.
        await this.#index.deleteIndex();
        const { pages } = await indexSite(this.#target.outDir, [], order);
        return { pages, defanged: this.#defang.size };
      }
      await this.#give([...this.#read.keys()].sort(inRenderOrder(order)));
      const pages = this.#given.size;
      const written = await this.#index.writeFiles({ outputPath: join(this.#target.outDir, 'pagefind') });
      if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
      return { pages, defanged: this.#defang.size };
    } finally {
      await this.close();
    }
  }

  /** Stops Pagefind without writing an index (a build that failed). */
  async close(): Promise<void> {
    await this.#pagefind.close();
  }
}

/**
 * Indexes the finished site at `outDir`, each page read, cut and added in turn, in the same order
 * as the feed: after `astro build` (whose integration has defanged the site already), or in
 * `npm run build` past FOLLOW_UP_TO_RECORDS or once the feed has failed, where it is given the
 * defang list and is the last guard's pass too (`searchPages`).
 */
export async function indexSite(outDir: string, domains: readonly string[] = [], order: ReadonlyMap<string, number> = new Map()): Promise<{ pages: number; defanged: number }> {
  const pagefind = await import('pagefind');
  const tally = { defanged: 0 };
  const pages = searchPages(outDir, domains, tally, order);
  try {
    const { index, errors } = await pagefind.createIndex(INDEX_CONFIG);
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    const added = await addPages(index, pages);
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    return { pages: added, defanged: tally.defanged };
  } finally {
    // Pagefind failed (to start, or part way): the files it did not get are defanged all the same.
    if (domains.length > 0) for (const page of pages) void page;
    await pagefind.close();
  }
}

export default function search(): AstroIntegration {
  return {
    name: 'driftwatch-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        const after = searchHandoffFile();
        if (!after) return;
        // scripts/build.ts feeds Pagefind the pages as they appear (SearchFeed).
        const root = fileURLToPath(config.root);
        const records = loadProject(projectDir(root)).data.records.length;
        const target: SearchTarget = { outDir: fileURLToPath(config.outDir), domains: defangDomains(root), follow: records <= FOLLOW_UP_TO_RECORDS, order: renderOrderFile(after) };
        writeFileSync(targetFile(after), JSON.stringify(target));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const after = searchHandoffFile();
        if (after) {
          // scripts/build.ts reads where the site went, and adds what is left once this process exits.
          writeFileSync(after, outDir);
          return;
        }
        const { pages } = await indexSite(outDir);
        logger.info(`search index: ${pages} pages`);
      },
    },
  };
}
