/**
 * Search: after `astro build`, Pagefind indexes the built pages into `<outDir>/pagefind/`. Only
 * the part of a page inside `data-pagefind-body` (the main column of readable pages) is indexed,
 * with the filters the page declares (kind, platform, actor, year). The index holds site paths
 * from the root of the output folder; the search page adds the base path (BASE_PATH) itself.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';

export async function indexSite(outDir: string): Promise<{ pages: number }> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${outDir.replace(/\/$/, '')}/pagefind` });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}

export default function search(): AstroIntegration {
  return {
    name: 'driftwatch-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { pages } = await indexSite(fileURLToPath(dir));
        logger.info(`search index: ${pages} pages`);
      },
    },
  };
}
