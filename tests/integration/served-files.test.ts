/**
 * Which requests the dev server refuses (src/integration/served-files.ts): every way Vite could
 * reach a link or a pipe in public/, content/ or data/, each answered with the line `npm run check`
 * gives for it (src/data/project-fs.ts). The dev server itself: tests/editors/dev-root.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/data/problems.ts';
import { listProject } from '../../src/data/project-fs.ts';
import { servedProblem, type ServedFolders } from '../../src/integration/served-files.ts';

let root: string;
let outside: string;
let folders: ServedFolders;
const line = (url: string, base = '/') => {
  const problem = servedProblem(url, { ...folders, base });
  return problem && formatProblem(problem);
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dw-public-'));
  outside = mkdtempSync(join(tmpdir(), 'dw-outside-'));
  writeFileSync(join(outside, 'secret.txt'), 'SECRET');
  mkdirSync(join(root, 'public/img'), { recursive: true });
  mkdirSync(join(root, 'data/records'), { recursive: true });
  mkdirSync(join(root, 'src'), { recursive: true });
  writeFileSync(join(root, 'data/site.yaml'), 'title: x\n');
  symlinkSync(join(outside, 'secret.txt'), join(root, 'data/records/x.yaml'));
  symlinkSync(outside, join(root, 'content'));
  symlinkSync(join(outside, 'secret.txt'), join(root, 'src/linked.ts'));
  writeFileSync(join(root, 'public/img/a b.svg'), '<svg/>');
  writeFileSync(join(root, 'public/favicon.svg'), '<svg/>');
  symlinkSync(join(outside, 'secret.txt'), join(root, 'public/img/leak é.txt'));
  symlinkSync(outside, join(root, 'public/out'));
  symlinkSync(join(root, 'public/favicon.svg'), join(root, 'public/inside.svg'));
  expect(spawnSync('mkfifo', [join(root, 'public/pipe')]).status).toBe(0);
  folders = { root, publicDir: join(root, 'public'), base: '/' };
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('files of the project in astro dev', () => {
  it('are refused with the check’s own line when they are links, behind one, or pipes', () => {
    const check = new Map(listProject(root).problems.map((problem) => [problem.file, formatProblem(problem)]));
    expect([...check.keys()]).toEqual(['content', 'data/records/x.yaml', 'public/img/leak é.txt', 'public/inside.svg', 'public/out', 'public/pipe']);
    expect(line('/img/leak%20%C3%A9.txt')).toBe(check.get('public/img/leak é.txt'));
    expect(line('/inside.svg')).toBe(check.get('public/inside.svg'));
    expect(line('/out/secret.txt')).toBe(check.get('public/out'));
    expect(line('/out/')).toBe(check.get('public/out'));
    expect(line('/pipe?import')).toBe(check.get('public/pipe'));
    // Vite serves any file under Astro's root by its path: content/ and data/ as well.
    expect(line('/data/records/x.yaml?raw')).toBe(check.get('data/records/x.yaml'));
    expect(line('/content/secret.txt')).toBe(check.get('content'));
  });

  it('are refused by every way Vite reaches them: the base path, Astro’s root, ?raw, /@fs/, dot segments', () => {
    const leak = 'public/out:1:1  error  a symbolic link to a folder outside the project: Driftwatch never reads it; put the folder itself here  symlink';
    expect(line('/dw/out/secret.txt', '/dw/')).toBe(leak);
    expect(line('/dw/out/secret.txt', '/dw')).toBe(leak);
    expect(line('/public/out/secret.txt?raw')).toBe(leak);
    expect(line(`/@fs${root}/public/out/secret.txt`)).toBe(leak);
    expect(line('/img/../out/secret.txt#x')).toBe(leak);
    expect(line('/%6Fut/secret.txt')).toBe(leak);
  });

  it('let regular files, folders and what is not there through to Vite', () => {
    // The site's code is the maintainers' (docs/security.md): not a folder the check reads.
    for (const url of ['/favicon.svg', '/img/a%20b.svg', '/img/', '/', '/incidents/x/', '/data/site.yaml', '/data/attacks-2019.csv', '/missing.txt', '/favicon.svg/x', '/src/linked.ts', '/../out/secret.txt', '/%E0%A4%A']) {
      expect(line(url), url).toBeUndefined();
    }
  });
});
