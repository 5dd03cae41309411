/**
 * `npm run dev` in a project laid out as this repository is (the site's code beside content/,
 * data/ and public/, so Astro's root is the project): what it serves agrees with what a build
 * publishes. A renamed write-up's old address leads to the new one, as the built redirect page
 * does (tests/site/history.test.ts). A symbolic link or a named pipe in public/ (or data/), which
 * the check and the build refuse (tests/check/limits.test.ts), is not served either (issue 14).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/check/validate.ts';
import { formatProblem } from '../../src/data/problems.ts';
import { removeFixture } from '../helpers/fixture.ts';
import { siteRoot, startDev, type DevServer } from '../helpers/dev-server.ts';

let root: string;
let dev: DevServer;
let outside: string | undefined;

beforeAll(async () => {
  root = siteRoot('minimal');
  dev = await startDev(root);
});

afterAll(async () => {
  await dev?.stop();
  if (root) removeFixture(root);
  if (outside) rmSync(outside, { recursive: true, force: true });
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

  it('drops a renamed free page’s old address, as the built site does', async () => {
    expect((await dev.get('/about/', (s) => s === 200)).body).toContain('<h1');
    const old = join(root, 'content/pages/about.mdx');
    writeFileSync(join(root, 'content/pages/about-us.mdx'), readFileSync(old, 'utf8'));
    rmSync(old);
    await dev.get('/about-us/', (s) => s === 200);
    // Before the fix the content store kept the old entry: its route still listed /about/ and
    // failed to render it (500, "Cannot find module"), and the sitemap still named it.
    expect((await dev.get('/about/', (s) => s !== 0)).status).toBe(404);
    const sitemap = (await dev.get('/sitemap.xml', (s) => s === 200)).body;
    expect(sitemap).toContain('/about-us/</loc>');
    expect(sitemap).not.toContain('/about/</loc>');
    expect(dev.output()).not.toContain('[ERROR]');
  });

  it('refuses a link in public/ or data/ and what it leads to, and a pipe, with the check’s line', async () => {
    outside = mkdtempSync(join(tmpdir(), 'dw-outside-'));
    writeFileSync(join(outside, 'secret.txt'), 'SECRET-TOKEN-4242\n');
    // What an untrusted pull request could add: a link to a file out of the project, one to a
    // folder out of it, and a pipe (Vite opened it, and the request waited forever).
    symlinkSync(join(outside, 'secret.txt'), join(root, 'public/leak.txt'));
    symlinkSync(outside, join(root, 'public/out'));
    execFileSync('mkfifo', [join(root, 'public/pipe')]);
    // Vite serves any file under Astro's root by its path, data/ among them.
    symlinkSync(join(outside, 'secret.txt'), join(root, 'data/leak.txt'));
    const lines = new Map(checkProject(root).problems.filter((problem) => /^(public|data)\//.test(problem.file)).map((problem) => [problem.file, formatProblem(problem)]));
    expect([...lines.keys()].sort()).toEqual(['data/leak.txt', 'public/leak.txt', 'public/out', 'public/pipe']);
    const refused = [
      ['/leak.txt', 'public/leak.txt'],
      ['/public/leak.txt?raw', 'public/leak.txt'],
      [`/@fs${root}/public/leak.txt`, 'public/leak.txt'],
      ['/out/secret.txt', 'public/out'],
      ['/data/leak.txt', 'data/leak.txt'],
      ['/pipe', 'public/pipe'],
    ];
    const answers = [];
    for (const [path, file] of refused) {
      // Before the fix: SECRET-TOKEN-4242 with 200 once Vite saw the link; for the pipe, no answer
      // (asked once: each request left one of the server's threads waiting on it).
      const answer =
        path === '/pipe'
          ? fetch(`${dev.origin}${path}`, { signal: AbortSignal.timeout(5_000) }).then(async (response) => ({ status: response.status, body: await response.text() }))
          : dev.get(path!, (_, text) => text.includes('SECRET-TOKEN') || text.includes(file!));
      const { status, body } = await answer.catch(() => ({ status: 0, body: 'no answer' }));
      answers.push({ path, status, body });
    }
    expect(answers).toEqual(refused.map(([path, file]) => ({ path, status: 404, body: `${lines.get(file!)}\n` })));
    // The files that are files are served as before.
    expect((await dev.get('/favicon.svg', (s) => s !== 0)).status).toBe(200);
    // And the terminal and every page say what `npm run check` says.
    const page = await dev.get('/incidents/incident-new/', (s) => s === 500);
    // The terminal is told once the watcher's events settle.
    for (let tries = 0; tries < 100 && ![...lines.values()].every((line) => dev.output().includes(line)); tries++) await new Promise((resolve) => setTimeout(resolve, 100));
    for (const line of lines.values()) expect(dev.output()).toContain(line);
    expect(page.body).toContain('public/leak.txt:1:1  error  a symbolic link to a file outside the project');
    expect(page.body).not.toContain('SECRET-TOKEN');
  });
});
