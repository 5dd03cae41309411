/** Former ids (src/check/rules/formerly.ts): taken by one entry only, never reused. */
import { describe, expect, it } from 'vitest';
import { replaceOnce } from '../../helpers/fixture.ts';
import { problemsAfter } from '../problems-after.ts';

describe('formerly', () => {
  it('is taken on records, incidents and every registry', () => {
    expect(
      problemsAfter({
        'data/records/main.yaml': replaceOnce('- id: attack-1\n', '- id: attack-1\n  formerly: [attack-old]\n'),
        'data/platforms.yaml': (text) => text.replace('- id: telegram\n', '- id: telegram\n  formerly: [tg]\n'),
        'data/sources.yaml': replaceOnce('- id: news-1\n', '- id: news-1\n  formerly: [news-old, news-older]\n'),
        'content/incidents/incident-one.mdx': replaceOnce('title: Incident one\n', 'title: Incident one\nformerly: [incident-old]\n'),
      }),
    ).toEqual([]);
  });

  it('may not name an id in use, nor one another entry claims', () => {
    expect(
      problemsAfter({
        'data/records/main.yaml': (text) => replaceOnce('- id: claim-1\n', '- id: claim-1\n  formerly: [attack-1, old-one]\n')(replaceOnce('- id: attack-1\n', '- id: attack-1\n  formerly: [old-one]\n')(text)),
        'data/sources.yaml': replaceOnce('- id: news-1\n', '- id: news-1\n  formerly: [news-1]\n'),
      }),
    ).toEqual([
      'data/sources.yaml:2:14  error  former source id "news-1" is its own id: an old id may not be used again, its old address leads here  formerly-reused',
      'data/records/main.yaml:11:14  error  former record id "attack-1" is the id of record "attack-1" now: an old id may not be used again, its old address leads here  formerly-reused',
      'data/records/main.yaml:11:24  error  former record id "old-one" is claimed by record "attack-1" too (data/records/main.yaml:2:14): its old address can lead to one place only  formerly-claimed-twice',
    ]);
  });

  it('is an id: lower-case kebab-case', () => {
    expect(problemsAfter({ 'data/platforms.yaml': (text) => text.replace('- id: telegram\n', '- id: telegram\n  formerly: [Tele Gram]\n') })).toEqual([
      expect.stringMatching(/^data\/platforms\.yaml:2:14 {2}error {2}"formerly\[0\]" must be lower-case kebab-case .* {2}bad-id$/),
    ]);
  });
});
