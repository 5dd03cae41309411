/** Reading: YAML, CSV and frontmatter syntax, encodings (src/check/rules/read.ts and the readers it calls). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/data/problems.ts';
import { checkProject } from '../../../src/check/validate.ts';
import { replaceOnce } from '../../helpers/fixture.ts';
import { editedFixture, itReports, problemsAfter, RECORDS, type Case } from '../problems-after.ts';

describe('read', () => {
  const cases: Case[] = [
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
      'CSV syntax',
      { 'data/records/statements.csv': replaceOnce(',tamtam,', ',"tamtam,') },
      ['data/records/statements.csv:2:51  error  CSV syntax: a quoted field is never closed  syntax'],
    ],
    [
      'a CSV row with more cells than the header (an unquoted comma): once, not as the errors of the cells it shifts',
      { 'data/records/statements.csv': (text) => `${text.replace('A statement,amaq', 'A statement, said twice,amaq')}\n,,,\n` },
      [
        'data/records/statements.csv:2:70  error  this row has 8 cells and the header 7 columns: put a cell that holds a comma in double quotes ("Removed, per TamTam")  csv-columns',
        // The row is left out, and the fixture's about page names it.
        'content/pages/about.mdx:5:120  error  <Record>: unknown record "statement-1"; a new record goes in a file in data/records/ (npm run new -- record <kind> --incident <slug>)  unknown-ref',
      ],
    ],
    [
      'a CSV column named twice',
      { 'data/records/statements.csv': (text) => text.replace('platform,sources', 'platform,sources,actor').replace('tamtam,news-1', 'tamtam,news-1,amaq') },
      ['data/records/statements.csv:1:43  error  column "actor" is in the header twice: the second would overwrite the first  csv-columns'],
    ],
  ];
  cases.push([
    'a frontmatter fence with a word after it, which gray-matter took for a language to run (found by the property tests)',
    { 'content/pages/about.mdx': (text) => text.replace(/^---/, '---js') },
    ['content/pages/about.mdx:1:4  error  the first line of the frontmatter is --- alone, with nothing after it  syntax'],
  ]);
  cases.push([
    'a merge key of an alias to no mapping, which threw out of the reader (found by the property tests)',
    { 'data/platforms.yaml': (text) => `${text}- <<: *nothing\n  id: merged\n` },
    ['data/platforms.yaml:7:3  error  YAML: Merge sources must be maps or map aliases  syntax'],
  ]);
  itReports(cases);

  it('reads a YAML merge key (<<: *anchor) as the fields it shares, in both YAML readers', () => {
    const shared = '- &base\n  id: base-one\n  name: Base\n  kind: messenger\n- <<: *base\n  id: base-two\n  name: Base two\n';
    const dir = editedFixture({ 'data/platforms.yaml': (text) => text + shared });
    const { problems, data } = checkProject(dir);
    expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    expect(data.platforms.find((p) => p.id === 'base-two')).toMatchObject({ name: 'Base two', kind: 'messenger' });
    // Text the fast reader leaves to the one with positions (`0b…`, which the two read differently): the same.
    const slow = editedFixture({ 'data/platforms.yaml': (text) => `${text + shared}  notes: build 0b101\n` });
    const second = checkProject(slow);
    expect(second.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    expect(second.data.platforms.find((p) => p.id === 'base-two')).toMatchObject({ kind: 'messenger', notes: 'build 0b101' });
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
    const dir = editedFixture();
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
    const dir = editedFixture();
    const path = join(dir, 'data/actors.yaml');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(path, 'utf8'), 'utf16le')]));
    expect(checkProject(dir).problems.map(formatProblem)).toEqual(['data/actors.yaml:1:1  error  this file is UTF-16 text, not UTF-8: save it again as UTF-8  encoding']);
  });
});
