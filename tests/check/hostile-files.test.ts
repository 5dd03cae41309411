/**
 * Issue 14's two holes, as a contributor would open them, through `npm run check` in a process
 * of its own (as CI runs it): a stall fails here at the process's time limit instead of holding
 * up the suite.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/fixture.ts';
import { BILLION_LAUGHS } from '../helpers/hostile.ts';
import { editedFixture } from './problems-after.ts';

const outside = mkdtempSync(join(tmpdir(), 'dw-outside-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

/** `npm run check` on `dir`, killed after 60 s (a stall, not a slow machine: it takes about one). */
function check(dir: string) {
  const run = spawnSync(process.execPath, [`${REPO}/scripts/check.ts`, '--root', dir], { encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, signal: run.signal, out: run.stdout + run.stderr };
}


describe('hostile files', () => {
  it('a billion-laughs record file is an error at its alias, reported in seconds, not a stall', () => {
    const { status, signal, out } = check(editedFixture({ 'data/records/laughs.yaml': BILLION_LAUGHS }));
    expect(signal).toBeNull();
    expect(status).toBe(1);
    expect(out).toMatch(/^data\/records\/laughs\.yaml:\d+:\d+ {2}error {2}.*aliases.*1,000,000.* {2}yaml-aliases$/m);
  });

  it('a record file linked to a file outside the project is an error naming it, and is never read', () => {
    const secret = join(outside, 'token.yaml');
    writeFileSync(secret, "- id: leaked\n  kind: statement\n  date: '2019-12-01'\n  title: SECRET-TOKEN-4242\n  actor: amaq\n  platform: telegram\n  sources: [news-1]\n");
    const dir = editedFixture();
    symlinkSync(secret, join(dir, 'data/records/x.yaml'));
    const { status, out } = check(dir);
    expect(status).toBe(1);
    expect(out).toContain('data/records/x.yaml:1:1  error  a symbolic link to a file outside the project: Driftwatch never reads it; put the file itself here  symlink');
    expect(out).not.toContain('SECRET-TOKEN');
    expect(out).not.toContain('leaked');
  });
});
