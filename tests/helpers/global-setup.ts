/**
 * Before a test run: clear the builds an earlier run left in .tmp/ (see tests/helpers/build.ts),
 * and the Astro caches of its fixture projects (one per temporary folder, `tmp-…`: see
 * src/data/paths.ts), not those of real projects.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export default function setup(): void {
  const repo = join(import.meta.dirname, '../..');
  rmSync(join(repo, '.tmp'), { recursive: true, force: true });
  const projects = join(repo, 'node_modules/.astro/projects');
  let caches: string[] = [];
  try {
    caches = readdirSync(projects);
  } catch {
    // none yet
  }
  for (const name of caches) if (name.startsWith('tmp-')) rmSync(join(projects, name), { recursive: true, force: true });
}
