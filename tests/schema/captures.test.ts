/** `archived` as a list of captures: what the checker accepts and what it says at which line. */
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/data/problems.ts';
import { checkProject } from '../../src/check/validate.ts';
import { capturesOf } from '../../src/schema/index.ts';
import { fixture, removeFixture, replaceOnce } from '../helpers/fixture.ts';

const made: string[] = [];
afterAll(() => made.forEach(removeFixture));

const HASH = 'a'.repeat(64);

function check(archived: string) {
  const dir = fixture('minimal', { 'data/sources.yaml': replaceOnce('  archived: https://archive.example/news.example/report\n', archived) });
  made.push(dir);
  return checkProject(dir);
}

describe('archived captures', () => {
  it('takes a list of captures, a bare address among them, and reads them in one form', () => {
    const { problems, data } = check(
      `  archived:\n    - https://archive.example/news.example/report\n    - url: https://web.archive.example/web/20261202050000/https://news.example/report\n      at: '2026-12-02T05:00:00Z'\n      sha256: ${HASH}\n      service: https://web.archive.example/save/\n`,
    );
    expect(problems.map(formatProblem)).toEqual([]);
    expect(capturesOf(data.sources.find((s) => s.id === 'news-1')!)).toEqual([
      { url: 'https://archive.example/news.example/report' },
      { url: 'https://web.archive.example/web/20261202050000/https://news.example/report', at: '2026-12-02T05:00:00Z', sha256: HASH, service: 'https://web.archive.example/save/' },
    ]);
  });

  it('says which part of a capture is wrong, at its line', () => {
    const { problems } = check(`  archived:\n    - url: https://archive.example/a\n      at: '2026-12-02'\n      sha256: ${HASH.toUpperCase()}\n    - at: '2026-12-02T05:00:00Z'\n`);
    expect(problems.map(formatProblem)).toEqual([
      'data/sources.yaml:9:11  error  "archived[0].at" must be an ISO 8601 date-time such as 2026-12-02T05:00:00Z  invalid-format',
      'data/sources.yaml:10:15  error  "archived[0].sha256" must be 64 lower-case hexadecimal digits, as sha256sum prints them  invalid-format',
      'data/sources.yaml:11:7  error  missing required field "archived[1].url"  missing-field',
    ]);
  });

  it('still takes one address, and an empty list is no archive', () => {
    expect(check('  archived: https://archive.example/x\n').problems).toEqual([]);
    expect(check('  archived: []\n').problems.map(formatProblem)).toEqual(['data/sources.yaml:7:13  error  "archived" must list at least one capture  out-of-range']);
  });
});
