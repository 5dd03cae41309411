/**
 * The files integration (src/integration/files.ts): in a build it opens the worker that writes
 * downloads and cards beside the routes, unless the project has more records than the worker's
 * memory allows beside the rendering (then the routes write them, as in astro dev).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import files from '../../src/integration/files.ts';
import { finishBeside, writeBeside } from '../../src/feeds/beside.ts';
import { loadProject } from '../../src/site/project.ts';

const REPO = resolve(import.meta.dirname, '../..');

/** Runs the integration's setup hooks as Astro would for `command`, with the bundled case study. */
function start(integration: ReturnType<typeof files>, command: 'build' | 'dev', outDir: string): void {
  const hooks = integration.hooks as Record<string, (options: unknown) => void>;
  hooks['astro:config:setup']!({ command });
  hooks['astro:config:done']!({ config: { root: pathToFileURL(`${REPO}/`), outDir: pathToFileURL(`${outDir}/`) } });
}

describe('the files integration', () => {
  const records = loadProject(REPO).data.records.length;
  const file = { path: 'data/x.json', content: { type: 'json' as const, rows: [] } };

  it('hands the files to the worker in a build of a site up to the limit', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dw-files-'));
    try {
      start(files({ upToRecords: records }), 'build', out);
      expect(writeBeside([file])).toBe(true);
      expect(await finishBeside()).toBe(1);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('lets the routes write them past the limit, and in astro dev', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dw-files-'));
    try {
      start(files({ upToRecords: records - 1 }), 'build', out);
      expect(writeBeside([file])).toBe(false);
      start(files(), 'dev', out);
      expect(writeBeside([file])).toBe(false);
      expect(await finishBeside()).toBe(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
