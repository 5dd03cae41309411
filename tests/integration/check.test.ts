/** `astro build` and `astro dev` run the same checks as `npm run check`, with the same lines. */
import { afterAll, describe, expect, it } from 'vitest';
import { compareProblems, formatProblem } from '../../src/data/problems.ts';
import { checkProject } from '../../src/check/validate.ts';
import driftwatch from '../../src/integration/index.ts';
import { buildSite } from '../helpers/build.ts';
import { fixture, removeFixture, replaceOnce } from '../helpers/fixture.ts';

const made: string[] = [];
afterAll(() => made.forEach(removeFixture));

function broken(): string {
  const dir = fixture('minimal', {
    'data/records/main.yaml': replaceOnce('to: tamtam', 'to: tamtm'),
    'data/sources.yaml': replaceOnce('  archived: https://archive.example/news.example/report\n', ''),
  });
  made.push(dir);
  return dir;
}

function runSetup(dir: string, command: 'dev' | 'build') {
  const lines: string[] = [];
  const logger = { error: (l: string) => lines.push(`E ${l}`), warn: (l: string) => lines.push(`W ${l}`), info: () => {} };
  const hook = driftwatch().hooks['astro:config:setup'] as (options: unknown) => void;
  const saved = process.env.DRIFTWATCH_PROJECT;
  process.env.DRIFTWATCH_PROJECT = dir;
  try {
    hook({ config: { root: new URL(`file://${dir}/`) }, command, logger });
    return { lines, error: undefined as Error | undefined };
  } catch (error) {
    return { lines, error: error as Error };
  } finally {
    if (saved === undefined) delete process.env.DRIFTWATCH_PROJECT;
    else process.env.DRIFTWATCH_PROJECT = saved;
  }
}

describe('the Astro integration', () => {
  it('logs the checker’s lines in dev and keeps serving', () => {
    const dir = broken();
    const expected = checkProject(dir).problems.sort(compareProblems).map((p) => `${p.severity === 'error' ? 'E' : 'W'} ${formatProblem(p)}`);
    const { lines, error } = runSetup(dir, 'dev');
    expect(error).toBeUndefined();
    expect(lines).toEqual(expected);
    expect(lines).toContain('E data/records/main.yaml:41:7  error  unknown platform "tamtm" (did you mean "tamtam"?); a new platform goes in data/platforms.yaml (npm run new -- platform "Name")  unknown-ref');
  });

  it('stops a build on errors, with the same lines, each once, and no stack trace', () => {
    const { lines, error } = runSetup(broken(), 'build');
    // The report is the message of the error that stops the build, as `npm run check` prints it.
    expect(lines).toEqual([]);
    expect(error?.message).toBe(
      [
        'The build stopped before rendering anything: fix these in content/ or data/, then build again.',
        'data/records/main.yaml:41:7  error  unknown platform "tamtm" (did you mean "tamtam"?); a new platform goes in data/platforms.yaml (npm run new -- platform "Name")  unknown-ref',
        'data/sources.yaml:6:8  warning  source "news-1" has a url and no archived copy  missing-archive',
        '1 error, 1 warning',
      ].join('\n'),
    );
    expect(error?.stack).toBe('');
  });

  it('makes a real `astro build` of broken data fail with the checker’s line', async () => {
    await expect(buildSite({ project: broken() })).rejects.toThrow('data/records/main.yaml:41:7  error  unknown platform "tamtm" (did you mean "tamtam"?); a new platform goes in data/platforms.yaml (npm run new -- platform "Name")  unknown-ref');
  });
});
