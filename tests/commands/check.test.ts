/** `npm run check` as editors run it: exit status, --strict, --format json, no stack traces. */
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, removeFixture, replaceOnce, REPO } from '../helpers/fixture.ts';

const made: string[] = [];
afterAll(() => made.forEach(removeFixture));

function check(args: string[], edits: Parameters<typeof fixture>[1] = {}) {
  const dir = fixture('minimal', edits);
  made.push(dir);
  const run = spawnSync(process.execPath, [`${REPO}/scripts/check.ts`, ...args], { cwd: dir, encoding: 'utf8' });
  return { status: run.status, out: run.stdout + run.stderr };
}

describe('npm run check', () => {
  it('passes the bundled case study (warnings only)', () => {
    const run = spawnSync(process.execPath, ['scripts/check.ts'], { cwd: REPO, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^0 errors, \d+ warnings$/m);
  });

  it('exits 1 on errors and prints one line per problem, then a count', () => {
    const { status, out } = check([], { 'data/records/main.yaml': replaceOnce('to: tamtam', 'to: tamtom') });
    expect(status).toBe(1);
    expect(out).toBe('data/records/main.yaml:41:7  error  unknown platform "tamtom" (did you mean "tamtam"?); a new platform goes in data/platforms.yaml (npm run new -- platform "Name")  unknown-ref\n1 error, 0 warnings\n');
  });

  it('exits 0 on warnings, and 1 with --strict', () => {
    const edits = { 'data/sources.yaml': replaceOnce('  archived: https://archive.example/news.example/report\n', '') };
    expect(check([], edits).status).toBe(0);
    const strict = check(['--strict'], edits);
    expect(strict.status).toBe(1);
    expect(strict.out).toContain('warning  source "news-1" has a url and no archived copy  missing-archive');
  });

  it('prints the same problems as JSON with --format json', () => {
    const { status, out } = check(['--format', 'json'], { 'data/records/main.yaml': replaceOnce('killed: 2', 'killed: -2') });
    expect(status).toBe(1);
    expect(JSON.parse(out)).toEqual([
      { file: 'data/records/main.yaml', line: 6, col: 11, severity: 'error', message: '"killed" must not be negative', rule: 'out-of-range' },
    ]);
  });

  it('checks the project the build would use: DRIFTWATCH_PROJECT, unless --root names another', () => {
    const broken = fixture('minimal', { 'data/records/main.yaml': replaceOnce('to: tamtam', 'to: tamtom') });
    made.push(broken);
    const env = { ...process.env, DRIFTWATCH_PROJECT: broken };
    const viaEnv = spawnSync(process.execPath, ['scripts/check.ts'], { cwd: REPO, encoding: 'utf8', env });
    expect(viaEnv.status).toBe(1);
    expect(viaEnv.stdout).toContain('data/records/main.yaml:41:7  error  unknown platform "tamtom"');
    const viaRoot = spawnSync(process.execPath, ['scripts/check.ts', '--root', REPO], { cwd: REPO, encoding: 'utf8', env });
    expect(viaRoot.status).toBe(0);
  });

  it('refuses a folder that is not a project, and an option it does not know, rather than checking nothing', () => {
    const missing = check(['--root', '/no/such/folder']);
    expect(missing.status).toBe(2);
    expect(missing.out).toBe('no folder at /no/such/folder: give the folder that holds content/ and data/\n');
    const typo = check(['--formt', 'json']);
    expect(typo.status).toBe(2);
    expect(typo.out).toContain("Unknown option '--formt'");
    expect(check(['--root']).out).toContain('--root needs a folder');
  });

  it('never prints a stack trace, whatever the input', () => {
    const hostile = {
      'data/platforms.yaml': '{{{ not: yaml',
      'data/actors.yaml': 'just a string',
      'data/sources.yaml': '- 42\n- [a, b]\n',
      'data/site.yaml': '- a\n- b\n',
      'data/records/main.yaml': '- id: x\n  kind: {nested: true}\n- kind: attack\n  location: 7\n',
      'data/records/attacks.csv': 'id,date\n"x,2019\n',
      'content/incidents/incident-one.mdx': '---\ntitle: [unclosed\n---\n',
      'content/incidents/Bad Name.mdx': '---\ntitle: T\ndate: 2019\nsummary: S\n---\n',
      'content/pages/about.mdx': 'no frontmatter at all',
    };
    const { status, out } = check([], hostile);
    expect(status).toBe(1);
    expect(out).not.toMatch(/\n\s+at |Error:|internal error/);
    for (const line of out.trim().split('\n').slice(0, -1)) {
      expect(line).toMatch(/^[^:]+:\d+:\d+ {2}(error|warning) {2}.+ {2}[a-z-]+$/);
    }
  });
});
