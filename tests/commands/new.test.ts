/** `npm run new`: skeletons whose facts come from the editor (or stay TODO), with ids that are never invented twice. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/check/validate.ts';
import { runNew } from '../../src/commands/new.ts';
import { dateFromUrl } from '../../src/scaffold/url-date.ts';
import { RECORD_KINDS } from '../../src/schema/records.ts';
import { fixture, removeFixture, REPO } from '../helpers/fixture.ts';

const made: string[] = [];
afterAll(() => made.forEach(removeFixture));

function site(): string {
  const dir = fixture('minimal');
  made.push(dir);
  return dir;
}

const quiet = () => {};
/** Runs `npm run new` in `dir`; its lines and status. */
function run(dir: string, ...argv: string[]): { status: number; out: string } {
  const lines: string[] = [];
  const status = runNew(argv, dir, (line) => lines.push(line));
  return { status, out: lines.join('\n') };
}
const unfilled = (dir: string, file: string) =>
  checkProject(dir).problems.filter((p) => p.rule === 'unfilled' && p.file === file).map((p) => `${p.line}:${p.col} ${/"([^"]+)"/.exec(p.message)![1]}`);

describe('npm run new', () => {
  it('writes a draft incident whose date, summary and content warning are TODO until given', () => {
    const dir = site();
    expect(run(dir, 'incident', 'Attack on Café Müller').status).toBe(0);
    const text = readFileSync(join(dir, 'content/incidents/attack-on-cafe-muller.mdx'), 'utf8');
    expect(text).toContain('status: draft');
    expect(text).not.toContain(new Date().toISOString().slice(0, 10));
    const { problems } = checkProject(dir);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(unfilled(dir, 'content/incidents/attack-on-cafe-muller.mdx')).toEqual(['5:7 date', '6:10 summary', '8:17 contentWarning']);
    // --date fills the date, as written.
    expect(run(dir, 'incident', 'Vienna shooting', '--date', '2020-11-02').status).toBe(0);
    expect(readFileSync(join(dir, 'content/incidents/vienna-shooting.mdx'), 'utf8')).toContain("date: '2020-11-02'\n");
  });

  it('asks for --slug when the title names an incident that exists, instead of inventing -2', () => {
    const dir = site();
    run(dir, 'incident', 'Vienna shooting', '--date', '2020-11-02');
    const again = run(dir, 'incident', 'Vienna shooting', '--date', '2020-11-02');
    expect(again.status).toBe(2);
    expect(again.out).toBe('content/incidents/vienna-shooting.mdx exists already: give this incident its own slug, e.g. npm run new -- incident "Vienna shooting" --slug vienna-shooting-2020');
    expect(existsSync(join(dir, 'content/incidents/vienna-shooting-2.mdx'))).toBe(false);
    expect(run(dir, 'incident', 'Vienna shooting', '--slug', 'vienna-shooting-2020').status).toBe(0);
    expect(existsSync(join(dir, 'content/incidents/vienna-shooting-2020.mdx'))).toBe(true);
    expect(run(dir, 'incident', 'X', '--slug', 'Not A Slug').out).toContain('--slug "Not A Slug" must be lower-case words joined by dashes');
  });

  it('dates a source by the date in its URL, by --date, or leaves "published" TODO; never by today', () => {
    const dir = site();
    expect(run(dir, 'source', 'https://www.theguardian.com/world/2020/nov/03/vienna-attack-gunman').out).toContain('added source "theguardian-2020-11-03" to data/sources.yaml (published 2020-11-03, from the URL)');
    expect(run(dir, 'source', 'https://www.example.org/news/1', '--date', '2020-11-04').out).toContain('added source "example-2020-11-04"');
    expect(run(dir, 'source', 'https://example.org/about').out).toContain('(no date in the URL: fill in "published", or give --date)');
    const text = readFileSync(join(dir, 'data/sources.yaml'), 'utf8');
    expect(text).toContain("published: '2020-11-03'\n");
    expect(text).toContain("published: '2020-11-04'\n");
    expect(checkProject(dir).problems.filter((p) => p.severity === 'error')).toEqual([]);
    const names = unfilled(dir, 'data/sources.yaml').map((p) => p.split(' ')[1]);
    expect(names.filter((n) => n === 'published')).toHaveLength(1);
    expect(names.filter((n) => n === 'kind')).toHaveLength(3);
    // An enumerated field's placeholder names its choices.
    expect(text).toContain('kind: "TODO: one of news, press-release, platform-statement, social-post, report, dataset, other"');
  });

  it.each([
    ['https://www.theguardian.com/world/2020/nov/03/vienna-attack', '2020-11-03'],
    ['https://example.org/2020/11/03/x', '2020-11-03'],
    ['https://example.org/news/2020-11-03-vienna', '2020-11-03'],
    ['https://example.org/20201103/x', '2020-11-03'],
    ['https://example.org/2020/november/x', '2020-11'],
    ['https://example.org/2020/02/30/x', undefined],
    ['https://example.org/2020/maybe/3', undefined],
    ['https://example.org/item/12345678', undefined],
    ['https://example.org/about', undefined],
  ])('reads the date in %s as %s', (url, date) => {
    expect(dateFromUrl(url)).toBe(date);
  });

  it('makes a reference to an unfilled skeleton an error, since the site leaves it out', () => {
    const dir = site();
    run(dir, 'source', 'https://example.org/x', '--date', '2026-11-28');
    const file = join(dir, 'content/incidents/incident-one.mdx');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nCited <Cite id="example-2026-11-28" />.\n`);
    expect(checkProject(dir).problems.filter((p) => p.severity === 'error').map((p) => `${p.line}:${p.col} ${p.message}`)).toEqual([
      '10:13 <Cite>: source "example-2026-11-28" is left out of the site until its TODO fields are filled (data/sources.yaml)',
    ]);
  });

  it.each(RECORD_KINDS)('adds a %s record to its incident, with every required field marked, and unique ids', (kind) => {
    const dir = site();
    run(dir, 'incident', 'Vienna shooting', '--date', '2020-11-02');
    expect(run(dir, 'record', kind, '--incident', 'vienna-shooting', '--date', '2020-11-02T20:00:00+01:00').status).toBe(0);
    expect(run(dir, 'record', kind, '--incident', 'vienna-shooting', '--date', '2020-11-02T20:00:00+01:00').status).toBe(0);
    const { problems, data } = checkProject(dir);
    // The incident is a draft: what is left to fill is a warning.
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const fields = problems.filter((p) => p.rule === 'unfilled' && p.file === 'data/records/vienna-shooting.yaml').map((p) => /"([^"]+)"/.exec(p.message)![1]);
    expect(fields).toContain('title');
    expect(fields).toContain('sources');
    expect(fields).not.toContain('incidents');
    expect(fields).not.toContain('date');
    // Left out of the site until filled.
    expect(data.records.some((r) => r.id.startsWith(`${kind}-2020-11-02`))).toBe(false);
    // Date quoted, so its offset stays.
    const text = readFileSync(join(dir, 'data/records/vienna-shooting.yaml'), 'utf8');
    expect(text).toContain(`id: ${kind}-2020-11-02\n  kind: ${kind}\n  date: '2020-11-02T20:00:00+01:00'\n`);
    expect(text).toContain(`id: ${kind}-2020-11-02-2\n`);
    expect(text).toContain('incidents:\n    - vienna-shooting\n');
  });

  it('adds a record to the file its incident\'s records are in; unfilled under a published incident, an error', () => {
    const dir = site();
    expect(run(dir, 'record', 'statement', '--incident', 'incident-one', '--date', '2019-12-02').out).toContain('added statement "statement-2019-12-02" to data/records/main.yaml under incident "incident-one"');
    const errors = checkProject(dir).problems.filter((p) => p.severity === 'error').map((p) => `${p.file}:${p.line}:${p.col} ${p.message}  ${p.rule}`);
    expect(errors).toContain('data/records/main.yaml:48:10 fill in "title" (still TODO): incident "incident-one" is published, and its page leaves this record out until it is filled  unfilled-published');
  });

  it('writes an incident\'s first record to data/records/<slug>.yaml, and one with no incident says what to fill', () => {
    const dir = site();
    run(dir, 'incident', 'Vienna shooting', '--date', '2020-11-02');
    expect(run(dir, 'record', 'attack', '--incident', 'vienna-shooting').out).toContain('added attack "vienna-shooting-attack" to data/records/vienna-shooting.yaml under incident "vienna-shooting"');
    expect(readFileSync(join(dir, 'data/records/vienna-shooting.yaml'), 'utf8')).toContain('date: "TODO: the day (or time, with its offset) it happened');
    expect(run(dir, 'record', 'claim', '--incident', 'vienna-shoting').out).toBe('no incident "vienna-shoting" (did you mean "vienna-shooting"?) in content/incidents/: write it first with npm run new -- incident "Title"');
    expect(run(dir, 'record', 'claim', '--file', 'data/records/claims.yaml').out).toContain('(no --incident: fill in "incidents", or delete it if the record belongs to none)');
    expect(unfilled(dir, 'data/records/claims.yaml')).toContain('8:7 incidents');
    expect(run(dir, 'record', 'claim', '--incident', 'vienna-shooting', '--id', 'vienna-shooting-attack').out).toBe(
      'record id "vienna-shooting-attack" is taken already (data/records/vienna-shooting.yaml): give another with --id <id>',
    );
  });

  it('adds actors and platforms that records can name once their kind is filled', () => {
    const dir = site();
    expect(run(dir, 'actor', 'Amaq News Agency').out).toContain('added actor "amaq-news-agency" to data/actors.yaml');
    expect(run(dir, 'platform', 'Rocket.Chat', '--id', 'rocket-chat').out).toContain('added platform "rocket-chat" to data/platforms.yaml');
    expect(run(dir, 'platform', 'Telegram').out).toBe('platform id "telegram" is taken already (data/platforms.yaml): give another with --id <id>');
    const problems = checkProject(dir).problems;
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.filter((p) => p.rule === 'unfilled').map((p) => `${p.file} ${/"([^"]+)"/.exec(p.message)![1]}`).sort()).toEqual(['data/actors.yaml kind', 'data/platforms.yaml kind']);
    for (const [file, to] of [['data/actors.yaml', 'media-outlet'], ['data/platforms.yaml', 'chat-server']] as const) {
      writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace(/kind: "TODO[^"]*"/, `kind: ${to}`));
    }
    const { data } = checkProject(dir);
    expect(data.actors.map((a) => a.id)).toContain('amaq-news-agency');
    expect(data.platforms.map((p) => p.id)).toContain('rocket-chat');
  });

  it('writes into the project the check and the build read: --root, else DRIFTWATCH_PROJECT', () => {
    const dir = site();
    const other = site();
    const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
      spawnSync(process.execPath, [join(REPO, 'scripts/new.ts'), ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, ...env } });
    expect(cli(['incident', 'From the environment'], { DRIFTWATCH_PROJECT: dir }).stdout).toContain(`project: ${dir}`);
    expect(existsSync(join(dir, 'content/incidents/from-the-environment.mdx'))).toBe(true);
    expect(cli(['record', 'claim', '--root', other, '--date', '2026-11-28'], { DRIFTWATCH_PROJECT: dir }).status).toBe(0);
    expect(readFileSync(join(other, 'data/records/2026.yaml'), 'utf8')).toContain('kind: claim');
    expect(existsSync(join(REPO, 'content/incidents/from-the-environment.mdx'))).toBe(false);
    const missing = cli(['incident', 'Nowhere', '--root', '/no/such/folder']);
    expect(missing.status).toBe(2);
    expect(missing.stdout).toContain('no folder at /no/such/folder');
    const bare = cli(['incident', 'Nowhere', '--root']);
    expect(bare.status).toBe(2);
    expect(bare.stdout).toContain('--root needs a folder');
  });

  it('refuses an unknown kind, an unknown flag and a bad date with a hint', () => {
    expect(run(site(), 'record', 'atack').out).toContain('unknown record kind "atack" (did you mean "attack"?)');
    expect(run(site(), 'record', 'claim', '--incidnet', 'x')).toMatchObject({ status: 2, out: expect.stringContaining("Unknown option '--incidnet'") });
    expect(run(site(), 'record', 'claim', '--date', '2020-13-01').out).toContain('--date: "2020-13-01" is not a valid EDTF date');
    expect(run(site(), 'incident', 'Vienna', 'shooting').out).toContain('quote a title with spaces');
    expect(run(site(), 'actr', 'X').out).toContain('(did you mean "actor"?)');
  });
});
