/** Disputed values: a field the record has, held to that field's rules (src/check/rules/disputes.ts). */
import { describe, expect, it } from 'vitest';
import { replaceOnce } from '../../helpers/fixture.ts';
import { itReports, problemsAfter, RECORDS, type Case } from '../problems-after.ts';

describe('disputes', () => {
  const cases: Case[] = [
    [
      'a disputed field the record does not have',
      { [RECORDS]: replaceOnce('    - field: date', '    - field: dat') },
      ['data/records/main.yaml:22:14  error  a claim has no field "dat" to dispute (did you mean "date"?)  unknown-field'],
    ],
    [
      'a disputed value outside its field’s list, of the wrong type or naming an unknown id',
      {
        [RECORDS]: replaceOnce(
          '      note: One report gives a later day.\n',
          '      note: One report gives a later day.\n    - field: status\n      value: confirmed\n      sources: [news-1]\n    - field: platforms\n      value: [tamtm]\n      sources: [news-1]\n    - field: attack\n      value: 42\n      sources: [news-1]\n    - field: mode\n      value: video\n      sources: [news-1]\n',
        ),
      },
      [
        'data/records/main.yaml:27:14  error  disputed value: "status" has "confirmed", which is not one of: claimed, competing, disputed, retracted  invalid-value',
        "data/records/main.yaml:33:14  error  disputed value: \"attack\" must be text, not 42: write it in quotes ('42')  wrong-type",
        'data/records/main.yaml:30:15  error  disputed value: unknown platform "tamtm" (did you mean "tamtam"?); a new platform goes in data/platforms.yaml (npm run new -- platform "Name")  unknown-ref',
      ],
    ],
  ];
  itReports(cases);

  it('reports a record’s disputes with its other errors, not a run later', () => {
    const disputes = '  disputed:\n    - field: outcom\n      value: removed\n      sources: [news-1]\n    - field: date\n      value: 2019-31-12\n      sources: [news-1]\n';
    const lines = problemsAfter({ [RECORDS]: (text) => replaceOnce('  outcome: removed\n', `  outcome: removd\n${disputes}`)(text) });
    expect(lines.map((l) => l.replace(/^\S+ +error +/, '').replace(/\s+\S+$/, ''))).toEqual([
      expect.stringMatching(/^"outcome" has "removd"/),
      expect.stringMatching(/^a takedown has no field "outcom" to dispute \(did you mean "outcome"\?\)/),
      expect.stringMatching(/^disputed date: /),
    ]);
  });
});
