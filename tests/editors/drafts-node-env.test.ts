/**
 * Drafts never reach a build, whatever NODE_ENV says. Vite sets `import.meta.env.DEV` from
 * NODE_ENV, so a build run by a test runner or a CI step that exports NODE_ENV=test once
 * published draft free pages (and ran the dev server's middleware on every page it rendered).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildSite } from '../helpers/build.ts';
import { fixture, removeFixture } from '../helpers/fixture.ts';

const DRAFT_PAGE = `---
title: Unpublished methodology DRAFTPAGEMARKER
status: draft
---

Not ready: DRAFTPAGEMARKER.
`;

let project: string;
let dist: string;

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, out);
    else out.push(path);
  }
  return out;
}

beforeAll(async () => {
  project = fixture('minimal', { 'content/pages/methodology.mdx': DRAFT_PAGE });
  dist = await buildSite({ project, nodeEnv: 'test' });
});
afterAll(() => removeFixture(project));

it('a draft free page is neither built nor named anywhere under NODE_ENV=test', () => {
  const all = files(dist);
  expect(all.some((path) => path.includes('methodology'))).toBe(false);
  const named = all.filter((path) => !/\.(?:png|parquet)$/.test(path) && readFileSync(path, 'latin1').includes('DRAFTPAGEMARKER'));
  expect(named).toEqual([]);
  // The published page next to it is built: the build ran, and read the fixture.
  expect(readFileSync(join(dist, 'about/index.html'), 'utf8')).toContain('About this fixture');
});

