/**
 * The data contract the code and docs cite lives in the repository: docs/data-model.md (generated
 * by `npm run schemas`) and docs/checks.md. Nothing points at a team document outside it, which a
 * reader of the repository could not open.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SELF = 'tests/architecture/contract.test.ts';

/** The team's contract by its old name: the repository's own is docs/data-model.md. */
const OLD_NAME = new RegExp(['DATA-MODEL', '\\.md'].join(''));
/** A path into a `shared` folder; outside the repository unless it resolves to a file in it (charts/shared/). */
const SHARED = /(?:\.\.\/)+shared\/[\w./-]*/g;

/** Whether this line of `file` points outside the repository. */
function outside(file: string, line: string): boolean {
  if (OLD_NAME.test(line)) return true;
  return [...line.matchAll(SHARED)].some(([path]) => {
    const target = resolve(ROOT, dirname(file), path);
    return !target.startsWith(ROOT + sep) || !existsSync(target);
  });
}

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
      return text.split('\n').flatMap((line, i) => (outside(file, line) ? [`${file}:${i + 1}  ${line.trim()}`] : []));
    });
    expect(cited).toEqual([]);
  });

  it('tells a chart module from a folder outside the repository', () => {
    expect(outside('src/charts/claims/layout.ts', "import { round } from '../shared/round.ts';")).toBe(false);
    expect(outside('src/charts/map/MapChart.astro', "import '../shared/chart.css';")).toBe(false);
    expect(outside('docs/x.md', 'see ../shared/STYLE.md')).toBe(true);
    expect(outside('README.md', 'the rules of ' + 'DATA-MODEL' + '.md')).toBe(true);
  });
});
