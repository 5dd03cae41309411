/**
 * Every reader's limits (src/data/limits.ts), at the limit and just past it, through the checker:
 * the line an editor sees names the place, the rule and the limit.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, ftruncateSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/check/validate.ts';
import { parseCsvCells } from '../../src/data/csv.ts';
import { LIMITS } from '../../src/data/limits.ts';
import { formatProblem } from '../../src/data/problems.ts';
import { readProjectFile } from '../../src/data/project-fs.ts';
import { editedFixture, problemsAfter } from './problems-after.ts';

const ruled = (lines: string[], rule: string) => lines.filter((line) => line.endsWith(`  ${rule}`));

/** A platform entry whose `notes` hold `value` (a field the schema has, so only the limit speaks). */
const platformWith = (value: string) => (text: string) => `${text}- id: extra\n  name: Extra\n  kind: messenger\n  notes: ${value}\n`;

describe('YAML', () => {
  const LIMIT = LIMITS.yamlDepth.value;
  // The list of platforms is level 1, an entry 2, its notes 3: brackets nest from there.
  const nested = (levels: number) => `${'['.repeat(levels - 2)}x${']'.repeat(levels - 2)}`;

  it(`nests up to ${LIMIT} levels, and not one more`, () => {
    expect(ruled(problemsAfter({ 'data/platforms.yaml': platformWith(nested(LIMIT)) }), 'nesting')).toEqual([]);
    expect(ruled(problemsAfter({ 'data/platforms.yaml': platformWith(nested(LIMIT + 1)) }), 'nesting')).toEqual([
      `data/platforms.yaml:10:${10 + LIMIT - 2}  error  lists and mappings nested more than 64 levels deep: records need 4  nesting`,
    ]);
  });

  it('reads nesting of any depth as an error, not a crash (100,000 levels)', () => {
    const lines = problemsAfter({ 'data/platforms.yaml': platformWith(nested(100_000)) });
    expect(ruled(lines, 'nesting')).toHaveLength(1);
  });

  const LAUGHS = LIMITS.yamlAliasValues.value;
  // An anchor of 999 values and the list holding them: 1,000 values for each alias of it.
  const aliases = (count: number) => (text: string) => `${text}- id: extra\n  name: Extra\n  kind: messenger\n  notes: &a [${Array(999).fill('x').join(', ')}]\n  aliases: [${Array(count).fill('*a').join(', ')}]\n`;

  it(`repeats up to ${LAUGHS.toLocaleString('en')} values through aliases, and not one more`, () => {
    expect(ruled(problemsAfter({ 'data/platforms.yaml': aliases(LAUGHS / 1000) }), 'yaml-aliases')).toEqual([]);
    const past = ruled(problemsAfter({ 'data/platforms.yaml': aliases(LAUGHS / 1000 + 1) }), 'yaml-aliases');
    expect(past).toEqual([`data/platforms.yaml:11:${13 + 4 * (LAUGHS / 1000)}  error  aliases in this file repeat more than 1,000,000 values (aliases of aliases multiply): write the values out  yaml-aliases`]);
  });

  it('reads an alias inside the value it names as an error, and a merge key shared by many entries as fields', () => {
    expect(ruled(problemsAfter({ 'data/platforms.yaml': platformWith('&loop [a, *loop]') }), 'yaml-aliases')).toEqual([
      'data/platforms.yaml:10:20  error  the alias *loop is inside the value it names, which would repeat itself without end  yaml-aliases',
    ]);
    // The `yaml` package's own alias count refused a merge key used more than 100 times.
    const shared = `- &base\n  id: p0\n  name: P\n  kind: messenger\n${Array.from({ length: 300 }, (_, i) => `- <<: *base\n  id: p${i + 1}\n`).join('')}`;
    const dir = editedFixture({ 'data/platforms.yaml': (text) => text + shared });
    const { problems, data } = checkProject(dir);
    expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    expect(data.platforms.find((p) => p.id === 'p300')).toMatchObject({ kind: 'messenger' });
  });

  const ENTRIES = LIMITS.yamlEntries.value;
  const platforms = (count: number) => Array.from({ length: count }, (_, i) => `- {id: p${i}, name: P, kind: messenger}\n`).join('');

  it(`reads ${ENTRIES.toLocaleString('en')} entries in one file, and not one more`, () => {
    expect(ruled(problemsAfter({ 'data/platforms.yaml': platforms(ENTRIES) }), 'too-many-entries')).toEqual([]);
    expect(ruled(problemsAfter({ 'data/platforms.yaml': platforms(ENTRIES + 1) }), 'too-many-entries')).toEqual([
      `data/platforms.yaml:${ENTRIES + 1}:1  error  this file has more than 100,000 entries, the most a YAML file may have: split it  too-many-entries`,
    ]);
  });
});

describe('CSV', () => {
  it('stops reading past its rows, the header aside', () => {
    expect(parseCsvCells('a\n1\n2\n', 3).tooMany).toBeUndefined();
    expect(parseCsvCells('a\n1\n2\n3\n', 3).tooMany).toBe(6);
  });

  it(`reads JSON in a cell nested up to ${LIMITS.yamlDepth.value} levels, and not one more (100,000 overflowed the stack)`, () => {
    const withDisputes = (json: string) => (text: string) => text.replace('platform,sources', 'platform,sources,disputed').replace('tamtam,news-1', `tamtam,news-1,"${json}"`);
    const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    expect(ruled(problemsAfter({ 'data/records/statements.csv': withDisputes(nested(LIMITS.yamlDepth.value)) }), 'nesting')).toEqual([]);
    const past = ['data/records/statements.csv:2:65  error  the JSON in this cell nests lists and mappings more than 64 levels deep  nesting'];
    expect(ruled(problemsAfter({ 'data/records/statements.csv': withDisputes(nested(LIMITS.yamlDepth.value + 1)) }), 'nesting')).toEqual(past);
    expect(ruled(problemsAfter({ 'data/records/statements.csv': withDisputes(nested(100_000)) }), 'nesting')).toEqual(past);
  });

  it(`reads no more than ${LIMITS.csvRows.value.toLocaleString('en')} rows of a file`, () => {
    const rows = LIMITS.csvRows.value;
    const lines = problemsAfter({ 'data/records/statements.csv': (text) => text + 'x,statement\n'.repeat(rows) });
    expect(ruled(lines, 'too-many-entries')).toEqual([`data/records/statements.csv:${rows + 2}:1  error  this file has more than 1,000,000 rows, the most a CSV file may have: split it  too-many-entries`]);
  });
});

describe('any file', () => {
  const LINE = LIMITS.lineChars.value;

  it(`reads a line of ${LINE.toLocaleString('en')} characters (a 4 MB text field and more), and not one more`, () => {
    const field = (length: number) => `'${'a'.repeat(length - '  notes: '.length - 2)}'`;
    const at = problemsAfter({ 'data/platforms.yaml': platformWith(field(LINE)) });
    expect(at.filter((line) => line.includes('  error  '))).toEqual([]);
    expect(problemsAfter({ 'data/platforms.yaml': platformWith(field(LINE + 1)) })).toEqual([
      `data/platforms.yaml:10:${LINE + 1}  error  this line is longer than 8,388,608 characters: the file is not read  line-length`,
    ]);
  });

  it('reads a file of its limit in bytes, and refuses one byte more without reading it', () => {
    const dir = editedFixture({ 'data/records/big.yaml': 'x'.repeat(100) });
    expect(readProjectFile(dir, 'data/records/big.yaml', 100)).toHaveProperty('bytes');
    expect(readProjectFile(dir, 'data/records/big.yaml', 99)).toMatchObject({ problem: { rule: 'file-size', message: 'this file has 100 bytes, more than the 99 a file may have: split it' } });
    // The real limit, on a file with a hole in it (no disk is written): refused from its size alone.
    const fd = openSync(join(dir, 'data/records/big.yaml'), 'w');
    ftruncateSync(fd, LIMITS.dataFileBytes.value + 1);
    closeSync(fd);
    expect(checkProject(dir).problems.map(formatProblem)).toContain('data/records/big.yaml:1:1  error  this file has 268,435,457 bytes, more than the 268,435,456 a file may have: split it  file-size');
  });
});

describe('write-ups', () => {
  const LIMIT = LIMITS.mdxDepth.value;
  const WRITEUP = 'content/incidents/incident-one.mdx';
  const nestingOf = (body: string) => ruled(problemsAfter({ [WRITEUP]: (text) => `${text}\n${body}\n` }), 'nesting');

  it(`nests block quotes, lists and emphasis up to ${LIMIT} levels, and not one more`, () => {
    const message = `block quotes, lists, components or emphasis nested more than ${LIMIT} levels deep, past what the site can be built from  nesting`;
    expect(nestingOf(`${'> '.repeat(LIMIT)}deep`)).toEqual([]);
    expect(nestingOf(`${'> '.repeat(LIMIT + 1)}deep`)).toEqual([`${WRITEUP}:10:${2 * LIMIT + 1}  error  ${message}`]);
    const list = (levels: number) => Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- item`).join('\n');
    expect(nestingOf(list(LIMIT))).toEqual([]);
    expect(nestingOf(list(LIMIT + 1))).toEqual([`${WRITEUP}:${10 + LIMIT}:${2 * LIMIT + 1}  error  ${message}`]);
    const emphasis = (levels: number) => `${'*a '.repeat(levels)}b${' c*'.repeat(levels)}`;
    expect(nestingOf(emphasis(LIMIT))).toEqual([]);
    expect(nestingOf(emphasis(LIMIT + 1))).toEqual([`${WRITEUP}:10:${3 * LIMIT + 1}  error  ${message}`]);
  });

  it('reads components nested past the MDX compiler’s stack as an error at their line, in seconds', () => {
    const tags = 5000;
    expect(nestingOf(`${'<Callout type="note">'.repeat(tags)}x${'</Callout>'.repeat(tags)}`)).toHaveLength(1);
    expect(nestingOf(Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n'))).toHaveLength(1);
  });
});

describe('the project’s folders', () => {
  it('refuse links that stay inside, pipes and sockets, naming each, never reading or waiting on them', () => {
    const dir = editedFixture({ 'data/records/kept.yaml': '' });
    symlinkSync(join(dir, 'data/records/main.yaml'), join(dir, 'data/records/inside.yaml'));
    symlinkSync(join(dir, 'content'), join(dir, 'data/records/folder'));
    expect(spawnSync('mkfifo', [join(dir, 'data/records/pipe.yaml')]).status).toBe(0);
    const lines = checkProject(dir).problems.map(formatProblem);
    expect(lines.filter((line) => /symlink|special-file/.test(line))).toEqual([
      'data/records/folder:1:1  error  a symbolic link to a folder elsewhere in the project: Driftwatch never reads it; put the folder itself here  symlink',
      'data/records/inside.yaml:1:1  error  a symbolic link to a file elsewhere in the project: Driftwatch never reads it; put the file itself here  symlink',
      'data/records/pipe.yaml:1:1  error  a named pipe, not a file: Driftwatch never opens it; put a regular file here  special-file',
    ]);
  });

  it('read file names with spaces and accents, CRLF line ends and a byte-order mark', () => {
    const record = "- id: café-1\r\n  kind: statement\r\n  date: '2019-12-03'\r\n  title: Déclaration\r\n  actor: amaq\r\n  platform: tamtam\r\n  sources: [news-1]\r\n  incidents: [incident-one]\r\n";
    const lines = problemsAfter({ 'data/records/Déclarations de 2019.yaml': `\uFEFF${record.replace('café-1', 'cafe-1')}` });
    expect(lines).toEqual([]);
  });
});
