/**
 * Before a test run: clear the builds an earlier run left in .tmp/ (see tests/helpers/build.ts),
 * and the Astro caches of its fixture projects (one per temporary folder, src/data/paths.ts).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';

export default function setup(): void {
  const repo = join(import.meta.dirname, '../..');
  rmSync(join(repo, '.tmp'), { recursive: true, force: true });
  rmSync(join(repo, 'node_modules/.astro/projects'), { recursive: true, force: true });
}
