/**
 * A test build's folders, inside this run's own `.tmp/run-<pid>/` (tests/helpers/global-setup.ts):
 * the output, and an Astro cache of its own (DRIFTWATCH_CACHE_DIR), so that no build shares
 * anything with another run's or with the editor's own `npm run dev`.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './fixture.ts';

export function testBuildDirs(prefix: string): { outDir: string; cacheDir: string } {
  // Inside the repository: Astro keeps its intermediate files beside an outDir within the working
  // folder, but in one shared .astro/ folder for an outDir outside it.
  const run = process.env.DRIFTWATCH_TEST_RUN ?? join(REPO, '.tmp', `run-${process.ppid}`);
  mkdirSync(run, { recursive: true });
  const outDir = mkdtempSync(join(run, prefix));
  return { outDir, cacheDir: `${outDir}-cache` };
}
