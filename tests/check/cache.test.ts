/**
 * A check that keeps what it read for the next (src/check/cache.ts, as `astro dev` runs it after
 * each save) gives what a check from nothing gives, edit after edit: problems that appear and go,
 * files added and removed, and a file whose meaning changes because another file changed.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { markStale, newCheckCache, type CheckCache } from '../../src/check/cache.ts';
import { checkProject, type CheckResult } from '../../src/check/validate.ts';
import { formatProblem } from '../../src/data/problems.ts';
import { fixture, removeFixture, replaceOnce, type Edit } from '../helpers/fixture.ts';

const RECORDS = 'data/records/main.yaml';
const WRITEUP = 'content/incidents/incident-one.mdx';
const RENAMED = 'content/incidents/incident-uno.mdx';
/** The text `file` has now, for a file that takes its place. */
const textOf = (file: string) => () => readFileSync(join(dir, file), 'utf8');

/** Everything a check hands on, as plain values (an entry's `locate` is a function). */
const view = (result: CheckResult) => ({
  problems: result.problems,
  data: result.data,
  locations: [...result.locations].map(([key, entry]) => [key, entry.file, entry.value]),
});

/** One save (or several at once): file → new text, a function of the old one, or null to delete it. */
type Step = [string, Record<string, Edit | null>];

const STEPS: Step[] = [
  // A prop's problem is kept with the body's scan; each check prefixes it anew, while other files change.
  ['a component without its id', { 'content/pages/about.mdx': (text) => `${text}\n<Cite />\n` }],
  ['a sentence added to a write-up', { [WRITEUP]: (text) => `${text}\nA sentence saved later.\n` }],
  ['a citation added to it', { [WRITEUP]: (text) => `${text}\nAs the channel said.<Cite id="post-1" />\n` }],
  ['the component given its id', { 'content/pages/about.mdx': (text) => text.replace('<Cite />', '<Cite id="news-1" />') }],
  ['an error appears in a record', { [RECORDS]: replaceOnce('killed: 2', 'killed: two') }],
  ['and is fixed', { [RECORDS]: replaceOnce('killed: two', 'killed: 2') }],
  // The records file and the write-up do not change; what their references point at does.
  ['a source cited by records is renamed in another file', { 'data/sources.yaml': replaceOnce('id: post-1', 'id: post-2') }],
  ['and named back', { 'data/sources.yaml': replaceOnce('id: post-2', 'id: post-1') }],
  [
    'a record file is added, citing what does not exist',
    { 'data/records/extra.yaml': "- id: extra-1\n  kind: statement\n  date: '2019-12-03'\n  title: Extra\n  actor: nobody\n  sources: [news-1]\n  incidents: [incident-one]\n" },
  ],
  ['its id is taken by an existing record', { 'data/records/extra.yaml': replaceOnce('id: extra-1', 'id: attack-1') }],
  ['and it is removed', { 'data/records/extra.yaml': null }],
  // A TODO in a record of a published incident is an error; once the incident is a draft, a warning.
  ['a record is left unfilled', { [RECORDS]: replaceOnce('title: An attack', 'title: TODO the title') }],
  // A write-up whose frontmatter cannot be read is not published: the record's TODO is a warning then.
  ['the write-up’s frontmatter stops parsing', { [WRITEUP]: replaceOnce('title: Incident one', 'title: [Incident one') }],
  ['and parses again', { [WRITEUP]: replaceOnce('title: [Incident one', 'title: Incident one') }],
  ['its incident becomes a draft', { [WRITEUP]: replaceOnce('title: Incident one', 'title: Incident one\nstatus: draft') }],
  ['and is published again, the record filled', { [WRITEUP]: replaceOnce('\nstatus: draft', ''), [RECORDS]: replaceOnce('title: TODO the title', 'title: An attack') }],
  ['a registry stops parsing', { 'data/actors.yaml': (text) => `${text}- id: [broken\n` }],
  ['and parses again', { 'data/actors.yaml': (text) => text.replace('- id: [broken\n', '') }],
  ['a write-up is added with an unknown component', { 'content/incidents/incident-two.mdx': '---\ntitle: Incident two\ndate: \'2019-12-01\'\nsummary: Two.\n---\n\n<Nope />\n' }],
  ['a write-up is removed', { 'content/incidents/incident-two.mdx': null }],
  // The records list the write-up by its file name: the rules over the data alone must run again.
  ['the write-up the records list is renamed', { [RENAMED]: textOf(WRITEUP), [WRITEUP]: null }],
  ['and named back', { [WRITEUP]: textOf(RENAMED), [RENAMED]: null }],
];

const dir = fixture('minimal');
afterAll(() => removeFixture(dir));

function save(edits: Record<string, Edit | null>): void {
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(dir, file);
    if (edit === null) rmSync(path);
    else writeFileSync(path, typeof edit === 'string' ? edit : edit(existsSync(path) ? readFileSync(path, 'utf8') : ''));
  }
}

describe('a check with a cache', () => {
  // Told which file changed (the dev server's watcher), and told nothing (every file compared).
  const named: CheckCache = newCheckCache();
  const compared: CheckCache = newCheckCache();
  let before = checkProject(dir);

  it('gives the same result as a check without one, from the start', () => {
    expect(view(checkProject(dir, named))).toEqual(view(before));
    expect(view(checkProject(dir, compared))).toEqual(view(before));
  });

  it.each(STEPS)('gives the same result after each save: %s', (_name, edits) => {
    save(edits);
    for (const file of Object.keys(edits)) markStale(named, file);
    markStale(compared);
    const cold = checkProject(dir);
    expect(view(checkProject(dir, named))).toEqual(view(cold));
    expect(view(checkProject(dir, compared))).toEqual(view(cold));
    // Each save changes what a check finds, so each step tests something.
    expect(view(cold)).not.toEqual(view(before));
    before = cold;
  });

  it('reports what the steps meant to show', () => {
    // Spot checks that the steps above did what their names say, on a fresh fixture's terms.
    const lines = (edits: Record<string, Edit | null>) => {
      save(edits);
      markStale(named);
      return checkProject(dir, named).problems.map(formatProblem).join('\n');
    };
    expect(lines({ 'data/sources.yaml': replaceOnce('id: post-1', 'id: post-2') })).toMatch(/unknown source "post-1"/);
    expect(lines({ 'data/sources.yaml': replaceOnce('id: post-2', 'id: post-1') })).not.toMatch(/unknown source/);
    expect(lines({ [RENAMED]: textOf(WRITEUP), [WRITEUP]: null })).toMatch(/main\.yaml:\d+:\d+ {2}error {2}unknown incident "incident-one"/);
    expect(lines({ [WRITEUP]: textOf(RENAMED), [RENAMED]: null })).not.toMatch(/unknown incident/);
  });

  it('does not judge the data again for a save to a write-up’s prose, and does for a save to the data', () => {
    const last = checkProject(dir, named);
    save({ [WRITEUP]: (text) => `${text}\nOne more sentence.\n` });
    markStale(named, WRITEUP);
    const prose = checkProject(dir, named);
    expect(prose).not.toBe(last);
    // The very same list of records: the rules over every record were not run, and the site,
    // which compares what it was computed from, is not computed again (src/site/index.ts).
    expect(prose.data.records).toBe(last.data.records);
    expect(prose.locations).toBe(last.locations);
    expect(view(prose)).toEqual(view(checkProject(dir)));
    save({ [RECORDS]: replaceOnce('title: An attack', 'title: An attack, retitled') });
    markStale(named, RECORDS);
    const data = checkProject(dir, named);
    expect(data.data.records).not.toBe(prose.data.records);
    expect(data.data.records.map((record) => record.title)).toContain('An attack, retitled');
  });

  it('gives the very same result when nothing changed', () => {
    const last = checkProject(dir, named);
    markStale(named);
    expect(checkProject(dir, named)).toBe(last);
    markStale(named, WRITEUP);
    expect(checkProject(dir, named)).toBe(last);
  });
});
