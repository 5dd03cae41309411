/** Warnings: what does not stop a build but leaves something out or unsourced (src/check/rules/warnings.ts). */
import { describe, expect, it } from 'vitest';
import { replaceOnce } from '../../helpers/fixture.ts';
import { problemsAfter } from '../problems-after.ts';

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

  it('names both sources of one address, after scheme, www., a trailing slash and tracking parameters', () => {
    const copy = "- id: news-again\n  title: Again\n  publisher: P\n  kind: news\n  published: '2019-11-30'\n  url: http://www.NEWS.example/report/?utm_source=x&fbclid=y\n  archived: https://archive.example/2\n";
    const other = "- id: news-other\n  title: Other\n  publisher: P\n  kind: news\n  published: '2019-11-30'\n  url: https://news.example/report?page=2\n  archived: https://archive.example/3\n";
    const cite = (id: string) => (text: string) => text.replace('sources: [news-1]', `sources: [news-1, ${id}]`);
    expect(problemsAfter({ 'data/sources.yaml': (text) => text + copy + other, 'data/records/main.yaml': (text) => cite('news-other')(cite('news-again')(text)) })).toEqual([
      'data/sources.yaml:20:8  warning  source "news-again" has the address of source "news-1" (data/sources.yaml:6:8): one document, one source; cite "news-1" and delete this one  duplicate-url',
    ]);
  });

  it('flags an incident that says status: published with no published: date, at its status', () => {
    expect(problemsAfter({ 'content/incidents/incident-one.mdx': replaceOnce('summary: A fixture incident.\n', 'summary: A fixture incident.\nstatus: published\n') })).toEqual([
      "content/incidents/incident-one.mdx:5:9  warning  incident \"incident-one\" is published with no \"published:\" date, so its feed item is dated by the event; add published: 'YYYY-MM-DD', the day it goes out  missing-published",
    ]);
    expect(problemsAfter({ 'content/incidents/incident-one.mdx': replaceOnce('summary: A fixture incident.\n', "summary: A fixture incident.\nstatus: published\npublished: '2019-12-01'\n") })).toEqual([]);
  });

  it('tells records under no incident and named by no write-up once, in one line for all of them', () => {
    const more = Array.from({ length: 6 }, (_, i) => `- id: loose-${i}\n  kind: statement\n  date: '2019-12-0${i + 1}'\n  title: Loose\n  actor: amaq\n  sources: [news-1]\n`).join('');
    expect(problemsAfter({ 'data/records/loose.yaml': more })).toEqual([
      'data/records/loose.yaml:1:7  warning  6 records list no incident and no write-up names them, so they appear only on the timeline, platform and actor pages and in the downloads: loose-0, loose-1, loose-2, loose-3, loose-4 and 1 more; list an incident under "incidents" where one belongs  unlisted-records',
    ]);
  });
});
