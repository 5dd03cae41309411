/**
 * `npm run build` (scripts/build.ts): Astro in a child process, and the search index fed the pages
 * as Astro writes them, written once that process has exited; Astro's exit code and the checker's
 * lines pass through.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { VITE_MODE_VARIABLES } from '../helpers/env.ts';
import { fixture, removeFixture, replaceOnce, REPO } from '../helpers/fixture.ts';
import { testBuildDirs } from '../helpers/run-dir.ts';
import { files } from '../pages/site-helpers.ts';
import { formatBytes } from '../../src/integration/host-limits.ts';
import { formatCount } from '../../src/data/counts.ts';
import { expectDefanged, withFreeTextAddresses } from '../helpers/free-text.ts';

const made: string[] = [];
afterAll(() => made.forEach(removeFixture));

function npmBuild(project: string, base?: string, host?: string): Promise<{ status: number | null; out: string; outDir: string }> {
  const { outDir, cacheDir } = testBuildDirs('dist-npm-');
  const env: NodeJS.ProcessEnv = { ...process.env, DRIFTWATCH_PROJECT: project, DRIFTWATCH_CACHE_DIR: cacheDir };
  // The child builds as `npm run build` would: without Vitest's mode variables (tests/helpers/env.ts).
  for (const key of VITE_MODE_VARIABLES) delete env[key];
  // Vitest's NODE_ENV=test would build with import.meta.env.DEV set, and the dev server's
  // middleware would then defang each page as Astro renders it, hiding the build's own guard.
  delete env.NODE_ENV;
  delete env.BASE_PATH;
  if (base) env.BASE_PATH = base;
  delete env.DRIFTWATCH_HOST;
  if (host) env.DRIFTWATCH_HOST = host;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/build.ts', '--outDir', outDir], { cwd: REPO, env });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    // Without colours: Astro's logger colours its lines where it thinks a terminal or CI reads them (CI=true).
    child.on('close', (status) => resolve({ status, out: stripVTControlCharacters(out), outDir }));
  });
}

describe('npm run build', () => {
  it('builds, and indexes every page with a search body, the index written once Astro has exited', async () => {
    const { status, out, outDir } = await npmBuild(withFreeTextAddresses(made));
    expect(status, out).toBe(0);
    // Text as written: no smart punctuation inside handles, defanged URLs or quotes.
    expect(readFileSync(join(outDir, 'incidents/incident-one/index.html'), 'utf8')).toContain('The channel @news--official posted &quot;we did it&quot;... (hxxps://t[.]me/news--official).');
    // The integration left the index to the script: only the script's line reports it.
    expect(out).not.toContain('[driftwatch-search]');
    const searchable = files(outDir).filter((f) => f.endsWith('.html') && readFileSync(join(outDir, f), 'utf8').includes('data-pagefind-body'));
    expect(searchable.length).toBeGreaterThan(3);
    expect(out).toMatch(new RegExp(`^search index: ${searchable.length} pages in [\\d.]+ s( \\(\\d+ of them read while Astro rendered\\))?$`, 'm'));
    const entry = JSON.parse(readFileSync(join(outDir, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(entry.languages.en.page_count).toBe(searchable.length);
    // Defanged by the script as it reads the pages for the index, not by a pass of Astro's process.
    expectDefanged(outDir);
    expect(out).toMatch(/^defanged addresses in the text of \d+ pages$/m);
    expect(out).not.toContain('[driftwatch] defanged');
    // An incident's embed page is written from what its incident page drew, not rendered as a
    // route of Astro's (src/components/embed-pages.ts); the rest of the site's embeds are routes.
    expect(out).toMatch(/├─ \/embed\/timeline\/index\.html/);
    expect(out).not.toMatch(/├─ \/embed\/incidents\//);
    expect(out).toMatch(/\[driftwatch-files\] 1 embed page written from its incident page$/m);
    expect(readFileSync(join(outDir, 'embed/incidents/incident-one/index.html'), 'utf8')).toContain('<base target="_top">');
    // Last, the output's size as static hosts count it, every file under it: a small site crosses no limit.
    const written = files(outDir).map((path) => ({ path, bytes: statSync(join(outDir, path)).size }));
    const largest = written.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const total = written.reduce((sum, file) => sum + file.bytes, 0);
    const shown = relative(REPO, outDir);
    const folder = shown.startsWith('..') ? outDir : `${shown}/`;
    expect(out.trimEnd().split('\n').at(-1)).toBe(`${folder}: ${formatBytes(total)} in ${formatCount(written.length)} files; the largest ${largest.path} (${formatBytes(largest.bytes)})`);
    expect(out).not.toMatch(/^(warning|error): /m);
  }, 120_000);

  it('refuses a host it does not know before building anything', async () => {
    const { status, out, outDir } = await npmBuild(withFreeTextAddresses(made), undefined, 'github');
    expect(status).toBe(1);
    expect(out.trim()).toBe('DRIFTWATCH_HOST=github: not a host this build knows; one of cloudflare-pages, github-pages, netlify');
    expect(files(outDir)).toEqual([]);
  }, 60_000);

  it('defangs every page and feed under a base path too, built for a host whose limits it keeps', async () => {
    const { status, out, outDir } = await npmBuild(withFreeTextAddresses(made), '/dw/', 'cloudflare-pages');
    expect(status, out).toBe(0);
    expect(out).toMatch(/ in \d+ files; the largest /);
    expect(out).not.toMatch(/^(warning|error): /m);
    expect(readFileSync(join(outDir, 'incidents/incident-one/index.html'), 'utf8')).toContain('href="/dw/');
    expectDefanged(outDir);
  }, 120_000);

  it('stops with the checker’s line and no stack trace on broken data, and indexes nothing', async () => {
    const project = fixture('minimal', { 'data/records/main.yaml': replaceOnce('to: tamtam', 'to: tamtm') });
    made.push(project);
    const { status, out, outDir } = await npmBuild(project);
    expect(status).toBe(1);
    expect(out).toContain('data/records/main.yaml:41:7  error  unknown platform "tamtm" (did you mean "tamtam"?); a new platform goes in data/platforms.yaml (npm run new -- platform "Name")  unknown-ref');
    expect(out).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(existsSync(join(outDir, 'pagefind'))).toBe(false);
    expect(out).not.toContain('search index:');
    expect(out).not.toContain(' files; the largest ');
  }, 120_000);
});
