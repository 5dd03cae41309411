/**
 * The benchmark's site generator: deterministic, realistic, valid. And the checker's fast paths
 * (js-yaml reading, the simple MDX scan) give what the slow, exact paths give on its output.
 * Fast: a tiny site, no builds, no timings.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { generateSite, incidentDataEdit, withRecordListLimit, writeSite } from '../../scripts/bench/generate.ts';
import { formatDevTable } from '../../scripts/bench/table.ts';
import { checkProject } from '../../src/check/validate.ts';
import { scanSimpleComponents } from '../../src/check/mdx-fast.ts';
import { parseFrontmatter, parseYaml } from '../../src/data/files.ts';
import { scanComponents } from '../../src/data/mdx-scan.ts';

const SIZE = { incidents: 12, records: 300 };
const digest = (files: Map<string, string>) => {
  const hash = createHash('sha256');
  for (const [path, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) hash.update(`${path}\0${text}\0`);
  return hash.digest('hex');
};

const site = generateSite(SIZE);
const dir = mkdtempSync(join(tmpdir(), 'dw-bench-site-'));
writeSite(dir, site);
const result = checkProject(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('generateSite', () => {
  it('is deterministic: the same options give the same files, another seed others', () => {
    expect(digest(generateSite(SIZE).files)).toBe(digest(site.files));
    expect(digest(generateSite({ ...SIZE, seed: 8 }).files)).not.toBe(digest(site.files));
  });

  it('makes the sizes asked for', () => {
    expect(site.counts.records).toBe(SIZE.records);
    expect([...site.files.keys()].filter((p) => p.startsWith('content/incidents/'))).toHaveLength(SIZE.incidents);
    expect(result.data.records).toHaveLength(SIZE.records);
    expect(result.data.incidents).toHaveLength(SIZE.incidents);
  });

  it('passes the check with no errors, and warns only once, on the dataset rows no write-up covers', () => {
    // GTD-like rows with no incident are what a real dataset has; `check` sums them up in one line.
    const [unlisted, ...others] = [...result.problems].sort((a, b) => Number(b.rule === 'unlisted-records') - Number(a.rule === 'unlisted-records'));
    expect(others).toEqual([]);
    expect(unlisted).toMatchObject({ severity: 'warning', rule: 'unlisted-records' });
    expect(unlisted!.message).toMatch(/^\d+ records list no incident and no write-up names them/);
  });

  it('sets recordListLimit on a copy, for the bench’s second build, which the check reads as it is', () => {
    const limited = withRecordListLimit(site, 50);
    expect(site.files.get('data/site.yaml')).not.toContain('recordListLimit');
    const other = mkdtempSync(join(tmpdir(), 'dw-bench-limited-'));
    try {
      writeSite(other, limited);
      const checked = checkProject(other);
      expect(checked.data.site.recordListLimit).toBe(50);
      expect(checked.problems.filter((p) => p.severity === 'error')).toEqual([]);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('sets recordListLimit: all on a copy, which the check accepts', () => {
    const other = mkdtempSync(join(tmpdir(), 'dw-bench-all-'));
    try {
      writeSite(other, withRecordListLimit(site, 'all'));
      const checked = checkProject(other);
      expect(checked.data.site.recordListLimit).toBe('all');
      expect(checked.problems.filter((p) => p.severity === 'error')).toEqual([]);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('holds every kind of record, disputes, intervals, imprecise dates, CSV and YAML', () => {
    const records = result.data.records;
    for (const kind of ['attack', 'claim', 'takedown', 'migration', 'statement']) expect(records.some((r) => r.kind === kind)).toBe(true);
    expect(records.some((r) => (r.disputed ?? []).length > 0)).toBe(true);
    expect(records.some((r) => r.date.includes('/'))).toBe(true);
    expect(records.some((r) => r.date.endsWith('~'))).toBe(true);
    expect(records.some((r) => r.date.endsWith('?'))).toBe(true);
    expect(records.some((r) => /^\d{4}-\d{2}$/.test(r.date))).toBe(true);
    expect(records.some((r) => r.date.includes('T'))).toBe(true);
    expect(records.some((r) => r.kind === 'migration' && r.trigger)).toBe(true);
    expect([...site.files.keys()].some((p) => p.endsWith('.csv'))).toBe(true);
    expect([...site.files.keys()].some((p) => p.startsWith('data/records/') && p.endsWith('.yaml'))).toBe(true);
    expect(new Set(records.flatMap((r) => (r.kind === 'migration' ? [r.from, r.to] : []))).size).toBeGreaterThan(2);
  });

  it('writes incidents with prose and citations', () => {
    const mdx = [...site.files].filter(([p]) => p.startsWith('content/incidents/')).map(([, text]) => text);
    expect(mdx.every((text) => text.includes('<Cite id="') && text.includes('## '))).toBe(true);
  });
});

describe('the checker’s fast paths on generated files', () => {
  it('js-yaml reading gives the values `yaml` gives, and positions when asked', () => {
    for (const [path, text] of site.files) {
      if (!path.endsWith('.yaml') || path === 'data/site.yaml') continue;
      const parsed = parseYaml(path, text, { shape: 'list' });
      expect(parsed.entries.map((e) => e.value)).toEqual(parseDocument(text, { schema: 'core' }).toJSON());
      const last = parsed.entries.at(-1)!;
      const line = last.locate(['id']).line;
      expect(text.split('\n')[line - 1]).toContain(`id: ${(last.value as { id: string }).id}`);
    }
  });

  it('the simple MDX scan finds what the MDX parser finds', () => {
    for (const [path, text] of site.files) {
      if (!path.endsWith('.mdx')) continue;
      const { body, bodyLine } = parseFrontmatter(path, text);
      const fast = scanSimpleComponents(body, bodyLine);
      if (fast) expect(fast).toEqual(scanComponents(body, bodyLine));
    }
    expect(scanSimpleComponents('Text <Cite id="a" /> and {1 + 1}', 1)).toBeUndefined();
    expect(scanSimpleComponents('Text <Callout>x</Callout>', 1)).toBeUndefined();
    expect(scanSimpleComponents('Plain Markdown, no tags.', 1)).toEqual([]);
    // Links are taken from the parsed tree: a body with one is parsed.
    expect(scanSimpleComponents('See [the report](https://example.org/r) <Cite id="a" />.', 1)).toBeUndefined();
  });
});

describe('the dev loop’s data edit', () => {
  it('changes the title of one of the incident’s records, and nothing else', () => {
    const slug = [...site.files.keys()].flatMap((p) => /^content\/incidents\/(.+)\.mdx$/.exec(p)?.[1] ?? []).sort()[3]!;
    const { file, edit } = incidentDataEdit(site, slug);
    const before = site.files.get(file)!;
    const after = edit(before, 'Bench data edit x1');
    const changed = after.split('\n').filter((line, i) => line !== before.split('\n')[i]);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatch(/^ {2}title: ".+ Bench data edit x1"$/);
    // It is a record of that incident, which its page shows, and the data stays valid.
    const copy = writeEdited(file, after);
    let edited: ReturnType<typeof checkProject>;
    try {
      edited = checkProject(copy);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
    expect(edited.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const record = edited.data.records.find((r) => r.title.endsWith('Bench data edit x1'))!;
    expect(record.incidents).toContain(slug);
  });

  it('is a column of the dev table, a dash where a site has no data files', () => {
    const row = (savedDataEdit?: number) => ({ site: 'S', size: '1', build: { seconds: 1, code: 0 }, dev: { ready: 1, firstPage: 0.5, warmPage: 0.1, savedEdit: 0.4, savedDataEdit } });
    const table = formatDevTable([row(0.55), row()] as never);
    expect(table.split('\n')[0]).toContain('| saved data edit visible s |');
    expect(table.split('\n')[2]).toMatch(/\| 0\.40 \| 0\.55 \|$/);
    expect(table.split('\n')[3]).toMatch(/\| 0\.40 \| – \|$/);
  });
});

/** A copy of the generated site with one file's text replaced. */
function writeEdited(file: string, text: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'dw-bench-edit-'));
  writeSite(copy, { ...site, files: new Map([...site.files, [file, text]]) });
  return copy;
}

