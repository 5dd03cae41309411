/**
 * Every rule of DATA-MODEL.md's "What npm run check rejects" list, triggered by one edit to the
 * minimal fixture site, with the exact line the editor sees (message and file:line:col).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/data/problems.ts';
import { RESERVED_PAGE_NAMES } from '../../src/check/project-files.ts';
import { checkProject } from '../../src/check/validate.ts';
import { citedSources } from '../../src/data/mdx-scan.ts';
import { fixture, removeFixture, replaceOnce, type Edit } from '../helpers/fixture.ts';

const made: string[] = [];
afterAll(() => made.forEach(removeFixture));

function problemsAfter(edits: Record<string, Edit>): string[] {
  const dir = fixture('minimal', edits);
  made.push(dir);
  return checkProject(dir).problems.map(formatProblem);
}

const RECORDS = 'data/records/main.yaml';

describe('reserved page names', () => {
  it('are every top-level address of src/pages/, and the folders a build writes', () => {
    const routes = readdirSync(join(process.cwd(), 'src/pages')).map((name) => name.replace(/\.(astro|ts)$/, '')).filter((name) => !name.startsWith('['));
    expect([...RESERVED_PAGE_NAMES].sort()).toEqual([...routes, '_astro', 'pagefind'].sort());
  });
});

describe('the minimal fixture', () => {
  it('has no problems', () => {
    expect(problemsAfter({})).toEqual([]);
  });

  it('reads a YAML merge key (<<: *anchor) as the fields it shares, in both YAML readers', () => {
    const shared = '- &base\n  id: base-one\n  name: Base\n  kind: messenger\n- <<: *base\n  id: base-two\n  name: Base two\n';
    const dir = fixture('minimal', { 'data/platforms.yaml': (text) => text + shared });
    made.push(dir);
    const { problems, data } = checkProject(dir);
    expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    expect(data.platforms.find((p) => p.id === 'base-two')).toMatchObject({ name: 'Base two', kind: 'messenger' });
    // Text the fast reader leaves to the one with positions (`0b…`, which the two read differently): the same.
    const slow = fixture('minimal', { 'data/platforms.yaml': (text) => `${text + shared}  notes: build 0b101\n` });
    made.push(slow);
    const second = checkProject(slow);
    expect(second.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    expect(second.data.platforms.find((p) => p.id === 'base-two')).toMatchObject({ kind: 'messenger', notes: 'build 0b101' });
  });

  it('hands the site each write-up’s citations, in order of first use, as a full MDX parse reads them', () => {
    // The bundled case study: the minimal fixture cites nothing in its prose.
    const { incidents } = checkProject(process.cwd()).data;
    expect(incidents.length).toBeGreaterThan(0);
    for (const incident of incidents) {
      expect(incident.citations.length).toBeGreaterThan(0);
      expect(incident.citations).toEqual(citedSources(incident.body));
    }
  });
});

describe('errors', () => {
  const cases: [string, Record<string, Edit>, string[]][] = [
    [
      'YAML syntax',
      { 'data/platforms.yaml': replaceOnce('  kind: messenger\n- id: tamtam', '  kind: [messenger\n- id: tamtam') },
      ['data/platforms.yaml:4:1  error  YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]  syntax'],
    ],
    [
      'frontmatter syntax, at the real line of the MDX file',
      { 'content/incidents/incident-one.mdx': replaceOnce("date: '2019-11-29'", "date: '2019-11-29\nfoo: [") },
      // At the quote left open, not where the parser gave up.
      ["content/incidents/incident-one.mdx:3:7  error  YAML syntax: Missing closing 'quote  syntax"],
    ],
    [
      'a year left unquoted, which YAML reads as a number',
      { [RECORDS]: replaceOnce("  date: '2019-11-30'", '  date: 2019') },
      ["data/records/main.yaml:11:9  error  \"date\" must be text, not 2019: write it in quotes ('2019')  wrong-type"],
    ],
    [
      'a missing field',
      { [RECORDS]: replaceOnce('  platform: telegram\n  initiator', '  initiator') },
      ['data/records/main.yaml:26:3  error  missing required field "platform"  missing-field'],
    ],
    [
      'a mistyped field',
      { [RECORDS]: replaceOnce('killed: 2', 'killed: two') },
      ['data/records/main.yaml:6:11  error  "killed" must be a number, not "two"  wrong-type'],
    ],
    [
      'a value outside its list, with a hint',
      { [RECORDS]: replaceOnce('mode: posted-online', 'mode: posted-onlin') },
      ['data/records/main.yaml:17:9  error  "mode" has "posted-onlin", which is not one of: letter, call, email, note, video, posted-online, personal, other, unknown (did you mean "posted-online"?)  invalid-value'],
    ],
    [
      'an unknown record kind',
      { [RECORDS]: replaceOnce('kind: migration', 'kind: migraton') },
      ['data/records/main.yaml:36:9  error  "kind" has "migraton", which is not one of: attack, claim, takedown, migration, statement (did you mean "migration"?)  invalid-value'],
    ],
    [
      'a bad EDTF date',
      { [RECORDS]: replaceOnce("date: '2019-11-30'", "date: '2019-11-31'") },
      ['data/records/main.yaml:11:9  error  "date": "2019-11-31" is not a day of the calendar  bad-date'],
    ],
    [
      'an interval that ends before it starts',
      { [RECORDS]: replaceOnce("'2019-11-21/2019-11-22'", "'2019-11-22/2019-11-21'") },
      ['data/records/main.yaml:28:9  error  "date": interval "2019-11-22/2019-11-21" ends before it starts  interval-order'],
    ],
    [
      'a duplicate id within a file',
      { [RECORDS]: replaceOnce('id: takedown-1', 'id: claim-1') },
      [
        'data/records/main.yaml:26:7  error  duplicate record id "claim-1" (first defined at data/records/main.yaml:9:7)  duplicate-id',
        'data/records/main.yaml:42:12  error  unknown record "takedown-1"  unknown-ref',
      ],
    ],
    [
      'a duplicate id across YAML and CSV record files',
      { 'data/records/statements.csv': replaceOnce('statement-1', 'attack-1') },
      ['data/records/statements.csv:2:1  error  duplicate record id "attack-1" (first defined at data/records/main.yaml:1:7)  duplicate-id'],
    ],
    [
      'an unknown platform',
      { [RECORDS]: replaceOnce('platforms: [telegram]', 'platforms: [telegrm]') },
      ['data/records/main.yaml:16:15  error  unknown platform "telegrm" (did you mean "telegram"?)  unknown-ref'],
    ],
    [
      'an unknown actor',
      { 'data/actors.yaml': replaceOnce('parent: islamic-state', 'parent: islamic-stat') },
      ['data/actors.yaml:8:11  error  unknown actor "islamic-stat" (did you mean "islamic-state"?)  unknown-ref'],
    ],
    [
      'an unknown source',
      { [RECORDS]: replaceOnce('sources: [news-1, post-1]', 'sources: [news-1, post-2]') },
      [
        'data/records/main.yaml:19:21  error  unknown source "post-2" (did you mean "post-1"?)  unknown-ref',
        'data/sources.yaml:8:7  warning  source "post-1" is not cited by any record or incident  unused-source',
      ],
    ],
    [
      'an unknown record',
      { [RECORDS]: replaceOnce('attack: attack-1', 'attack: attack-2') },
      ['data/records/main.yaml:13:11  error  unknown record "attack-2" (did you mean "attack-1"?)  unknown-ref'],
    ],
    [
      'an unknown incident',
      { [RECORDS]: replaceOnce('  sources: [news-1]\n  incidents: [incident-one]', '  sources: [news-1]\n  incidents: [incident-on]') },
      ['data/records/main.yaml:8:15  error  unknown incident "incident-on" (did you mean "incident-one"?)  unknown-ref'],
    ],
    [
      'an unknown platform in a CSV file, at its cell',
      { 'data/records/statements.csv': replaceOnce(',tamtam,', ',tamtm,') },
      ['data/records/statements.csv:2:51  error  unknown platform "tamtm" (did you mean "tamtam"?)  unknown-ref'],
    ],
    [
      'a claim dated before the attack it claims',
      { [RECORDS]: replaceOnce("date: '2019-11-30'\n  title: A claim", "date: '2019-11-28'\n  title: A claim") },
      ['data/records/main.yaml:11:9  error  claim dated 2019-11-28 is before the attack it claims ("attack-1", 2019-11-29T13:58:00Z)  claim-before-attack'],
    ],
    [
      'a claim dated before the attack, with another error in the same claim: both in one run',
      { [RECORDS]: (text) => text.replace("date: '2019-11-30'\n  title: A claim", "date: '2019-11-28'\n  title: A claim").replace('status: claimed', 'status: claimd') },
      [
        'data/records/main.yaml:18:11  error  "status" has "claimd", which is not one of: claimed, competing, disputed, retracted (did you mean "claimed"?)  invalid-value',
        'data/records/main.yaml:11:9  error  claim dated 2019-11-28 is before the attack it claims ("attack-1", 2019-11-29T13:58:00Z)  claim-before-attack',
      ],
    ],
    [
      'a migration whose from equals its to',
      { [RECORDS]: replaceOnce('to: tamtam', 'to: telegram') },
      ['data/records/main.yaml:41:7  error  migration goes from "telegram" to itself: "from" and "to" must differ  migration-same-platform'],
    ],
    [
      'an id that is not kebab-case',
      { 'data/actors.yaml': replaceOnce('id: amaq', 'id: Amaq_Agency') },
      [
        'data/actors.yaml:5:7  error  "id" must be lower-case kebab-case (a-z, 0-9 and single hyphens)  bad-id',
        // The old id is gone, so what pointed at it is reported too.
        'data/records/main.yaml:15:11  error  unknown actor "amaq"  unknown-ref',
        'data/records/statements.csv:2:46  error  unknown actor "amaq"  unknown-ref',
      ],
    ],
    [
      'a javascript: URL',
      { 'data/sources.yaml': replaceOnce('url: https://news.example/report', 'url: javascript:alert(1)') },
      ['data/sources.yaml:6:8  error  "url" must be an absolute http: or https: URL  bad-url'],
    ],
    [
      'a URL no reader can follow (localhost)',
      { 'data/sources.yaml': replaceOnce('url: https://news.example/report', 'url: http://localhost/report') },
      ['data/sources.yaml:6:8  error  "url" must be an address on the web: "localhost" is not a public host  bad-url'],
    ],
    [
      'an unknown (misspelt) field',
      { [RECORDS]: replaceOnce('  killed: 2', '  kiled: 2') },
      ['data/records/main.yaml:6:3  error  unknown field "kiled" (did you mean "killed"?)  unknown-field'],
    ],
    [
      'a record without sources',
      { [RECORDS]: replaceOnce('  sources: [news-1]\n  incidents: [incident-one]', '  sources: []\n  incidents: [incident-one]') },
      ['data/records/main.yaml:7:12  error  "sources" needs at least one source: a fact nobody published is not a fact here  no-sources'],
    ],
    [
      'a disputed field the record does not have',
      { [RECORDS]: replaceOnce('    - field: date', '    - field: dat') },
      ['data/records/main.yaml:22:14  error  a claim has no field "dat" to dispute (did you mean "date"?)  unknown-field'],
    ],
    [
      'a disputed value outside its field’s list, of the wrong type or naming an unknown id',
      {
        [RECORDS]: replaceOnce(
          '      note: One report gives a later day.\n',
          '      note: One report gives a later day.\n    - field: status\n      value: confirmed\n      sources: [news-1]\n    - field: platforms\n      value: [tamtm]\n      sources: [news-1]\n    - field: attack\n      value: 42\n      sources: [news-1]\n    - field: mode\n      value: video\n      sources: [news-1]\n',
        ),
      },
      [
        'data/records/main.yaml:27:14  error  disputed value: "status" has "confirmed", which is not one of: claimed, competing, disputed, retracted  invalid-value',
        "data/records/main.yaml:33:14  error  disputed value: \"attack\" must be text, not 42: write it in quotes ('42')  wrong-type",
        'data/records/main.yaml:30:15  error  disputed value: unknown platform "tamtm" (did you mean "tamtam"?)  unknown-ref',
      ],
    ],
    [
      'CSV syntax',
      { 'data/records/statements.csv': replaceOnce(',tamtam,', ',"tamtam,') },
      ['data/records/statements.csv:2:51  error  CSV syntax: a quoted field is never closed  syntax'],
    ],
    [
      'a CSV row with more cells than the header (an unquoted comma): once, not as the errors of the cells it shifts',
      { 'data/records/statements.csv': (text) => `${text.replace('A statement,amaq', 'A statement, said twice,amaq')}\n,,,\n` },
      ['data/records/statements.csv:2:70  error  this row has 8 cells and the header 7 columns: put a cell that holds a comma in double quotes ("Removed, per TamTam")  csv-columns'],
    ],
    [
      'disputes in a CSV cell that are not valid JSON',
      { 'data/records/statements.csv': (text) => text.replace('platform,sources', 'platform,sources,disputed').replace('tamtam,news-1', "tamtam,news-1,\"[{'field': 'date'}]\"") },
      ['data/records/statements.csv:2:65  error  "disputed" is not valid JSON: Expected property name or \'}\' in JSON at position 2 (line 1 column 3) (write it as [{"field": "date", "value": "…", "sources": ["…"]}], with double quotes)  syntax'],
    ],
    [
      'a CSV column named twice',
      { 'data/records/statements.csv': (text) => text.replace('platform,sources', 'platform,sources,actor').replace('tamtam,news-1', 'tamtam,news-1,amaq') },
      ['data/records/statements.csv:1:43  error  column "actor" is in the header twice: the second would overwrite the first  csv-columns'],
    ],
    [
      'a free page named like an address of the site, or not as a slug',
      { 'content/pages/sources.mdx': '---\ntitle: Sources\n---\n', 'content/pages/My Page.mdx': '---\ntitle: Mine\n---\n' },
      [
        'content/pages/My Page.mdx:1:1  error  file name "My Page.mdx" must be a lower-case kebab-case slug: it is the page\'s URL  bad-id',
        'content/pages/sources.mdx:1:1  error  /sources/ is an address the site itself uses: give the page another file name  bad-id',
      ],
    ],
    [
      'a country code that is not ISO 3166-1 (UK is GB), an update that is not one day',
      {
        [RECORDS]: replaceOnce('{place: London, country: GB}', '{place: London, country: UK}'),
        'content/incidents/incident-one.mdx': replaceOnce("date: '2019-11-29'", "date: '2019-11-29'\nupdated: '2019-12'"),
      },
      [
        'data/records/main.yaml:5:38  error  "location.country": "UK" is not an ISO 3166-1 alpha-2 code (did you mean "GB"?)  invalid-format',
        'content/incidents/incident-one.mdx:4:10  error  "updated": "2019-12" is not one day: write the day, e.g. 2019-12-04  bad-date',
      ],
    ],
    [
      'a latitude past 90, a site language that is not a language tag',
      {
        [RECORDS]: replaceOnce('{place: London, country: GB}', '{place: London, country: GB, lat: 151.2, lon: -0.09}'),
        'data/site.yaml': (text) => `${text}language: english\n`,
      },
      [
        'data/site.yaml:5:11  error  "language" must be a BCP 47 language tag, e.g. en  invalid-format',
        'data/records/main.yaml:5:47  error  "location.lat" must be at most 90, not 151.2  out-of-range',
      ],
    ],
    [
      'an alias mapping without its lang: the field it misses, not "not of a form this field takes"',
      { 'data/actors.yaml': replaceOnce('{name: الدولة الإسلامية, lang: ar}', '{name: الدولة الإسلامية}') },
      ['data/actors.yaml:4:19  error  missing required field "aliases[1].lang"  missing-field'],
    ],
    [
      'a claim before its attack with a TODO elsewhere, and a claim of a record with no kind: the rule, and no "an undefined"',
      {
        [RECORDS]: (text) =>
          text
            .replace("date: '2019-11-30'\n  title: A claim", "date: '2019-11-28'\n  title: A claim\n  notes: TODO")
            .replace('kind: takedown', 'kin: takedown'),
      },
      [
        'data/records/main.yaml:27:3  error  missing required field "kind"  missing-field',
        'data/records/main.yaml:13:10  warning  fill in "notes" (still TODO); until then this entry is left out of the site  unfilled',
        'data/records/main.yaml:11:9  error  claim dated 2019-11-28 is before the attack it claims ("attack-1", 2019-11-29T13:58:00Z)  claim-before-attack',
      ],
    ],
    [
      'an actor whose ancestors run into a cycle it is not part of: the cycle is told, not the actor',
      { 'data/actors.yaml': (text) => `${text.replace('  kind: armed-group\n', '  kind: armed-group\n  parent: amaq\n')}- id: cell\n  name: A cell\n  kind: armed-group\n  parent: amaq\n` },
      [
        'data/actors.yaml:4:11  error  "parent" leads back to "islamic-state" (islamic-state → amaq → islamic-state): a parent organisation cannot be its own descendant  invalid',
        'data/actors.yaml:9:11  error  "parent" leads back to "amaq" (amaq → islamic-state → amaq): a parent organisation cannot be its own descendant  invalid',
      ],
    ],
    [
      'an actor that is its own parent, or its own grandparent',
      { 'data/actors.yaml': (text) => text.replace('  kind: armed-group\n', '  kind: armed-group\n  parent: amaq\n') },
      [
        'data/actors.yaml:4:11  error  "parent" leads back to "islamic-state" (islamic-state → amaq → islamic-state): a parent organisation cannot be its own descendant  invalid',
        'data/actors.yaml:9:11  error  "parent" leads back to "amaq" (amaq → islamic-state → amaq): a parent organisation cannot be its own descendant  invalid',
      ],
    ],
    [
      'a frontmatter value outside its list',
      { 'content/incidents/incident-one.mdx': replaceOnce("date: '2019-11-29'", "date: 2019-11-29\nstatus: publish") },
      ['content/incidents/incident-one.mdx:4:9  error  "status" has "publish", which is not one of: published, draft (did you mean "published"?)  invalid-value'],
    ],
  ];

  const WRITEUP = 'content/incidents/incident-one.mdx';
  cases.push(
    [
      'a javascript: link in a write-up',
      { [WRITEUP]: (text) => `${text}\nA [bad](javascript:alert(1)) link.\n` },
      ['content/incidents/incident-one.mdx:10:9  error  link to "javascript:alert(1": write-ups may link to http(s) and mailto addresses, and to pages of the site  bad-url'],
    ],
    [
      'a link whose host holds a backslash or an encoded tab (a dead link, and a host filters misread)',
      { [WRITEUP]: (text) => `${text}\nSee [a](https://t.me\\chan) and [b](https://t.me%09/x), not [c](https://news.example/a%20b) or [d](https://en.wikipedia.org/wiki/Amaq_\\(agency\\)).\n` },
      [
        'content/incidents/incident-one.mdx:10:9  error  link to "https://t.me\\chan" is not a valid address: check it for a backslash or a stray character  bad-url',
        'content/incidents/incident-one.mdx:10:36  error  link to "https://t.me%09/x" is not a valid address: check it for a backslash or a stray character  bad-url',
      ],
    ],
    [
      'HTML that could run code or break the CSP, in a write-up',
      { [WRITEUP]: (text) => `${text}\n<script>alert(1)</script>\n\n<span onclick="x()">s</span>\n\n<a href="data:text/html,x">d</a>\n` },
      [
        "content/incidents/incident-one.mdx:10:1  error  <script> is not allowed in a write-up (it could run code, load from another server or break the site's security policy); use Markdown or the write-up components  unsafe-html",
        "content/incidents/incident-one.mdx:12:7  error  <span onclick> is not allowed: event handlers and inline styles do not run under the site's security policy, and data is never code  unsafe-html",
        'content/incidents/incident-one.mdx:14:4  error  <a href="data:text/html,x"> is not an http(s) or mailto link  bad-url',
      ],
    ],
    [
      'a link to a host written without https://, which would be a broken path on this site',
      { [WRITEUP]: (text) => `${text}\nSee [the channel](t.me/nolink) and [a page](about/), [a file](/data/records.csv), [a report](report.pdf), [the team](about.html#team).\n` },
      ['content/incidents/incident-one.mdx:10:19  error  link to "t.me/nolink" has no https://: as written it is a page of this site; write the whole address  bad-url'],
    ],
    [
      'a scheme-less link to another server, and an image from one',
      { [WRITEUP]: (text) => `${text}\nA [x](//t.me/chan) and ![pic](https://evil.example/p.png), but ![ok](/local.png).\n` },
      [
        'content/incidents/incident-one.mdx:10:7  error  link to "//t.me/chan": write-ups may link to http(s) and mailto addresses, and to pages of the site  bad-url',
        'content/incidents/incident-one.mdx:10:31  error  image from another server ("https://evil.example/p.png"): readers\' browsers would fetch it from there; put the file in public/ and link it as /name.png  unsafe-html',
      ],
    ],
    [
      'code in a write-up: import, an expression, a prop computed, a spread (MDX would run it at build time)',
      { [WRITEUP]: (text) => `${text}\nimport { who } from './helper.js'\n\nBy {process.env.HOME}, {/* a comment is fine */} and <Cite id={someVar} /> <Record {...props} />.\n` },
      [
        'content/incidents/incident-one.mdx:10:1  error  `import` and `export` are not allowed in a write-up: it is text, and the components (<Cite>, <Record>, …) need no import  mdx-code',
        'content/incidents/incident-one.mdx:12:4  error  braces `{…}` hold code in MDX, which write-ups may not run; to print a brace, write `\\{` (comments `{/* … */}` are fine)  mdx-code',
        'content/incidents/incident-one.mdx:12:60  error  <Cite id={…}>: a prop\'s value is text in quotes (id="…") or JSON (id={["a", "b"]}), never code  mdx-code',
        'content/incidents/incident-one.mdx:12:84  error  <Record {…}>: spread props are code; write each prop as name="text"  mdx-code',
        'content/incidents/incident-one.mdx:12:76  error  <Record>: missing required prop "id"  missing-field',
      ],
    ],
    [
      'a <Defang> with nothing to show (it stopped the build)',
      { [WRITEUP]: (text) => `${text}\nSee <Defang /> and <Defang></Defang>, not <Defang url="https://t.me/x" />.\n` },
      [
        'content/incidents/incident-one.mdx:10:5  error  <Defang> shows nothing: give the address as url="…" or between the tags, <Defang>https://…</Defang>  missing-field',
        'content/incidents/incident-one.mdx:10:20  error  <Defang> shows nothing: give the address as url="…" or between the tags, <Defang>https://…</Defang>  missing-field',
      ],
    ],
    [
      'a < meant as text, and a <br> left open: with how to write each',
      { [WRITEUP]: (text) => `${text}\nScores of 3<4.\n`, 'content/pages/about.mdx': (text) => `${text}\n\nA line<br>break.\n` },
      [
        'content/incidents/incident-one.mdx:10:12  error  MDX syntax: Unexpected character `4` (U+0034) before name, expected a character that can start a name, such as a letter, `$`, or `_`; to print `<`, write `\\<` (or `&lt;`)  syntax',
        'content/pages/about.mdx:8:7  error  MDX syntax: Expected a closing tag for `<br>` (8:7-8:11) before the end of `paragraph`; in MDX an element with no content closes itself: write <br />  syntax',
      ],
    ],
    [
      'a <FieldReference> table that does not exist (it rendered nothing)',
      { 'content/pages/about.mdx': (text) => `${text}\n\n<FieldReference only="record-attack" />\n` },
      ['content/pages/about.mdx:8:17  error  <FieldReference>: "only" has "record-attack", which is not one of: incidents, pages, site, platforms, actors, sources, records-attack, records-claim, records-takedown, records-migration, records-statement (did you mean "records-attack"?)  invalid-value'],
    ],
    [
      'code between two comments in one pair of braces',
      { [WRITEUP]: (text) => `${text}\nSecret: {/* a */ process.env.SECRET /* b */}.\n` },
      ['content/incidents/incident-one.mdx:10:9  error  braces `{…}` hold code in MDX, which write-ups may not run; to print a brace, write `\\{` (comments `{/* … */}` are fine)  mdx-code'],
    ],
    [
      'braces that are not code, around a pair that closes: at the brace that opens them',
      { [WRITEUP]: (text) => `${text}\nFine \\{ escaped, then { open {a} here.\n` },
      ['content/incidents/incident-one.mdx:10:23  error  MDX syntax: Could not parse expression with acorn; to print a brace, write `\\{`  syntax'],
    ],
    [
      'braces as text, and a tag left open: at the brace and at the tag, with the message’s positions the file’s',
      { [WRITEUP]: (text) => `${text}\nA stray { here.\n`, 'content/pages/about.mdx': (text) => `${text}\n\n<Callout type="note">\n\nNever closed.\n` },
      [
        'content/incidents/incident-one.mdx:10:9  error  MDX syntax: Unexpected end of file in expression, expected a corresponding closing brace for `{`; to print a brace, write `\\{`  syntax',
        'content/pages/about.mdx:8:1  error  MDX syntax: Expected a closing tag for `<Callout>` (8:1-8:22)  syntax',
      ],
    ],
    [
      'MDX that does not compile (an autolink), at its line',
      { [WRITEUP]: (text) => `${text}\nSee <https://example.org/> now.\n` },
      ['content/incidents/incident-one.mdx:10:12  error  MDX syntax: Unexpected character `/` (U+002F) before local name, expected a character that can start a name, such as a letter, `$`, or `_` (note: to create a link in MDX, use `[text](url)`)  syntax'],
    ],
  );

  it.each(cases)('%s', (_name, edits, expected) => {
    expect(problemsAfter(edits)).toEqual(expected);
  });

  it('says what to do about a tab, a colon in a value, a frontmatter never closed or empty, where they are', () => {
    expect(
      problemsAfter({
        [RECORDS]: replaceOnce('  platform: telegram\n', '\tplatform: telegram\n'),
        'data/actors.yaml': replaceOnce('name: Amaq News Agency', 'name: Amaq: the agency'),
        'content/pages/about.mdx': '---\ntitle: About\n\nNo closing line.\n',
        'content/pages/empty.mdx': '---\n---\nText.\n',
      })
        .filter((line) => line.includes('  error  '))
        .sort(),
    ).toEqual([
      'content/pages/about.mdx:1:1  error  the frontmatter is never closed: put a line --- after its last field, before the text  syntax',
      'content/pages/empty.mdx:1:1  error  the frontmatter is empty: write its fields (title, …) between the two --- lines  syntax',
      'data/actors.yaml:6:9  error  YAML syntax: Nested mappings are not allowed in compact mappings; a value with ": " in it goes in quotes (title: "Europol: the referral day")  syntax',
      'data/records/main.yaml:30:1  error  YAML syntax: a tab in the indentation: YAML indents with spaces only  syntax',
    ]);
  });

  it('does not take a tab inside a block of text for the mistake', () => {
    expect(problemsAfter({ 'data/actors.yaml': (text) => `${text}- id: tabbed\n  name: Tabbed\n  kind: other\n  notes: |\n    a\n    \tb\n  aliases: ["open\n` }).filter((l) => l.includes('  error  '))).toEqual([
      'data/actors.yaml:15:13  error  YAML syntax: Missing closing "quote  syntax',
      'data/actors.yaml:16:1  error  YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]  syntax',
    ]);
  });

  it('reads past a byte-order mark, with every position where it was', () => {
    const bom = (text: string) => `\uFEFF${text}`;
    expect(problemsAfter({ [RECORDS]: (text) => bom(replaceOnce('outcome: removed', 'outcome: removd')(text)), 'content/incidents/incident-one.mdx': bom })).toEqual([
      'data/records/main.yaml:32:12  error  "outcome" has "removd", which is not one of: referred, removed, restored, unknown (did you mean "removed"?)  invalid-value',
    ]);
  });

  it('reports a file that is not UTF-8 at its first other byte, and reads on', () => {
    const dir = fixture('minimal');
    made.push(dir);
    const path = join(dir, 'data/actors.yaml');
    const text = readFileSync(path, 'utf8');
    const at = text.indexOf('name:') + 'name: '.length;
    writeFileSync(path, Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20]), Buffer.from(text.slice(at))]));
    const line = text.slice(0, at).split('\n').length;
    const col = at - text.lastIndexOf('\n', at - 1) + 3;
    expect(checkProject(dir).problems.map(formatProblem)).toEqual([
      `data/actors.yaml:${line}:${col}  error  this file is not UTF-8 text (saved as Latin-1, Windows-1252 or UTF-16?): save it again as UTF-8; the first character that is not is here  encoding`,
    ]);
  });

  it('reports a UTF-16 file once, as such, without the parser’s errors or unknown references into it', () => {
    const dir = fixture('minimal');
    made.push(dir);
    const path = join(dir, 'data/actors.yaml');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(path, 'utf8'), 'utf16le')]));
    expect(checkProject(dir).problems.map(formatProblem)).toEqual(['data/actors.yaml:1:1  error  this file is UTF-16 text, not UTF-8: save it again as UTF-8  encoding']);
  });

  it('reports a record’s disputes with its other errors, not a run later', () => {
    const disputes = '  disputed:\n    - field: outcom\n      value: removed\n      sources: [news-1]\n    - field: date\n      value: 2019-31-12\n      sources: [news-1]\n';
    const lines = problemsAfter({ [RECORDS]: (text) => replaceOnce('  outcome: removed\n', `  outcome: removd\n${disputes}`)(text) });
    expect(lines.map((l) => l.replace(/^\S+ +error +/, '').replace(/\s+\S+$/, ''))).toEqual([
      expect.stringMatching(/^"outcome" has "removd"/),
      expect.stringMatching(/^a takedown has no field "outcom" to dispute \(did you mean "outcome"\?\)/),
      expect.stringMatching(/^disputed date: /),
    ]);
  });

  it('reports every problem in one run, not the first alone', () => {
    const lines = problemsAfter({
      [RECORDS]: (text) => replaceOnce('killed: 2', 'killed: two')(replaceOnce('to: tamtam', 'to: telegram')(text)),
      'data/actors.yaml': replaceOnce('parent: islamic-state', 'parent: nobody'),
    });
    expect(lines).toHaveLength(3);
  });
});

describe('warnings', () => {

  it('flags files the site does not read, which it would leave out without a word', () => {
    const record = '- id: stray\n  kind: statement\n  date: 2019\n';
    expect(
      problemsAfter({
        'data/records.yaml': record,
        'data/records/more.YAML': record,
        'content/incident/lost.mdx': '---\ntitle: Lost\n---\n',
        'content/lost.mdx': '---\ntitle: Lost\n---\n',
        'data/records/.gitkeep': '',
        'data/README.md': 'Notes for editors.',
        'content/pages/notes.md': '---\ntitle: Notes\n---\n\nSee <Cite id="news-1" /> here.\n',
        'data/actors.yml': '- id: x\n',
      }),
    ).toEqual([
      'content/incident/lost.mdx:1:1  warning  this file is not read, so the site leaves it out: write-ups go in content/incidents/<slug>.mdx, free pages in content/pages/<slug>.mdx  stray-file',
      'content/lost.mdx:1:1  warning  this file is not read, so the site leaves it out: write-ups go in content/incidents/<slug>.mdx, free pages in content/pages/<slug>.mdx  stray-file',
      'content/pages/notes.md:1:1  warning  this file is not read, so the site leaves it out: write-ups and pages are MDX: rename it notes.mdx  stray-file',
      'data/actors.yml:1:1  warning  this file is not read, so the site leaves it out: rename it actors.yaml  stray-file',
      'data/records.yaml:1:1  warning  this file is not read, so the site leaves it out: data/ holds site.yaml, platforms.yaml, actors.yaml, sources.yaml, and records in data/records/  stray-file',
      'data/records/more.YAML:1:1  warning  this file is not read, so the site leaves it out: data/records/ holds records as .yaml, .yml or .csv files (extensions in lower case)  stray-file',
    ]);
  });
  it('flags a source with a url and no archived copy', () => {
    expect(problemsAfter({ 'data/sources.yaml': replaceOnce('  archived: https://archive.example/news.example/report\n', '') })).toEqual([
      'data/sources.yaml:6:8  warning  source "news-1" has a url and no archived copy  missing-archive',
    ]);
  });
  it('flags a source no record cites', () => {
    const extra = "- id: unused\n  title: U\n  publisher: P\n  kind: report\n  published: '2020'\n";
    expect(problemsAfter({ 'data/sources.yaml': (text) => text + extra })).toEqual([
      'data/sources.yaml:15:7  warning  source "unused" is not cited by any record or incident  unused-source',
    ]);
  });
  it('flags an incident with no records', () => {
    expect(problemsAfter({ 'content/incidents/second.mdx': '---\ntitle: Two\ndate: 2020-01-02\nsummary: S.\n---\nText.\n' })).toEqual([
      'content/incidents/second.mdx:2:8  warning  incident "second" has no records (list its slug under "incidents" on its records)  incident-without-records',
    ]);
  });
});
