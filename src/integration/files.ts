/**
 * The files a build writes beside Astro's routes (src/feeds/beside.ts): opened when a build
 * starts, so that the download and card routes hand their files to a worker thread instead of
 * rendering them one by one; waited for when Astro has written the pages, so the build ends with
 * every file in place (and fails if one could not be written). The incidents' embed pages too,
 * written as their incident pages are rendered (src/components/embed-pages.ts). `astro dev`
 * serves them all from the routes.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { closeBesideWithoutWaiting, finishBeside, openBeside } from '../feeds/beside.ts';
import { closeEmbedPages, finishEmbedPages, openEmbedPages } from '../components/embed-pages.ts';
import { loadProject } from '../site/project.ts';
import { projectDir } from '../site/paths.ts';
import { FOLLOW_UP_TO_RECORDS } from './search.ts';

/**
 * The worker writes the files up to the size past which the build does one thing at a time
 * (`FOLLOW_UP_TO_RECORDS`, which Pagefind follows too). Its heap (the records it is handed, and
 * records.parquet built from all of them) adds to the main thread's while it renders: at 1,000 /
 * 200,000 records the largest process reached 3.18 GB with the worker, against a 3 GB limit.
 * Past that size the routes write their files themselves, one after the other.
 */
export default function files(options: { upToRecords?: number } = {}): AstroIntegration {
  const upToRecords = options.upToRecords ?? FOLLOW_UP_TO_RECORDS;
  let building = false;
  return {
    name: 'driftwatch-files',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:config:done': ({ config }) => {
        const records = building ? loadProject(projectDir(config.root)).data.records.length : 0;
        if (building && records <= upToRecords) openBeside(fileURLToPath(config.outDir));
        else closeBesideWithoutWaiting();
        // At any size: an embed page is written from memory its incident page holds anyway.
        if (building) openEmbedPages(fileURLToPath(config.outDir));
        else closeEmbedPages();
      },
      'astro:build:done': async ({ logger }) => {
        const started = performance.now();
        const written = await finishBeside();
        const waited = (performance.now() - started) / 1000;
        if (written > 0) logger.info(`${written} downloads and social cards written beside the pages${waited >= 0.1 ? ` (waited ${waited.toFixed(1)} s for the last)` : ''}`);
        const embeds = await finishEmbedPages();
        if (embeds > 0) logger.info(`${embeds} embed page${embeds === 1 ? '' : 's'} written from ${embeds === 1 ? 'its incident page' : 'their incident pages'}`);
      },
    },
  };
}
