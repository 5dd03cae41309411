/**
 * Property-based tests of the checker against hostile and random files (issue 14): random and
 * mutated YAML, CSV, frontmatter, MDX and dates. Whatever the file, the checker never throws,
 * answers within its time budget, and answers only with `file:line:col  severity  message  rule`
 * lines; valid generated records always pass.
 *
 * Seeded, so a failure reproduces: fast-check prints the seed and the shrunk file. The run count
 * is small in `npm test`; DRIFTWATCH_FUZZ_RUNS=2000 (and DRIFTWATCH_FUZZ_SEED) for a long run.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/check/validate.ts';
import { formatProblem, type Problem } from '../../src/data/problems.ts';
import { RULES } from '../../src/data/rule-ids.ts';
import { editedFixture } from './problems-after.ts';

// Tests read their own settings; src/site/env.ts is for what changes a build.
const RUNS = Number(process.env.DRIFTWATCH_FUZZ_RUNS) || 20;
const SEED = Number(process.env.DRIFTWATCH_FUZZ_SEED) || 20_261_202;
/** Far above what a file this small takes (tens of milliseconds): a stall, not a slow machine. */
const BUDGET_MS = 10_000;

const RULE_IDS = new Set<string>(RULES.map((rule) => rule.id));
const LINE = /^(?<file>[^\n]+):(?<line>[1-9]\d*):(?<col>[1-9]\d*) {2}(?:error|warning) {2}(?<message>[^\n]+) {2}(?<rule>[a-z-]+)$/;

let dir: string;
beforeAll(() => {
  dir = editedFixture();
});

/** Writes `text` at `file` of the fixture, checks it, and asserts what holds for any input. */
function checkWith(file: string, text: string | Buffer): Problem[] {
  writeFileSync(join(dir, file), text);
  try {
    const start = performance.now();
    const { problems } = checkProject(dir);
    expect(performance.now() - start).toBeLessThan(BUDGET_MS);
    for (const problem of problems) {
      const line = formatProblem(problem);
      expect(line).toMatch(LINE);
      expect(RULE_IDS.has(problem.rule), line).toBe(true);
    }
    return problems;
  } finally {
    rmSync(join(dir, file), { force: true });
  }
}

const property = <T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void) => fc.assert(fc.property(arbitrary, predicate), { seed: SEED, numRuns: RUNS });

/** Text made of what the readers give meaning to, so random files reach past the first token. */
const tokens = (words: string[]) => fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 80 }).map((parts) => parts.join(''));

/** A valid file with random edits: characters inserted, deleted or replaced. */
const mutated = (valid: string) =>
  fc
    .array(fc.tuple(fc.nat({ max: valid.length }), fc.nat({ max: 4 }), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 6 })
    .map((edits) => edits.reduce((text, [at, cut, insert]) => text.slice(0, at % (text.length + 1)) + insert + text.slice((at % (text.length + 1)) + cut), valid));

const RECORD = "- id: fuzz-1\n  kind: statement\n  date: '2019-12-03'\n  title: A statement\n  actor: amaq\n  platform: tamtam\n  sources: [news-1]\n  incidents: [incident-one]\n  disputed:\n    - field: date\n      value: '2019-12-04'\n      sources: [news-1]\n";
const YAML_WORDS = ['\n', '\n- ', '  ', ': ', '- ', '&a ', '*a', '<<: *a', '[', ']', '{', '}', ',', "'", '"', '#', '|', '>', '\t', '---', 'id: x', 'kind: claim', '!!str ', '? ', '0b101', '\uFEFF', '\r\n'];
const CSV = 'id,kind,date,title,actor,platform,sources,disputed\nfuzz-1,statement,2019-12-03,"A ""quoted"", statement",amaq,tamtam,news-1;post-1,"[{""field"": ""date"", ""value"": ""2019-12-04"", ""sources"": [""news-1""]}]"\n';
const CSV_WORDS = [',', '"', '""', '\n', '\r\n', ';', 'statement', 'kind', 'id', 'date', '[{', '}]', "'=1+1", 'location.country'];
const INCIDENT = "---\ntitle: Fuzz\ndate: '2019-11-29'\nsummary: S.\n---\n\nProse <Cite id=\"news-1\" /> and <Record id=\"attack-1\" />.\n";
const MDX_WORDS = ['\n', '\n\n', '<', '>', '/>', '</', '{', '}', '\\{', '<Cite id="news-1" />', '<Callout type="note">', '</Callout>', '> ', '- ', '  ', '*', '_', '[', '](https://t.me/x)', '`', '```\n', 'import x from "y"\n', 'export const a = 1\n', '<script>', '<br>', '&amp;', 'https://t.me/x', '<!--', '-->', '    '];

describe('the checker, on random and mutated files', () => {
  it('YAML records: never throws, answers in time, in lines', () => {
    property(fc.oneof(mutated(RECORD), tokens(YAML_WORDS)), (text) => {
      checkWith('data/records/fuzz.yaml', text);
    });
  });

  it('CSV records: the same', () => {
    property(fc.oneof(mutated(CSV), tokens(CSV_WORDS)), (text) => {
      checkWith('data/records/fuzz.csv', text);
    });
  });

  it('frontmatter: the same', () => {
    property(fc.oneof(mutated(INCIDENT), tokens(YAML_WORDS).map((yaml) => `---\n${yaml}\n---\n\nText.\n`)), (text) => {
      checkWith('content/incidents/fuzz.mdx', text);
    });
  });

  it('MDX bodies: the same', () => {
    property(fc.oneof(mutated(INCIDENT), tokens(MDX_WORDS).map((body) => `---\ntitle: Fuzz\ndate: '2019-11-29'\nsummary: S.\n---\n${body}`)), (text) => {
      checkWith('content/incidents/fuzz.mdx', text);
    });
  });

  it('bytes that are not UTF-8, and names with spaces and accents: the same', () => {
    property(fc.tuple(fc.uint8Array({ maxLength: 200 }), fc.constantFrom('fuzz.yaml', 'fuzz é ü.yaml', 'Fuzz 2019 (copie).csv')), ([bytes, name]) => {
      checkWith(`data/records/${name}`, Buffer.concat([Buffer.from(RECORD.slice(0, 40)), bytes]));
    });
  });

  it('dates: any text in a date field is a date or a line that says why', () => {
    const edtf = fc.array(fc.constantFrom(...'0123456789-/~?%XT:Z+.. '.split('')), { maxLength: 24 }).map((chars) => chars.join(''));
    property(fc.oneof(edtf, fc.string({ maxLength: 12 })), (date) => {
      const problems = checkWith('data/records/fuzz.yaml', RECORD.replace("date: '2019-12-03'", `date: ${JSON.stringify(date)}`));
      for (const problem of problems.filter((p) => p.line === 3)) expect(['bad-date', 'interval-order', 'claim-before-attack', 'wrong-type', 'out-of-range', 'invalid']).toContain(problem.rule);
    });
  });
});

describe('valid generated records', () => {
  const text = fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }).filter((s) => s.trim() === s && s.trim() !== '' && !/^TODO\b/.test(s) && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u.test(s));
  const day = fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const record = fc.record({
    title: text,
    date: day,
    actor: fc.constantFrom('amaq', 'islamic-state'),
    platform: fc.constantFrom('telegram', 'tamtam'),
    sources: fc.subarray(['news-1', 'post-1'], { minLength: 1 }),
  });

  it('pass, written as YAML', () => {
    property(fc.array(record, { minLength: 1, maxLength: 5 }), (records) => {
      const yaml = stringify(records.map((r, i) => ({ id: `fuzz-${i + 1}`, kind: 'statement', ...r, incidents: ['incident-one'] })));
      expect(checkWith('data/records/fuzz.yaml', yaml).filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    });
  });

  it('pass, written as CSV', () => {
    const cell = (value: string) => `"${value.replaceAll('"', '""')}"`;
    property(fc.array(record, { minLength: 1, maxLength: 5 }), (records) => {
      const rows = records.map((r, i) => [`fuzz-${i + 1}`, 'statement', r.date, r.title, r.actor, r.platform, r.sources.join(';'), 'incident-one'].map(cell).join(','));
      const csv = `id,kind,date,title,actor,platform,sources,incidents\n${rows.join('\n')}\n`;
      expect(checkWith('data/records/fuzz.csv', csv).filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    });
  });
});
