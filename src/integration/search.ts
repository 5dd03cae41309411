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
 * most of the HTML of the searchable pages. So it reads a copy of those pages without those parts
 * (`searchCopy`), in a temporary folder beside the output (not in the system's temporary folder,
 * which may be held in memory).
 *
 * `astro build` indexes in its own process, at the end. `npm run build` (scripts/build.ts) sets
 * DRIFTWATCH_SEARCH_AFTER instead, and indexes once Astro's process has exited: one after the
 * other, the two never hold their memory at once (docs/performance.md).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { searchHandoffFile } from '../site/env.ts';

/**
 * Folders of the output with nothing to search: scripts, social cards, the index itself, and the
 * embeds (charts alone, for other sites' frames: their layout has no search body, and reading
 * them was a quarter of the bytes read).
 */
const NO_PAGES = new Set(['_astro', 'embed', 'og', 'pagefind']);

/**
 * What of a chart Pagefind ignores (src/charts/shared/ChartFrame.astro): a chart with
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

function* htmlFiles(dir: string, top = true): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!(top && NO_PAGES.has(entry.name))) yield* htmlFiles(path, false);
    } else if (entry.name.endsWith('.html')) yield path;
  }
}

/** Copies the pages that have a search body, without the charts' ignored parts, to `into`, at the same paths. */
export function searchCopy(outDir: string, into: string): number {
  let pages = 0;
  for (const path of htmlFiles(outDir)) {
    // Latin-1 maps each byte to one character and back: a third of the cost of decoding UTF-8,
    // and the cuts below are all ASCII, so the copy's bytes are the page's less what is cut.
    const html = readFileSync(path, 'latin1');
    if (!html.includes('data-pagefind-body')) continue;
    const copy = join(into, path.slice(outDir.length));
    mkdirSync(dirname(copy), { recursive: true });
    writeFileSync(copy, html.replace(IGNORED, '').replace(RUN_TOGETHER, '$& '), 'latin1');
    pages++;
  }
  return pages;
}

export async function indexSite(outDir: string): Promise<{ pages: number }> {
  const pagefind = await import('pagefind');
  const copy = mkdtempSync(join(dirname(resolve(outDir)), '.driftwatch-search-'));
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  try {
    searchCopy(outDir, copy);
    const added = await index.addDirectory({ path: copy });
    if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
    rmSync(copy, { recursive: true, force: true });
  }
}

export default function search(): AstroIntegration {
  return {
    name: 'driftwatch-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const after = searchHandoffFile();
        if (after) {
          // scripts/build.ts reads where the site went, and indexes it after this process exits.
          writeFileSync(after, outDir);
          return;
        }
        const { pages } = await indexSite(outDir);
        logger.info(`search index: ${pages} pages`);
      },
    },
  };
}
