import { afterEach, describe, expect, it } from 'vitest';
import { deployHostSetting, projectEnv } from '../../src/site/env.ts';

const saved = process.env.DRIFTWATCH_HOST;
afterEach(() => {
  if (saved === undefined) delete process.env.DRIFTWATCH_HOST;
  else process.env.DRIFTWATCH_HOST = saved;
});

describe('DRIFTWATCH_HOST', () => {
  it('names the host a build is held to; empty is none', () => {
    process.env.DRIFTWATCH_HOST = 'github-pages';
    expect(deployHostSetting()).toBe('github-pages');
    process.env.DRIFTWATCH_HOST = '';
    expect(deployHostSetting()).toBeUndefined();
  });

  it('is emptied for the bench’s builds, whatever the shell says, and left alone otherwise', () => {
    process.env.DRIFTWATCH_HOST = 'github-pages';
    const env = { ...process.env, ...projectEnv({ astroCache: '/tmp/c', host: '' }) };
    expect(env.DRIFTWATCH_HOST).toBe('');
    expect(projectEnv({ project: '/p' })).toEqual({ DRIFTWATCH_PROJECT: '/p' });
  });
});
