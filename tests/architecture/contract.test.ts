/**
 * The data contract the code and docs cite lives in the repository: docs/data-model.md (generated
 * by `npm run schemas`) and docs/checks.md. Nothing points at a team document outside it, which a
 * reader of the repository could not open.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SELF = 'tests/architecture/contract.test.ts';

/** A document outside the repository: the team's contract by its old name, or a folder beside the repository. */
const OUTSIDE = new RegExp(['DATA-MODEL', '\\.md', '|', '(?<![\\w/])\\.\\./shared/(?![\\w-]+\\.(?:ts|astro)\\b)'].join(''));

describe('the data contract', () => {
  it('is cited from the repository, not from outside it', () => {
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((f) => f && f !== SELF && !f.startsWith('tests/fixtures/') && /\.(ts|mjs|astro|md|mdx|json|yaml|yml)$/.test(f) && f !== 'package-lock.json');
    const cited = files.flatMap((file) => {
      let text: string;
      try {
        text = readFileSync(join(ROOT, file), 'utf8');
      } catch {
        return []; // listed by git, deleted in the working tree
      }
      return text.split('\n').flatMap((line, i) => (OUTSIDE.test(line) ? [`${file}:${i + 1}  ${line.trim()}`] : []));
    });
    expect(cited).toEqual([]);
  });

  it('tells a chart module from a folder outside the repository', () => {
    expect(OUTSIDE.test("import { round } from '../shared/round.ts';")).toBe(false);
    expect(OUTSIDE.test('see ../shared/DATA-MODEL.md')).toBe(true);
    expect(OUTSIDE.test('the rules of ' + 'DATA-MODEL' + '.md')).toBe(true);
  });
});
