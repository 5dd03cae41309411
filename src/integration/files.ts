/**
 * The files a build writes beside Astro's routes (src/feeds/beside.ts): opened when a build
 * starts, so that the download and card routes hand their files to a worker thread instead of
 * rendering them one by one; waited for when Astro has written the pages, so the build ends with
 * every file in place (and fails if one could not be written). `astro dev` serves them from the
 * routes.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { closeBesideWithoutWaiting, finishBeside, openBeside } from '../feeds/beside.ts';

export default function files(): AstroIntegration {
  let building = false;
  return {
    name: 'driftwatch-files',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:config:done': ({ config }) => {
        if (building) openBeside(fileURLToPath(config.outDir));
        else closeBesideWithoutWaiting();
      },
      'astro:build:done': async ({ logger }) => {
        const started = performance.now();
        const written = await finishBeside();
        const waited = (performance.now() - started) / 1000;
        if (written > 0) logger.info(`${written} downloads and social cards written beside the pages${waited >= 0.1 ? ` (waited ${waited.toFixed(1)} s for the last)` : ''}`);
      },
    },
  };
}
