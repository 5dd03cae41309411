/**
 * Hostile files in `npm run build` and `astro dev` (issue 14): a billion-laughs record file, a
 * record file linked to a file outside the project, and a write-up nested past the MDX
 * compiler's stack. The build stops with the checker's lines and exits, in seconds; dev keeps
 * serving the checker's page with the same lines. Nothing of the outside file appears anywhere.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemsPage } from '../../src/check/problems-page.ts';
import { checkProject } from '../../src/check/validate.ts';
import { compareProblems, formatProblem } from '../../src/data/problems.ts';
import driftwatch from '../../src/integration/index.ts';
import { fixture, removeFixture, REPO } from '../helpers/fixture.ts';
import { BILLION_LAUGHS } from '../helpers/hostile.ts';
import { testBuildDirs } from '../helpers/run-dir.ts';

const NESTED = 5000;
let dir: string;
let outside: string;
let errors: string[];

beforeAll(() => {
  outside = mkdtempSync(join(tmpdir(), 'dw-outside-'));
  writeFileSync(join(outside, 'token.yaml'), "- id: leaked\n  kind: statement\n  date: '2019-12-01'\n  title: SECRET-TOKEN-4242\n  actor: amaq\n  sources: [news-1]\n");
  dir = fixture('minimal', {
    'data/records/laughs.yaml': BILLION_LAUGHS,
    'content/incidents/incident-one.mdx': (text) => `${text}\n${'<Callout type="note">'.repeat(NESTED)}deep${'</Callout>'.repeat(NESTED)}\n`,
  });
  symlinkSync(join(outside, 'token.yaml'), join(dir, 'data/records/x.yaml'));
  errors = checkProject(dir)
    .problems.filter((p) => p.severity === 'error')
    .sort(compareProblems)
    .map(formatProblem);
});

afterAll(() => {
  removeFixture(dir);
  rmSync(outside, { recursive: true, force: true });
});

describe('hostile files', () => {
  it('are three errors of the checker, one per file', () => {
    expect(errors.map((line) => line.replace(/:\d+:\d+ .*  /, ' … '))).toEqual([
      'content/incidents/incident-one.mdx … nesting',
      'data/records/laughs.yaml … yaml-aliases',
      'data/records/x.yaml … symlink',
    ]);
  });

  it('stop `npm run build` with those lines, and it exits: no stall, no stack trace', () => {
    const { cacheDir, outDir } = testBuildDirs('hostile-');
    const run = spawnSync(process.execPath, [join(REPO, 'scripts/build.ts'), '--outDir', outDir], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 300_000,
      env: { ...process.env, DRIFTWATCH_PROJECT: dir, DRIFTWATCH_CACHE_DIR: cacheDir },
    });
    const out = run.stdout + run.stderr;
    expect(run.signal).toBeNull();
    expect(run.status).not.toBe(0);
    for (const line of errors) expect(out).toContain(line);
    expect(out).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
    expect(out).not.toContain('SECRET-TOKEN');
  });

  it('leave `astro dev` serving the checker’s page with those lines', () => {
    const logged: string[] = [];
    const logger = { error: (line: string) => logged.push(line), warn: () => {}, info: () => {} };
    const setup = driftwatch().hooks['astro:config:setup'] as (options: unknown) => void;
    const saved = process.env.DRIFTWATCH_PROJECT;
    process.env.DRIFTWATCH_PROJECT = dir;
    try {
      // In dev the hook reports and returns: the server goes on.
      expect(() => setup({ config: { root: new URL(`file://${dir}/`) }, command: 'dev', logger })).not.toThrow();
    } finally {
      if (saved === undefined) delete process.env.DRIFTWATCH_PROJECT;
      else process.env.DRIFTWATCH_PROJECT = saved;
    }
    expect(logged).toEqual(errors);
    const page = problemsPage(checkProject(dir).problems, '/@vite/client');
    expect(page).toContain('<h1>3 errors in content/ and data/</h1>');
    expect(page).toContain('data/records/x.yaml:1:1  error  a symbolic link to a file outside the project');
    expect(page).not.toContain('SECRET-TOKEN');
  });
});
