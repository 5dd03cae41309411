/**
 * The project's data, read and validated once per process. The Astro integration (before the
 * build), the content loaders and the pages all ask here, so the data/ folder is parsed once per
 * build and again only when a file changes in `astro dev`.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { markStale, newCheckCache, type CheckCache } from '../check/cache.ts';
import { checkProject, type CheckResult } from '../check/validate.ts';
import { astroCommand } from './env.ts';
import { projectDir } from './paths.ts';

// Astro loads the config and the pages through different module graphs; a global keeps one cache.
const CACHE = Symbol.for('driftwatch.project');
/** Per project folder: the last result (none once a file changed), and in `astro dev` what the checks keep for the next. */
type Cache = Map<string, { result?: CheckResult; kept?: CheckCache }>;
const cache: Cache = ((globalThis as Record<symbol, unknown>)[CACHE] as Cache | undefined) ?? new Map();
(globalThis as Record<symbol, unknown>)[CACHE] = cache;

export function loadProject(root: string): CheckResult {
  let project = cache.get(root);
  if (!project) cache.set(root, (project = {}));
  // In `astro dev`, a check after a save reads again only the files that changed (src/check/cache.ts);
  // a build checks once, and keeps no file's bytes.
  if (!project.kept && astroCommand() === 'dev') project.kept = newCheckCache();
  return (project.result ??= checkProject(root, project.kept));
}

/**
 * Forget the result, after an editor changes a file under content/ or data/: the next
 * `loadProject` checks again, reading only `file` (an absolute path, as the dev server's watcher
 * names it) of what it kept; without a file, every file is compared with what was kept.
 */
export function invalidateProject(root?: string, file?: string): void {
  for (const [dir, project] of cache) {
    if (root !== undefined && dir !== root) continue;
    project.result = undefined;
    if (!project.kept) continue;
    const inside = file === undefined ? undefined : relative(dir, file);
    markStale(project.kept, inside === undefined || inside.startsWith('..') || isAbsolute(inside) ? undefined : inside.split(sep).join('/'));
  }
}

/** The defang list of data/site.yaml, for the Markdown pipeline (which has no other way in). */
export function defangDomains(astroRoot: string): readonly string[] {
  return loadProject(projectDir(astroRoot)).data.site.defang;
}
