/**
 * The TypeScript type-checks: `npm run typecheck` (Astro's generated types for the collections and
 * its virtual modules, then `tsc --noEmit`) reports nothing. Vite strips types without reading
 * them, so without this a wrong type ships silently: zod's built-in checks dropping a `params`
 * the checker relied on was one (src/schema/common.ts).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/fixture.ts';
import { testBuildDirs } from '../helpers/run-dir.ts';

const run = (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const result = spawnSync(process.execPath, args, { cwd: REPO, encoding: 'utf8', env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1' } });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
};

describe('types', () => {
  it('tsc finds no error in src/, scripts/ or tests/', () => {
    // The generated .astro/types.d.ts declares astro:content for this project's collections.
    const sync = run([join(REPO, 'node_modules/astro/bin/astro.mjs'), 'sync'], { DRIFTWATCH_CACHE_DIR: testBuildDirs('types-').cacheDir });
    expect(sync.code, sync.output).toBe(0);
    const tsc = run([join(REPO, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', '.']);
    expect(tsc.output.split('\n').filter((line) => line.includes('error TS'))).toEqual([]);
    expect(tsc.code, tsc.output).toBe(0);
  });
});
