/** `npm run new`: skeletons with unique ids that pass the check and name what is left to fill. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/check/validate.ts';
import { runNew } from '../../src/commands/new.ts';
import { RECORD_KINDS } from '../../src/schema/records.ts';
import { fixture, removeFixture, REPO } from '../helpers/fixture.ts';

const made: string[] = [];
afterAll(() => made.forEach(removeFixture));
const NOW = new Date('2026-11-28T12:00:00Z');

function site(): string {
  const dir = fixture('minimal');
  made.push(dir);
  return dir;
}

const quiet = () => {};

describe('npm run new', () => {
  it('writes a draft incident that passes the check as written', () => {
    const dir = site();
    expect(runNew(['incident', 'Attack on Café Müller'], dir, quiet, NOW)).toBe(0);
    const text = readFileSync(join(dir, 'content/incidents/attack-on-cafe-muller.mdx'), 'utf8');
    expect(text).toContain('status: draft');
    expect(text).toContain('date: 2026-11-28');
    const { problems, data } = checkProject(dir);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(data.incidents.find((i) => i.id === 'attack-on-cafe-muller')?.status).toBe('draft');
    // A second incident with the same title gets its own slug.
    runNew(['incident', 'Attack on Café Müller'], dir, quiet, NOW);
    expect(checkProject(dir).data.incidents.map((i) => i.id)).toContain('attack-on-cafe-muller-2');
  });

  it('adds a source whose unfilled fields the check names one by one, without failing', () => {
    const dir = site();
    expect(runNew(['source', 'https://www.example.org/news/1'], dir, quiet, NOW)).toBe(0);
    const { problems } = checkProject(dir);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const unfilled = problems.filter((p) => p.rule === 'unfilled').map((p) => `${p.line}:${p.col} ${p.message.split(' (')[0]}`);
    expect(unfilled).toEqual(['17:10 fill in "title"', '18:14 fill in "publisher"', '19:9 fill in "kind"', '22:13 fill in "archived"', '24:16 fill in "reliability"']);
  });

  it('makes a reference to an unfilled skeleton an error, since the site leaves it out', () => {
    const dir = site();
    runNew(['source', 'https://example.org/x'], dir, quiet, NOW);
    const file = join(dir, 'content/incidents/incident-one.mdx');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nCited <Cite id="example-2026-11-28" />.\n`);
    expect(checkProject(dir).problems.filter((p) => p.severity === 'error').map((p) => `${p.line}:${p.col} ${p.message}`)).toEqual([
      '10:13 <Cite>: source "example-2026-11-28" is left out of the site until its TODO fields are filled (data/sources.yaml)',
    ]);
  });

  it.each(RECORD_KINDS)('adds a %s record with every required field marked, and unique ids', (kind) => {
    const dir = site();
    expect(runNew(['record', kind], dir, quiet, NOW)).toBe(0);
    expect(runNew(['record', kind], dir, quiet, NOW)).toBe(0);
    const { problems, data } = checkProject(dir);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const fields = problems.filter((p) => p.rule === 'unfilled').map((p) => /"([^"]+)"/.exec(p.message)![1]);
    expect(fields).toContain('title');
    expect(fields).toContain('sources');
    // Left out of the site until filled.
    expect(data.records.some((r) => r.id.startsWith(`${kind}-2026-11-28`))).toBe(false);
    const text = readFileSync(join(dir, 'data/records/2026.yaml'), 'utf8');
    expect(text).toContain(`id: ${kind}-2026-11-28\n`);
    expect(text).toContain(`id: ${kind}-2026-11-28-2\n`);
  });

  it('writes into the project the check and the build read: --root, else DRIFTWATCH_PROJECT', () => {
    const dir = site();
    const other = site();
    const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
      spawnSync(process.execPath, [join(REPO, 'scripts/new.ts'), ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, ...env } });
    expect(run(['incident', 'From the environment'], { DRIFTWATCH_PROJECT: dir }).stdout).toContain(`project: ${dir}`);
    expect(existsSync(join(dir, 'content/incidents/from-the-environment.mdx'))).toBe(true);
    expect(run(['record', 'claim', '--root', other], { DRIFTWATCH_PROJECT: dir }).status).toBe(0);
    expect(readFileSync(join(other, 'data/records/2026.yaml'), 'utf8')).toContain('kind: claim');
    expect(existsSync(join(REPO, 'content/incidents/from-the-environment.mdx'))).toBe(false);
    const missing = run(['incident', 'Nowhere', '--root', '/no/such/folder']);
    expect(missing.status).toBe(2);
    expect(missing.stdout).toContain('no folder at /no/such/folder');
    const bare = run(['incident', 'Nowhere', '--root']);
    expect(bare.status).toBe(2);
    expect(bare.stdout).toContain('--root needs a folder');
  });

  it('refuses an unknown kind with a hint', () => {
    const lines: string[] = [];
    expect(runNew(['record', 'atack'], site(), (l) => lines.push(l), NOW)).toBe(2);
    expect(lines.join('\n')).toContain('unknown record kind "atack" (did you mean "attack"?)');
  });
});
