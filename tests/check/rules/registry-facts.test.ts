/** Unsourced facts on platforms and actors (src/check/rules/registry-facts.ts). */
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../../src/check/validate.ts';
import { REPO, replaceOnce } from '../../helpers/fixture.ts';
import { problemsAfter } from '../problems-after.ts';

const TAMTAM = '  name: TamTam\n  kind: messenger\n';

describe('unsourced-registry-fact', () => {
  it('warns at the id of a platform that states facts without a source, naming them', () => {
    expect(problemsAfter({ 'data/platforms.yaml': replaceOnce(TAMTAM, `${TAMTAM}  owner: Mail.Ru Group\n  country: RU\n  launched: '2017'\n  closed: '2026-02-27'\n  notes: A messenger.\n`) })).toEqual([
      'data/platforms.yaml:4:7  warning  platform "tamtam" states its owner, its country, its launch date, its closing date and a description (notes) with no source: list the sources behind them under "sources"  unsourced-registry-fact',
    ]);
  });

  it('warns on an actor whose notes describe it without a source', () => {
    expect(problemsAfter({ 'data/actors.yaml': replaceOnce('  parent: islamic-state\n', '  parent: islamic-state\n  notes: The group’s news agency.\n') })).toEqual([
      'data/actors.yaml:5:7  warning  actor "amaq" states a description (notes) with no source: list the sources behind them under "sources"  unsourced-registry-fact',
    ]);
  });

  it('is satisfied by any source, and says nothing of an entry that states only its name and kind', () => {
    expect(problemsAfter({ 'data/platforms.yaml': replaceOnce(TAMTAM, `${TAMTAM}  owner: Mail.Ru Group\n  sources: [news-1]\n`) })).toEqual([]);
    expect(problemsAfter({ 'data/platforms.yaml': replaceOnce(TAMTAM, `${TAMTAM}  website: https://tamtam.chat/\n  notes: '  '\n`) })).toEqual([]);
  });
});

describe('the bundled case study', () => {
  it('sources every fact its platforms and actors state', () => {
    const unsourced = checkProject(REPO).problems.filter((p) => p.rule === 'unsourced-registry-fact');
    expect(unsourced).toEqual([]);
  });
});
