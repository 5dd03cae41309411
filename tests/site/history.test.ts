/**
 * The corrections log and stable ids, built from a scratch git repository: a fixture site
 * committed, a record's date and title corrected, then the incident renamed with `formerly`. The
 * site shows the changes on the record's card, on /changes/ and in /changes.xml, and the old
 * incident address redirects; the reading is cached by commit; a shallow clone says the history
 * is not there.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bibtex, recordCitation, type RecordCiteModel } from '../../src/client/cite-forms.ts';
import { readHistory } from '../../src/site/history/log.ts';
import { buildSite } from '../helpers/build.ts';
import { fixture, removeFixture } from '../helpers/fixture.ts';

const made: string[] = [];
afterAll(() => made.forEach(removeFixture));

/** A commit with a fixed date, so the day shown is known. */
function commit(dir: string, message: string, date: string): string {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'Editor', GIT_AUTHOR_EMAIL: 'editor@example.org', GIT_COMMITTER_NAME: 'Editor', GIT_COMMITTER_EMAIL: 'editor@example.org', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  execFileSync('git', ['add', '-A'], { cwd: dir, env });
  execFileSync('git', ['commit', '-q', '-m', message], { cwd: dir, env });
  return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir }).toString().trim();
}

function edit(dir: string, file: string, from: string, to: string): void {
  const text = readFileSync(join(dir, file), 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  writeFileSync(join(dir, file), text.replace(from, to));
}

/**
 * The fixture site as a repository: first as written, then with attack-1 corrected; with `rename`,
 * then the incident renamed (its old slug under `formerly`, its records following).
 */
function scratchRepository(rename = false): { dir: string; correction: string } {
  const dir = fixture('minimal', {
    'data/site.yaml': (text) => `${text}version: 1.0.0\nauthors: ['Doe, Jane', Example Research Group]\n`,
    'content/incidents/incident-one.mdx': (text) => text.replace("summary: A fixture incident.\n", "summary: A fixture incident.\ncorrections:\n  - date: '2026-11-03'\n    text: An earlier version named the wrong bridge.\n"),
  });
  made.push(dir);
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  commit(dir, 'Initial data', '2026-11-01T10:00:00Z');
  edit(dir, 'data/records/main.yaml', "  date: '2019-11-29T13:58:00Z'\n  title: An attack\n", "  date: '2019-11-28T13:58:00Z'\n  title: A corrected <attack>\n");
  const correction = commit(dir, 'Correct the attack: the inquest gives the 28th (see https://t.me/evil_channel/9)\n\nLonger explanation.', '2026-11-02T09:30:00Z');
  if (rename) {
    execFileSync('git', ['mv', 'content/incidents/incident-one.mdx', 'content/incidents/bridge-attack-2019.mdx'], { cwd: dir });
    edit(dir, 'content/incidents/bridge-attack-2019.mdx', 'title: Incident one\n', 'title: The bridge attack\nformerly: [incident-one]\n');
    const records = readFileSync(join(dir, 'data/records/main.yaml'), 'utf8');
    writeFileSync(join(dir, 'data/records/main.yaml'), records.replaceAll('incidents: [incident-one]', 'incidents: [bridge-attack-2019]'));
    edit(dir, 'data/site.yaml', 'version: 1.0.0', 'version: 1.1.0');
    edit(dir, 'data/platforms.yaml', 'name: Telegram', 'name: Telegram Messenger');
    commit(dir, 'Name the incident after the place; release 1.1.0', '2026-11-05T12:00:00Z');
  }
  return { dir, correction };
}

describe('the corrections log, read from git', () => {
  it('lists field, old and new value, date and reason, and reads a commit once', () => {
    const { dir, correction } = scratchRepository();
    const cache = join(dir, '.cache/history.json');
    const history = readHistory(dir, cache);
    expect(history).toEqual({
      available: true,
      commits: 2,
      changes: [
        { commit: correction, date: '2026-11-02T09:30:00Z', reason: 'Correct the attack: the inquest gives the 28th (see https://t.me/evil_channel/9)\n\nLonger explanation.', subject: 'records', id: 'attack-1', kind: 'changed', field: 'date', from: '2019-11-29T13:58:00Z', to: '2019-11-28T13:58:00Z' },
        { commit: correction, date: '2026-11-02T09:30:00Z', reason: 'Correct the attack: the inquest gives the 28th (see https://t.me/evil_channel/9)\n\nLonger explanation.', subject: 'records', id: 'attack-1', kind: 'changed', field: 'title', from: 'An attack', to: 'A corrected <attack>' },
      ],
    });
    // A commit read before is taken from the cache, not read again: a marker left there stays.
    const cached = JSON.parse(readFileSync(cache, 'utf8'));
    cached.commits[correction][0].reason = 'FROM THE CACHE';
    writeFileSync(cache, JSON.stringify(cached));
    edit(dir, 'data/platforms.yaml', 'name: TamTam', 'name: TamTam messenger');
    const later = commit(dir, 'Platform name as it writes itself', '2026-11-04T08:00:00Z');
    const again = readHistory(dir, cache);
    expect(again.available && again.changes.map((c) => [c.commit, c.field, c.reason.slice(0, 14)])).toEqual([
      [later, 'name', 'Platform name '],
      [correction, 'date', 'FROM THE CACHE'],
      [correction, 'title', 'Correct the at'],
    ]);
  });

  it('says so when the history is not there: a shallow clone, a folder outside git', () => {
    const { dir } = scratchRepository();
    const shallow = fixture('minimal');
    made.push(shallow);
    removeFixture(shallow);
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${dir}`, shallow]);
    expect(readHistory(shallow, join(shallow, '.cache/h.json'))).toEqual({ available: false, reason: 'shallow' });
    const plain = fixture('minimal');
    made.push(plain);
    expect(readHistory(plain, join(plain, '.cache/h.json'))).toEqual({ available: false, reason: 'no-git' });
  });
});

describe('a site built from the scratch repository (a record corrected, then the incident renamed)', () => {
  let dist: string;
  const page = (path: string) => readFileSync(join(dist, path), 'utf8');
  beforeAll(async () => {
    dist = await buildSite({ project: scratchRepository(true).dir });
  });

  it('shows the change on the record’s card, with the reason, defanged', () => {
    const html = page('incidents/bridge-attack-2019/index.html');
    const card = html.slice(html.indexOf('id="record-attack-1"'), html.indexOf('</li>', html.indexOf('class="change-log"')));
    expect(card).toContain('Changed on <time datetime="2026-11-02T09:30:00Z">2 November 2026</time>: date from 2019-11-29T13:58:00Z to 2019-11-28T13:58:00Z');
    expect(html).toContain('Changed on <time datetime="2026-11-02T09:30:00Z">2 November 2026</time>: title from An attack to A corrected &lt;attack&gt;');
    expect(html).toContain('Correct the attack: the inquest gives the 28th (see hxxps://t[.]me/evil_channel/9)');
    expect(html).not.toContain('https://t.me/evil_channel');
  });

  it('shows the write-up’s corrections at its top, before the text', () => {
    const html = page('incidents/bridge-attack-2019/index.html');
    const at = html.indexOf('class="corrections');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(html.indexOf('Some prose about the incident.'));
    expect(html).toContain('<li><time datetime="2026-11-03">3 November 2026</time>: An earlier version named the wrong bridge.</li>');
  });

  it('lists both changes on /changes/, newest first, linking the record', () => {
    const html = page('changes/index.html');
    expect(html).toContain('(6 changes)');
    const items = [...html.matchAll(/<li id="(change-[0-9a-f]{12}-\d)">([\s\S]*?)<\/li>/g)].map((m) => m[2]!.replace(/<br>/g, '\n').replace(/<[^>]+>/g, ''));
    expect(items.map((item) => item.split('\n')[0])).toEqual([
      '5 November 2026 · Incident The bridge attack: renamed from incident-one to bridge-attack-2019',
      '5 November 2026 · Incident The bridge attack: title from Incident one to The bridge attack',
      '5 November 2026 · Platform Telegram Messenger: name from Telegram to Telegram Messenger',
      '5 November 2026 · Site settings Minimal: version from 1.0.0 to 1.1.0',
      '2 November 2026 · Record A corrected &lt;attack&gt;: date from 2019-11-29T13:58:00Z to 2019-11-28T13:58:00Z',
      '2 November 2026 · Record A corrected &lt;attack&gt;: title from An attack to A corrected &lt;attack&gt;',
    ]);
    expect(html).toContain('href="/incidents/bridge-attack-2019/#record-attack-1"');
    expect(html).toContain('href="/incidents/bridge-attack-2019/"');
  });

  it('serves /changes.xml: RSS that parses, escaped and defanged', () => {
    const xml = page('changes.xml');
    expect(xml).not.toContain('https://t.me/');
    expect(xml).not.toContain('<attack>');
    const feed = new XMLParser().parse(xml);
    const items = [feed.rss.channel.item].flat();
    expect(items.map((i: { title: string }) => i.title).slice(-2)).toEqual(['record attack-1: date from 2019-11-29T13:58:00Z to 2019-11-28T13:58:00Z', 'record attack-1: title from An attack to A corrected <attack>']);
    expect(items[0].title).toBe('incident bridge-attack-2019: renamed from incident-one to bridge-attack-2019');
    expect(items[0].link).toMatch(/^https:\/\/driftwatch\.example\/changes\/#change-[0-9a-f]{12}-1$/);
    expect(items.at(-1).description).toContain('hxxps://t[.]me/evil_channel/9');
  });

  it('writes /CITATION.cff (CFF 1.2.0) and datapackage.json with the version', async () => {
    const { parse } = await import('yaml');
    expect(parse(page('CITATION.cff'))).toEqual({
      'cff-version': '1.2.0',
      message: 'If you use this dataset, please cite it as below.',
      type: 'dataset',
      title: 'Minimal',
      abstract: 'A fixture site with one of everything.',
      authors: [{ 'family-names': 'Doe', 'given-names': 'Jane' }, { name: 'Example Research Group' }],
      version: '1.1.0',
      url: 'https://driftwatch.example/',
      license: 'CC-BY-4.0',
    });
    expect(JSON.parse(page('data/datapackage.json')).version).toBe('1.1.0');
  });

  it('shows the version on the data page, with what it changed', () => {
    const html = page('data/index.html');
    expect(html).toContain('This is version <strong>1.1.0</strong> of the data');
    const changelog = html.slice(html.indexOf('id="changelog-heading"'), html.indexOf('class="cite-this"'));
    expect(changelog).toContain('Version 1.1.0, <time datetime="2026-11-05T12:00:00Z">5 November 2026</time>');
    expect(changelog.match(/<li>/g)).toHaveLength(5); // the rename, the new title, the platform's name, the record's date and title
    expect(changelog).toContain('attack-1</a>: date from 2019-11-29T13:58:00Z to 2019-11-28T13:58:00Z');
    expect(html).toMatch(/Doe, Jane, Example Research Group\. “Minimal data”\. Minimal \(dataset\)\. Version 1\.1\.0\./);
  });

  it('lets each record be cited: stable address, dataset version, access date', () => {
    const html = page('incidents/bridge-attack-2019/index.html');
    const card = html.slice(html.indexOf('id="record-attack-1"'), html.indexOf('id="record-claim-1"'));
    expect(card).toContain('<summary>Cite this record</summary>');
    expect(card).toContain('“A corrected &lt;attack&gt;”. Minimal dataset (dataset). Version 1.1.0. https://driftwatch.example/incidents/bridge-attack-2019/#record-attack-1. Accessed ');
    // BibTeX and CSL-JSON are made in the browser (tests/client/copy.test.ts) from what the page's
    // records share, carried once, and the card's id, title and anchor.
    expect(card).not.toContain('@dataset{');
    const model = JSON.parse(/<script type="application\/json" id="record-cite">([^<]*)<\/script>/.exec(html)![1]!) as RecordCiteModel;
    expect(model).toEqual({ authors: ['Doe, Jane', 'Example Research Group'], container: 'Minimal dataset', type: 'dataset', version: '1.1.0', accessed: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), page: 'https://driftwatch.example/incidents/bridge-attack-2019/' });
    const title = /<h3>([^<]*)<\/h3>/.exec(card)![1]!.replaceAll('&lt;', '<').replaceAll('&gt;', '>');
    expect(bibtex(recordCitation(model, { id: 'attack-1', title }))).toMatch(/^@dataset\{attack-1,\n {2}author = \{\{Doe, Jane\} and \{Example Research Group\}\},\n {2}title = \{\{A corrected <attack>\}\},[\s\S]*version = \{1\.1\.0\},\n {2}url = \{https:\/\/driftwatch\.example\/incidents\/bridge-attack-2019\/#record-attack-1\},\n {2}urldate = \{\d{4}-\d{2}-\d{2}\}/);
    // The dataset's citation, in all three forms, under the write-up's.
    expect(html).toMatch(/<code data-copy-source="the dataset's citation as BibTeX" id="cite-dataset-bibtex">@dataset\{minimal-data,[\s\S]*version = \{1\.1\.0\}/);
  });

  it('shows a platform’s changes on its page', () => {
    expect(page('platforms/telegram/index.html')).toContain('Changed on <time datetime="2026-11-05T12:00:00Z">5 November 2026</time>: name from Telegram to Telegram Messenger');
  });

  it('keeps its old address: a page that sends readers on, with a canonical link and a visible one, and no script', () => {
    const html = page('incidents/incident-one/index.html');
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/incidents/bridge-attack-2019/">');
    expect(html).toContain('<link rel="canonical" href="https://driftwatch.example/incidents/bridge-attack-2019/">');
    expect(html).toContain('It is now at <a href="/incidents/bridge-attack-2019/">The bridge attack</a>.');
    expect(html).not.toMatch(/<script|<style|style=/);
  });

  it('writes _redirects for Netlify and Cloudflare Pages', () => {
    expect(page('_redirects')).toContain('/incidents/incident-one/ /incidents/bridge-attack-2019/ 301\n/incidents/incident-one /incidents/bridge-attack-2019/ 301\n');
  });
});

describe('the shipped GitHub Pages workflow', () => {
  it('checks out the whole history, which the corrections log is read from', async () => {
    const { parse } = await import('yaml');
    const { REPO } = await import('../helpers/fixture.ts');
    const workflow = parse(readFileSync(join(REPO, '.github/workflows/deploy.yml'), 'utf8'));
    const steps = Object.values(workflow.jobs as Record<string, { steps?: Array<{ uses?: string; with?: Record<string, unknown> }> }>).flatMap((job) => job.steps ?? []);
    const checkouts = steps.filter((step) => step.uses?.startsWith('actions/checkout'));
    expect(checkouts.length).toBeGreaterThan(0);
    for (const step of checkouts) expect(step.with?.['fetch-depth']).toBe(0);
  });
});
