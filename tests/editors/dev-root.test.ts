/**
 * `npm run dev` in a project laid out as this repository is (the site's code beside content/,
 * data/ and public/, so Astro's root is the project): what it serves agrees with what a build
 * publishes. A renamed write-up's old address leads to the new one, as the built redirect page
 * does (tests/site/history.test.ts).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeFixture } from '../helpers/fixture.ts';
import { siteRoot, startDev, type DevServer } from '../helpers/dev-server.ts';

let root: string;
let dev: DevServer;

beforeAll(async () => {
  root = siteRoot('minimal');
  dev = await startDev(root);
});

afterAll(async () => {
  await dev?.stop();
  if (root) removeFixture(root);
});

describe('npm run dev where the project is Astro’s root', () => {
  it('sends a renamed write-up’s old address on to the new one, as the built site does', async () => {
    expect((await dev.get('/incidents/incident-one/', (s) => s === 200)).body).toContain('<h1');
    // Renamed as the guide says: the file gets its new name and keeps the old one under
    // `formerly`, and its records follow it.
    const old = join(root, 'content/incidents/incident-one.mdx');
    writeFileSync(join(root, 'content/incidents/incident-new.mdx'), readFileSync(old, 'utf8').replace('title: Incident one\n', 'title: Incident new\nformerly: [incident-one]\n'));
    rmSync(old);
    const records = join(root, 'data/records/main.yaml');
    writeFileSync(records, readFileSync(records, 'utf8').replaceAll('incidents: [incident-one]', 'incidents: [incident-new]'));
    await dev.get('/incidents/incident-new/', (s, body) => s === 200 && body.includes('Incident new'));
    // Before the fix Astro's content store still held the old write-up after the rename, so the
    // incident route claimed its address (it failed to render it: 500) and the redirect never ran.
    const moved = await dev.get('/incidents/incident-one/', (s) => s !== 0);
    expect(moved.status).toBe(200);
    expect(moved.body).toContain('<meta http-equiv="refresh" content="0; url=/incidents/incident-new/">');
    expect(moved.body).toContain('<link rel="canonical" href="https://driftwatch.example/incidents/incident-new/">');
    expect(moved.body).toContain('<a href="/incidents/incident-new/">Incident new</a>');
    expect(dev.output()).not.toContain('[ERROR]');
  });
});
