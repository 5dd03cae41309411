/**
 * Where content/ and data/ live. By default beside astro.config.mjs; `DRIFTWATCH_PROJECT` points
 * the same site code at another folder (a fixture site in tests, a benchmark site, or a team's
 * own data kept in its own repository).
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { astroCacheSetting, projectSetting, publishedProjectDir } from './env.ts';

export function projectDir(astroRoot: string | URL): string {
  const root = typeof astroRoot === 'string' ? astroRoot : fileURLToPath(astroRoot);
  const override = projectSetting();
  return override ? resolve(root, override) : root;
}

/**
 * Astro's cache folder (its content data store among others): the default for the bundled
 * project, one per folder for any other. The store keeps the entries of the project built last,
 * and a build of another project would otherwise start from them (an entry of a folder that no
 * longer exists stops the build). DRIFTWATCH_CACHE_DIR names one outright (the bench's cold
 * builds, and every test build: tests/helpers/run-dir.ts).
 */
export function projectCacheDir(): string {
  const setting = astroCacheSetting();
  if (setting) return setting;
  if (!projectSetting()) return './node_modules/.astro';
  const folder = projectDir(process.cwd());
  return `./node_modules/.astro/projects/${createHash('sha256').update(folder).digest('hex').slice(0, 16)}`;
}

/** The folder of content/ and data/: as the integration resolved it from Astro's root, else from the working folder. */
export function siteProjectDir(): string {
  return publishedProjectDir() ?? projectDir(process.cwd());
}
