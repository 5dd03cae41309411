/**
 * Platforms and actors cite the sources behind their own facts (owner, country, launch, closing,
 * description): checked as references like a record's, and counted as citations.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/data/problems.ts';
import { checkProject } from '../../../src/check/validate.ts';
import { fixture, removeFixture, replaceOnce, type Edit } from '../../helpers/fixture.ts';

const made: string[] = [];
afterAll(() => made.forEach(removeFixture));

function check(edits: Record<string, Edit>) {
  const dir = fixture('minimal', edits);
  made.push(dir);
  return checkProject(dir);
}
const lines = (edits: Record<string, Edit>) => check(edits).problems.map(formatProblem);

describe('sources on registry entries', () => {
  it('resolves them like a record’s, with a hint, at the line of the id', () => {
    expect(lines({ 'data/platforms.yaml': replaceOnce('  name: TamTam\n  kind: messenger\n', '  name: TamTam\n  kind: messenger\n  sources: [news-2]\n') })).toContain(
      'data/platforms.yaml:7:13  error  unknown source "news-2" (did you mean "news-1"?); a new source goes in data/sources.yaml (npm run new -- source <url>)  unknown-ref',
    );
    expect(lines({ 'data/actors.yaml': replaceOnce('  kind: media-outlet\n', '  kind: media-outlet\n  sources:\n    - post-9\n') })).toContain(
      'data/actors.yaml:9:7  error  unknown source "post-9" (did you mean "post-1"?); a new source goes in data/sources.yaml (npm run new -- source <url>)  unknown-ref',
    );
  });

  it('counts a source cited only by a platform or an actor as cited', () => {
    const extra = "- id: wiki-1\n  title: An encyclopedia entry\n  publisher: Wikipedia\n  kind: other\n  published: '2019-11'\n  url: https://en.wikipedia.org/wiki/Example\n  archived: https://archive.example/wiki\n";
    const unused = lines({ 'data/sources.yaml': (text) => text + extra });
    expect(unused).toContain('data/sources.yaml:15:7  warning  source "wiki-1" is not cited by any record or incident  unused-source');
    const { problems, data } = check({
      'data/sources.yaml': (text) => text + extra,
      'data/actors.yaml': replaceOnce('  kind: media-outlet\n', '  kind: media-outlet\n  sources: [wiki-1]\n'),
    });
    expect(problems.map(formatProblem)).toEqual([]);
    expect(data.actors.find((a) => a.id === 'amaq')?.sources).toEqual(['wiki-1']);
  });

  it('takes an empty list for what it is: a mistake, not "no sources needed"', () => {
    expect(lines({ 'data/actors.yaml': replaceOnce('  kind: media-outlet\n', '  kind: media-outlet\n  sources: []\n') })).toContain(
      'data/actors.yaml:8:12  error  "sources" must list at least one source, or be left out  no-sources',
    );
  });
});

describe('a platform’s closing date', () => {
  it('is EDTF, kept on the platform', () => {
    const { problems, data } = check({ 'data/platforms.yaml': replaceOnce('  name: TamTam\n  kind: messenger\n', "  name: TamTam\n  kind: messenger\n  closed: '2026-02-27'\n  sources: [news-1]\n") });
    expect(problems.map(formatProblem)).toEqual([]);
    expect(data.platforms.find((p) => p.id === 'tamtam')?.closed).toBe('2026-02-27');
    expect(lines({ 'data/platforms.yaml': replaceOnce('  name: TamTam\n  kind: messenger\n', "  name: TamTam\n  kind: messenger\n  closed: 'February 2026'\n") })[0]).toMatch(
      /^data\/platforms\.yaml:7:11 {2}error {2}"closed": "February 2026" is not a date this site can read .* {2}bad-date$/,
    );
  });
});
