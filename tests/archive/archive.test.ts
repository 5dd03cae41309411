/**
 * `npm run archive` against a local HTTP server that plays both the archive service (Wayback's
 * /save/ protocol) and the publishers: nothing here touches the internet.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addCapture } from '../../src/archive/sources-file.ts';
import { runArchive } from '../../src/commands/archive.ts';
import { REPO } from '../helpers/fixture.ts';

let server: Server;
let base: string;
const asked: string[] = [];
const hits = new Map<string, number>();
const body = (name: string) => `<html>the original ${name}</html>\n`;
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url!;
    asked.push(path);
    const hit = (hits.get(path) ?? 0) + 1;
    hits.set(path, hit);
    const original = /^\/orig\/([a-z-]+)$/.exec(path)?.[1];
    if (original === 'gone') return response.writeHead(404).end('gone');
    if (original === 'slow') return; // never answers
    if (original === 'busy' && hit === 1) return response.writeHead(429, { 'retry-after': '0' }).end();
    if (original) return response.writeHead(200, { 'content-type': 'text/html' }).end(body(original));
    const saved = /^\/save\/(.*)$/.exec(path)?.[1];
    if (saved?.endsWith('/failing')) return response.writeHead(503).end();
    if (saved?.endsWith('/b')) {
      // Says where the capture is in Content-Location (relative), with its time.
      return response.writeHead(200, { 'content-location': `/web/20261202060708/${saved}`, 'memento-datetime': 'Wed, 02 Dec 2026 06:07:08 GMT' }).end('saved');
    }
    if (saved) return response.writeHead(302, { location: `/web/20261202050000/${saved}` }).end();
    if (path.startsWith('/web/') && !path.includes('/gone-capture')) return response.writeHead(200).end('capture');
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections(); // the original that never answers holds one open
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

// Comments, blank lines, quoting, a folded note, a flow list: all must survive byte for byte.
const SOURCES = (b: string) => `# Sources: ids are permanent.

- id: src-a   # the first
  title: "A report: quoted"
  publisher: 'Single quoted'
  kind: news
  published: '2019-12-03'
  url: ${b}/orig/a
  language: en
  notes: >-
    A folded note that
    runs on two lines.

- id: src-b
  title: B
  publisher: P
  kind: report
  published: '2019'
  url: ${b}/orig/b
  archived: ${b}/web/old-copy-of-b   # made by hand in 2020

- id: src-failing
  title: Its service fails
  publisher: P
  kind: report
  published: '2019'
  url: ${b}/orig/failing

- id: src-gone
  title: Its original is gone
  publisher: P
  kind: report
  published: '2019'
  url: ${b}/orig/gone
- id: src-kept
  title: Has a capture already
  publisher: P
  kind: report
  published: '2019'
  url: ${b}/orig/kept
  archived:
    - url: ${b}/web/gone-capture/kept
      at: '2020-01-01T00:00:00Z'
- {id: no-url, title: No url, publisher: P, kind: other, published: '2019'}
`;

let root: string;
const file = () => join(root, 'data/sources.yaml');
const run = async (...args: string[]) => {
  const lines: string[] = [];
  const status = await runArchive(['--root', root, '--service', `${base}/save/`, '--delay', '0', '--timeout', '2', '--retries', '1', ...args], (line) => lines.push(line));
  return { status, lines };
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dw-archive-'));
  mkdirSync(join(root, 'data'));
  writeFileSync(file(), SOURCES(base));
  asked.length = 0;
  hits.clear();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const captureOf = (dash: number, url: string, at: string, name: string) =>
  `${' '.repeat(dash)}- url: ${url}\n${' '.repeat(dash + 2)}at: '${at}'\n${' '.repeat(dash + 2)}sha256: ${sha(body(name))}\n${' '.repeat(dash + 2)}service: ${base}/save/\n`;

describe('npm run archive', () => {
  it('captures the sources that have none, hashes their originals, and changes nothing else in the file', async () => {
    const { status, lines } = await run();
    const expected = SOURCES(base)
      .replace(`  url: ${base}/orig/a\n`, `  url: ${base}/orig/a\n  archived:\n${captureOf(4, `${base}/web/20261202050000/${base}/orig/a`, '2026-12-02T05:00:00Z', 'a')}`);
    // src-b has an archive address already, src-kept a capture: neither is asked for by default.
    expect(readFileSync(file(), 'utf8')).toBe(expected);
    expect(lines).toEqual([
      `[1/3] src-a: captured ${base}/web/20261202050000/${base}/orig/a at 2026-12-02T05:00:00Z, sha256 ${sha(body('a')).slice(0, 12)}…`,
      '  answered 503 Service Unavailable: asking again in 0 s',
      '[2/3] src-failing: failed: answered 503 Service Unavailable (asked 2 times); nothing written',
      '[3/3] src-gone: failed: the original answered 404 Not Found; nothing written',
      '1 of 3 sources captured; failed: src-failing, src-gone (run again to retry them)',
    ]);
    expect(status).toBe(1);
    // One request at a time, the original before the service; the service asked <base><url>.
    expect(asked.slice(0, 3)).toEqual(['/orig/a', `/save/${base}/orig/a`, `/web/20261202050000/${base}/orig/a`]);
  });

  it('with --source, adds to an existing address (kept as written, with its comment), reading the capture from Content-Location', async () => {
    const { status } = await run('--source', 'src-b');
    expect(status).toBe(0);
    expect(readFileSync(file(), 'utf8')).toBe(
      SOURCES(base).replace(
        `  archived: ${base}/web/old-copy-of-b   # made by hand in 2020\n`,
        `  archived:\n    - ${base}/web/old-copy-of-b   # made by hand in 2020\n${captureOf(4, `${base}/web/20261202060708/${base}/orig/b`, '2026-12-02T06:07:08Z', 'b')}`,
      ),
    );
  });

  it('with --all, appends to a list of captures; a busy original (429) is asked again', async () => {
    writeFileSync(file(), SOURCES(base).replaceAll('/orig/kept', '/orig/busy'));
    const { lines } = await run('--all');
    expect(lines).toContain('  answered 429 Too Many Requests: asking again in 0 s');
    expect(readFileSync(file(), 'utf8')).toContain(
      `      at: '2020-01-01T00:00:00Z'\n${captureOf(4, `${base}/web/20261202050000/${base}/orig/busy`, '2026-12-02T05:00:00Z', 'busy')}- {id: no-url`,
    );
  });

  it('gives up on an original that does not answer within the time limit', async () => {
    writeFileSync(file(), SOURCES(base).replace('/orig/a\n', '/orig/slow\n'));
    const { status, lines } = await run('--source', 'src-a', '--timeout', '0.3', '--retries', '0');
    expect(status).toBe(1);
    expect(lines[0]).toBe('[1/1] src-a: failed: no answer within the time limit (asked once); nothing written');
    expect(readFileSync(file(), 'utf8')).toBe(SOURCES(base).replace('/orig/a\n', '/orig/slow\n'));
  });

  it('--check reports originals and captures that no longer answer, and changes nothing', async () => {
    const { status, lines } = await run('--check');
    expect(lines).toContain('[4/5] src-gone: original ' + `${base}/orig/gone answers 404 Not Found`);
    expect(lines).toContain(`[5/5] src-kept: capture ${base}/web/gone-capture/kept answers 404 Not Found`);
    expect(lines.at(-1)).toBe('7 addresses checked: 2 no longer answer; nothing was changed');
    expect(status).toBe(1);
    expect(readFileSync(file(), 'utf8')).toBe(SOURCES(base));
  });

  it('refuses what it cannot do, with the usage', async () => {
    const first = async (...args: string[]) => (await run(...args)).lines[0]!.split('\n')[0];
    expect(await first('--source', 'other')).toBe('no source "other" in data/sources.yaml');
    expect(await first('--source', 'src-aa')).toBe('no source "src-aa" in data/sources.yaml (did you mean "src-a"?)');
    expect((await run('--all', '--source', 'src-a')).status).toBe(2);
    expect(await first('--delay', 'soon')).toBe('--delay must be a number of seconds, not "soon"');
    expect(await first('--frobnicate')).toMatch(/^Unknown option '--frobnicate'/);
    expect(readFileSync(file(), 'utf8')).toBe(SOURCES(base));
  });

  it('runs as npm run archive', async () => {
    const { stdout } = await promisify(execFile)(join(REPO, 'node_modules/.bin/node'), [join(REPO, 'scripts/archive.ts'), '--root', root, '--service', `${base}/save/`, '--delay', '0', '--source', 'src-a'], { cwd: REPO });
    expect(stdout).toContain('1 of 1 source captured');
    expect(readFileSync(file(), 'utf8')).toContain(`sha256: ${sha(body('a'))}`);
  });
});

describe('adding a capture to the text of sources.yaml', () => {
  const capture = { url: 'https://web.archive.example/web/1/x', at: '2026-12-02T05:00:00Z', sha256: 'f'.repeat(64) };
  it('keeps Windows line ends, and a file without a final newline', () => {
    const crlf = "- id: x\r\n  url: https://x.example/\r\n  title: T\r\n";
    expect(addCapture(crlf, 'x', capture)).toBe(`- id: x\r\n  url: https://x.example/\r\n  archived:\r\n    - url: https://web.archive.example/web/1/x\r\n      at: '2026-12-02T05:00:00Z'\r\n      sha256: ${'f'.repeat(64)}\r\n  title: T\r\n`);
    expect(addCapture('- id: x\n  title: T', 'x', capture)).toBe(`- id: x\n  title: T\n  archived:\n    - url: https://web.archive.example/web/1/x\n      at: '2026-12-02T05:00:00Z'\n      sha256: ${'f'.repeat(64)}\n`);
  });
  it('replaces a TODO placeholder, and refuses a source written on one line', () => {
    expect(addCapture("- id: x\n  archived: 'TODO: an archive copy'\n  title: T\n", 'x', capture)).toBe(`- id: x\n  archived:\n    - url: https://web.archive.example/web/1/x\n      at: '2026-12-02T05:00:00Z'\n      sha256: ${'f'.repeat(64)}\n  title: T\n`);
    expect(() => addCapture('- {id: x, title: T}\n', 'x', capture)).toThrow('written on one line');
  });
});
