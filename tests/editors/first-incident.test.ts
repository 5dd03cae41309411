/**
 * A new editor's first incident, replayed from the scaffolds to a published page: the Vienna
 * shooting of 2 November 2020, claimed through Amaq the next day. Three sources (one added twice),
 * three records, a write-up with citations and a chart, and the usual mistakes on the way, each of
 * which the check must name at its line (issue 19). Then the build, in a project of its own.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/check/validate.ts';
import { runCheck } from '../../src/commands/check.ts';
import { runNew } from '../../src/commands/new.ts';
import { buildSite } from '../helpers/build.ts';
import { fixture, REPO, removeFixture } from '../helpers/fixture.ts';

const SLUG = 'vienna-shooting';
const WRITEUP = `content/incidents/${SLUG}.mdx`;
const RECORDS = `data/records/${SLUG}.yaml`;
const GUARDIAN = 'https://www.theguardian.com/world/2020/nov/03/vienna-attack-gunman';

let project: string;
const path = (file: string) => join(project, file);
const read = (file: string) => readFileSync(path(file), 'utf8');
const edit = (file: string, change: (text: string) => string) => writeFileSync(path(file), change(read(file)));
/** Replaces `search` (which must be there) in `file`. */
const fill = (file: string, search: string | RegExp, value: string) =>
  edit(file, (text) => {
    expect(text, `${file}: ${String(search)}`).toMatch(search);
    return text.replace(search, value);
  });

/** `npm run new -- …` in the project: its status and what it printed. */
function scaffold(...argv: string[]): { status: number; out: string } {
  const lines: string[] = [];
  const status = runNew(argv, project, (line) => lines.push(line));
  return { status, out: lines.join('\n') };
}

/** `npm run check -- --root <project>`: its status and its lines. */
function check(): { status: number; lines: string[] } {
  let text = '';
  const status = runCheck(['--root', project], (t) => (text += t));
  return { status, lines: text.trim().split('\n') };
}
const lineOf = (lines: string[], rule: string) => lines.filter((line) => line.endsWith(`  ${rule}`));

beforeAll(() => {
  project = fixture('minimal');
});
afterAll(() => removeFixture(project));

describe('a first incident, from the scaffolds to a published page', () => {
  it('1. the scaffolds write what they were given, leave TODO for the rest, and never invent a slug', () => {
    expect(scaffold('incident', 'Vienna shooting', '--date', '2020-11-02').status).toBe(0);
    const again = scaffold('incident', 'Vienna shooting');
    expect(again.status).toBe(2);
    expect(again.out).toContain('--slug vienna-shooting-');

    expect(scaffold('source', GUARDIAN).out).toContain('added source "theguardian-2020-11-03" to data/sources.yaml (published 2020-11-03, from the URL)');
    expect(scaffold('source', 'https://www.bbc.com/news/world-europe-54788574', '--date', '2020-11-03').out).toContain('added source "bbc-2020-11-03"');
    expect(scaffold('source', 'https://www.derstandard.at/story/2000121500000/terror-in-wien').out).toContain('(no date in the URL: fill in "published", or give --date)');
    // The Guardian's article again, as a share link: a second source of one document.
    expect(scaffold('source', 'http://theguardian.com/world/2020/nov/03/vienna-attack-gunman/?utm_source=twitter').status).toBe(0);

    expect(scaffold('actor', 'Vienna police').out).toContain('added actor "vienna-police" to data/actors.yaml');
    expect(scaffold('record', 'attack', '--incident', SLUG, '--date', '2020-11-02T20:00:00+01:00').out).toContain(`added attack "attack-2020-11-02" to ${RECORDS} under incident "${SLUG}"`);
    expect(scaffold('record', 'claim', '--incident', SLUG, '--date', '2020-11-03').status).toBe(0);
    // The statement without --incident, as a new editor would: its incidents stay TODO.
    expect(scaffold('record', 'statement', '--date', '2020-11-02', '--file', RECORDS).out).toContain('no --incident');

    const { status, lines } = check();
    expect(status).toBe(0); // a draft's placeholders are warnings
    const unfilled = lineOf(lines, 'unfilled');
    expect(unfilled).toContain(`${WRITEUP}:6:10  warning  fill in "summary" (still TODO) before the incident is published  unfilled`);
    expect(unfilled.some((line) => line.startsWith('data/sources.yaml:') && line.includes('fill in "published"'))).toBe(true);
    expect(read(RECORDS)).toContain("date: '2020-11-02T20:00:00+01:00'");
  });

  it('2. the editor fills in the facts and writes the account, with the usual mistakes', () => {
    // Sources: titles, publishers, kinds, archive copies; the one without a date gets it.
    let sources = read('data/sources.yaml');
    const facts: [string, string, string][] = [
      ['theguardian-2020-11-03', 'Vienna attack: gunman was a convicted IS supporter', 'The Guardian'],
      ['bbc-2020-11-03', 'Vienna shooting: gunman was a convicted jihadist', 'BBC News'],
      ['derstandard', 'Terror in Wien', 'Der Standard'],
      ['theguardian-2020-11-03-2', 'Vienna attack (shared link)', 'The Guardian'],
    ];
    for (const [id, title, publisher] of facts) {
      const start = sources.indexOf(`- id: ${id}\n`);
      expect(start, id).toBeGreaterThanOrEqual(0);
      const end = sources.indexOf('\n- id:', start + 1) < 0 ? sources.length : sources.indexOf('\n- id:', start + 1);
      const entry = sources
        .slice(start, end)
        .replace('title: TODO', `title: '${title}'`)
        .replace('publisher: TODO', `publisher: ${publisher}`)
        .replace(/kind: "TODO[^"]*"/, 'kind: news')
        .replace(/reliability: "TODO[^"]*"/, 'reliability: secondary')
        .replace(/archived: "TODO[^"]*"/, `archived: https://archive.example/${id}`)
        .replace(/published: "TODO[^"]*"/, "published: '2020-11-02'");
      sources = sources.slice(0, start) + entry + sources.slice(end);
    }
    writeFileSync(path('data/sources.yaml'), sources);
    fill('data/actors.yaml', /kind: "TODO[^"]*"/, 'kind: government-agency');

    // Records: what each says, and its sources.
    let records = read(RECORDS);
    records = records
      .replace('title: TODO', 'title: Shooting in the city centre of Vienna')
      .replace('    - "TODO: a source id"', '    - bbc-2020-11-03\n    - derstandard')
      .replace('place: TODO', 'place: Vienna')
      .replace('country: TODO', 'country: AT')
      .replace('title: TODO', 'title: The Islamic State claims the attack through Amaq')
      .replace('    - "TODO: a source id"', '    - theguardian-2020-11-03')
      .replace('attack: TODO', 'attack: attack-2020-11-02')
      .replace('claimant: TODO', 'claimant: islamic-state')
      .replace(/mode: "TODO[^"]*"/, 'mode: posted-online')
      .replace(/status: "TODO[^"]*"/, 'status: claimed')
      .replace('title: TODO', 'title: The police call the attack an act of terrorism')
      .replace('    - "TODO: a source id"', '    - bbc-2020-11-03')
      .replace('actor: TODO', 'actor: vienna-police')
      // The statement's incidents: the editor deletes the TODO line instead of naming the incident.
      .replace('  incidents:\n    - "TODO: the incident slug, or delete this line"\n', '');
    expect(records).not.toContain('TODO');
    writeFileSync(path(RECORDS), records);

    // The write-up: a summary, citations, a chart that the page does not draw by itself; a stray
    // brace, and a link to the Amaq channel written without https://.
    fill(WRITEUP, /summary: "TODO[^"]*"/, 'summary: A gunman killed four people in the centre of Vienna on the evening of 2 November 2020; the Islamic State claimed the attack through Amaq the next day.');
    edit(WRITEUP, (text) =>
      text.replace(/## What happened[\s\S]*$/, `## What happened

On the evening of 2 November 2020 a gunman opened fire in the centre of Vienna <Cite id="bbc-2020-11-03" /> <Cite id="derstandard" /> (<Record id="attack-2020-11-02" />).
The police called it an act of terrorism that night (<Record id="statement-2020-11-02" />).

## The claim

The next day the Islamic State claimed it through Amaq <Cite id="theguardian-2020-11-03" /> (<Record id="claim-2020-11-03" />), on a channel {the editor notes here.
Its address was [the Amaq channel](t.me/amaq_agency).

<Timeline kinds={["attack", "claim"]} title="The attack and its claim" />
`),
    );
    const { lines } = check();
    const at = (rule: string) => lineOf(lines, rule);
    // The stray brace: which character, what to write, at its line; and the rest of the file is still read.
    expect(at('syntax')).toEqual([`${WRITEUP}:21:142  error  "{" is never closed: in MDX a brace starts code; to print a brace, write \\{ (and \\} for a closing one)  syntax`]);
    expect(at('bad-url')).toEqual([`${WRITEUP}:22:36  error  link to "t.me/amaq_agency": its domain is on the defang list, so the site never links to it (as written it is also a broken page of this site); use <Defang>…</Defang> or plain text  bad-url`]);
    expect(lines.join('\n')).not.toContain('write the whole address');
    // The statement the text names but that does not list the incident: at the MDX line.
    expect(at('record-not-in-incident')).toEqual([
      `${WRITEUP}:17:62  warning  <Record>: record "statement-2020-11-02" does not list "${SLUG}" under "incidents", so this incident's page, charts and record list leave it out; add "${SLUG}" to its incidents (${RECORDS}:27:7)  record-not-in-incident`,
    ]);
    // The same document added twice: both named.
    expect(at('duplicate-url')).toEqual([
      'data/sources.yaml:51:8  warning  source "theguardian-2020-11-03-2" has the address of source "theguardian-2020-11-03" (data/sources.yaml:21:8): one document, one source; cite "theguardian-2020-11-03" and delete this one  duplicate-url',
    ]);
  });

  it('3. published too early: every placeholder left is an error, and a missing published: date a warning', () => {
    fill(WRITEUP, 'status: draft', 'status: published');
    const { status, lines } = check();
    expect(status).toBe(1);
    expect(lineOf(lines, 'unfilled-published')).toEqual([
      `${WRITEUP}:8:17  error  fill in "contentWarning" (still TODO): this incident is published, and its page would show the placeholder (or set status: draft)  unfilled-published`,
    ]);
    expect(lineOf(lines, 'missing-published')).toEqual([
      `${WRITEUP}:7:9  warning  incident "${SLUG}" is published with no "published:" date, so its feed item is dated by the event; add published: 'YYYY-MM-DD', the day it goes out  missing-published`,
    ]);
  });

  it('4. fixed as the messages say: no errors, and a record under no incident is told once', () => {
    fill(WRITEUP, /contentWarning: "TODO[^"]*"/, "contentWarning: This write-up describes a shooting in which four people were killed.\npublished: '2020-11-10'");
    fill(WRITEUP, '{the editor', '\\{the editor');
    fill(WRITEUP, '[the Amaq channel](t.me/amaq_agency)', '<Defang>https://t.me/amaq_agency</Defang>');
    fill(RECORDS, '  actor: vienna-police\n', `  actor: vienna-police\n  incidents:\n    - ${SLUG}\n`);
    // The duplicate goes; a takedown that belongs to no incident stays, and is told once.
    edit('data/sources.yaml', (text) => text.slice(0, text.indexOf('- id: theguardian-2020-11-03-2')).trimEnd() + '\n');
    edit('data/records/main.yaml', (text) => text.replace('- id: claim-1', '- id: takedown-2\n  kind: takedown\n  date: 2020-11-04\n  title: Channels removed\n  platform: telegram\n  initiator: platform\n  outcome: removed\n  sources: [news-1]\n- id: claim-1'));
    const { status, lines } = check();
    expect(lines.filter((line) => line.includes('  error  '))).toEqual([]);
    expect(status).toBe(0);
    expect(lineOf(lines, 'unlisted-records')).toHaveLength(1);
    expect(lineOf(lines, 'unlisted-records')[0]).toMatch(/^data\/records\/main\.yaml:\d+:7  warning  1 record lists no incident and no write-up names it, .*: takedown-2; /);
    expect(lines.at(-1)).toMatch(/^0 errors, \d+ warnings?$/);
    expect(checkProject(project).data.incidents.find((i) => i.id === SLUG)).toMatchObject({ status: 'published', published: '2020-11-10' });
  });
});

describe('the published page', () => {
  let page = '';
  beforeAll(async () => {
    const dist = await buildSite({ project });
    page = readFileSync(join(dist, 'incidents', SLUG, 'index.html'), 'utf8');
  }, 600_000);

  it('keeps every record the write-up names, and shows a time with its offset and in UTC', () => {
    for (const id of ['attack-2020-11-02', 'claim-2020-11-03', 'statement-2020-11-02']) expect(page).toContain(id);
    expect(page).toContain('2 November 2020, 20:00 +01:00 (19:00 UTC)');
  });

  it('lists the statement of that day after the attack that evening, not ahead of it', () => {
    const list = page.slice(page.indexOf('id="records-heading"'));
    const [attack, statement, claim] = ['attack-2020-11-02', 'statement-2020-11-02', 'claim-2020-11-03'].map((id) => list.indexOf(id));
    expect(attack).toBeGreaterThanOrEqual(0);
    expect(attack).toBeLessThan(statement!);
    expect(statement).toBeLessThan(claim!);
  });

  it('draws the write-up\'s chart and the page\'s own, each once; the Amaq channel as defanged text', () => {
    expect(page.split('The attack and its claim').length - 1).toBeGreaterThanOrEqual(1);
    expect(page).toContain('hxxps://t[.]me/amaq_agency');
    expect(page).not.toContain('href="https://t.me');
  });
});

describe('the guide', () => {
  const guide = readFileSync(join(REPO, 'content/pages/guide.mdx'), 'utf8');
  it.each(['## Add an actor or a platform', '## Charts an incident page draws', '### Times and offsets', '## Rename an id', '--incident', '--file'])('has %s', (text) => {
    expect(guide).toContain(text);
  });
});
