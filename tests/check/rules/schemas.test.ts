/** Each entry against its schema (src/check/rules/schemas.ts): the messages of issues.ts. */
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../../src/check/validate.ts';
import { replaceOnce } from '../../helpers/fixture.ts';
import { editedFixture, itReports, RECORDS, type Case } from '../problems-after.ts';

describe('schemas', () => {
  const cases: Case[] = [
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
      'disputes in a CSV cell that are not valid JSON',
      { 'data/records/statements.csv': (text) => text.replace('platform,sources', 'platform,sources,disputed').replace('tamtam,news-1', "tamtam,news-1,\"[{'field': 'date'}]\"") },
      ['data/records/statements.csv:2:65  error  "disputed" is not valid JSON: Expected property name or \'}\' in JSON at position 2 (line 1 column 3) (write it as [{"field": "date", "value": "…", "sources": ["…"]}], with double quotes)  syntax'],
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
      'a recordListLimit of text other than all: one sentence for both forms it takes',
      { 'data/site.yaml': (text) => `${text}recordListLimit: none\n` },
      ['data/site.yaml:5:18  error  "recordListLimit" must be a whole number of at least 1, or all, not "none"  wrong-type'],
    ],
    [
      'a recordListLimit of a fraction: the same sentence',
      { 'data/site.yaml': (text) => `${text}recordListLimit: 2.5\n` },
      ['data/site.yaml:5:18  error  "recordListLimit" must be a whole number of at least 1, or all, not 2.5  wrong-type'],
    ],
    [
      'a recordListLimit quoted',
      { 'data/site.yaml': (text) => `${text}recordListLimit: '50'\n` },
      ['data/site.yaml:5:18  error  "recordListLimit" must be a whole number of at least 1, or all, not "50"  wrong-type'],
    ],
    [
      'a recordListLimit of 0: its bound',
      { 'data/site.yaml': (text) => `${text}recordListLimit: 0\n` },
      ['data/site.yaml:5:18  error  "recordListLimit" must be at least 1, not 0  out-of-range'],
    ],
    [
      'an alias mapping without its lang: the field it misses, not "not of a form this field takes"',
      { 'data/actors.yaml': replaceOnce('{name: الدولة الإسلامية, lang: ar}', '{name: الدولة الإسلامية}') },
      ['data/actors.yaml:4:19  error  missing required field "aliases[1].lang"  missing-field'],
    ],
    [
      'a frontmatter value outside its list',
      { 'content/incidents/incident-one.mdx': replaceOnce("date: '2019-11-29'", "date: 2019-11-29\nstatus: publish") },
      ['content/incidents/incident-one.mdx:4:9  error  "status" has "publish", which is not one of: published, draft (did you mean "published"?)  invalid-value'],
    ],
  ];
  itReports(cases);

  it('a scaffold\'s placeholders: warnings in a draft, which npm run dev still shows; errors once the incident is published', () => {
    const todo = (status: string) => ({
      'content/incidents/incident-one.mdx': replaceOnce('summary: A fixture incident.\ncontentWarning: Describes violence.\n', `summary: 'TODO: one or two plain sentences'\nstatus: ${status}\ncontentWarning: 'TODO: what the reader will meet'\n`),
    });
    const draft = checkProject(editedFixture(todo('draft')));
    expect(draft.problems.map((p) => `${p.line}:${p.col}  ${p.severity}  ${p.message}  ${p.rule}`)).toEqual([
      '4:10  warning  fill in "summary" (still TODO) before the incident is published  unfilled',
      '6:17  warning  fill in "contentWarning" (still TODO) before the incident is published  unfilled',
    ]);
    expect(draft.data.incidents.map((i) => i.id)).toEqual(['incident-one']);
    const published = checkProject(editedFixture(todo('published')));
    expect(published.problems.filter((p) => p.rule !== 'missing-published').map((p) => `${p.line}:${p.col}  ${p.severity}  ${p.message}  ${p.rule}`)).toEqual([
      '4:10  error  fill in "summary" (still TODO): this incident is published, and its page would show the placeholder (or set status: draft)  unfilled-published',
      '6:17  error  fill in "contentWarning" (still TODO): this incident is published, and its page would show the placeholder (or set status: draft)  unfilled-published',
    ]);
  });
});
