/**
 * The project's data, read and validated once per process. The Astro integration (before the
 * build), the content loaders and the pages all ask here, so the data/ folder is parsed once per
 * build and again only when a file changes in `astro dev`.
 */
import { checkProject, type CheckResult } from '../check/validate.ts';
import { projectDir } from './paths.ts';

// Astro loads the config and the pages through different module graphs; a global keeps one cache.
const CACHE = Symbol.for('driftwatch.project');
type Cache = Map<string, CheckResult>;
const cache: Cache = ((globalThis as Record<symbol, unknown>)[CACHE] as Cache | undefined) ?? new Map();
(globalThis as Record<symbol, unknown>)[CACHE] = cache;

export function loadProject(root: string): CheckResult {
  let result = cache.get(root);
  if (!result) {
    result = checkProject(root);
    cache.set(root, result);
  }
  return result;
}

/** Forget what was read, after an editor changes a file. */
export function invalidateProject(root?: string): void {
  if (root === undefined) cache.clear();
  else cache.delete(root);
}


/** The defang list of data/site.yaml, for the Markdown pipeline (which has no other way in). */
export function defangDomains(astroRoot: string): readonly string[] {
  return loadProject(projectDir(astroRoot)).data.site.defang;
}
