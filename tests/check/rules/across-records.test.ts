/** Rules across records and actors (src/check/rules/across-records.ts). */
import { describe } from 'vitest';
import { replaceOnce } from '../../helpers/fixture.ts';
import { itReports, RECORDS, type Case } from '../problems-after.ts';

describe('across-records', () => {
  const cases: Case[] = [
    [
      'a claim dated before the attack it claims',
      { [RECORDS]: replaceOnce("date: '2019-11-30'\n  title: A claim", "date: '2019-11-28'\n  title: A claim") },
      ['data/records/main.yaml:11:9  error  claim dated 2019-11-28 is before the attack it claims ("attack-1", 2019-11-29T13:58:00Z)  claim-before-attack'],
    ],
    [
      'a claim dated before the attack, with another error in the same claim: both in one run',
      { [RECORDS]: (text) => text.replace("date: '2019-11-30'\n  title: A claim", "date: '2019-11-28'\n  title: A claim").replace('status: claimed', 'status: claimd') },
      [
        'data/records/main.yaml:18:11  error  "status" has "claimd", which is not one of: claimed, competing, disputed, retracted (did you mean "claimed"?)  invalid-value',
        'data/records/main.yaml:11:9  error  claim dated 2019-11-28 is before the attack it claims ("attack-1", 2019-11-29T13:58:00Z)  claim-before-attack',
      ],
    ],
    [
      'a migration whose from equals its to',
      { [RECORDS]: replaceOnce('to: tamtam', 'to: telegram') },
      ['data/records/main.yaml:41:7  error  migration goes from "telegram" to itself: "from" and "to" must differ  migration-same-platform'],
    ],
    [
      'a claim before its attack with a TODO elsewhere, and a claim of a record with no kind: the rule, and no "an undefined"',
      {
        [RECORDS]: (text) =>
          text
            .replace("date: '2019-11-30'\n  title: A claim", "date: '2019-11-28'\n  title: A claim\n  notes: TODO")
            .replace('kind: takedown', 'kin: takedown'),
      },
      [
        'data/records/main.yaml:27:3  error  missing required field "kind"  missing-field',
        // The claim lists incident-one, which is published: its placeholder cannot wait.
        'data/records/main.yaml:13:10  error  fill in "notes" (still TODO): incident "incident-one" is published, and its page leaves this record out until it is filled  unfilled-published',
        'data/records/main.yaml:11:9  error  claim dated 2019-11-28 is before the attack it claims ("attack-1", 2019-11-29T13:58:00Z)  claim-before-attack',
      ],
    ],
    [
      'an actor whose ancestors run into a cycle it is not part of: the cycle is told, not the actor',
      { 'data/actors.yaml': (text) => `${text.replace('  kind: armed-group\n', '  kind: armed-group\n  parent: amaq\n')}- id: cell\n  name: A cell\n  kind: armed-group\n  parent: amaq\n` },
      [
        'data/actors.yaml:4:11  error  "parent" leads back to "islamic-state" (islamic-state → amaq → islamic-state): a parent organisation cannot be its own descendant  invalid',
        'data/actors.yaml:9:11  error  "parent" leads back to "amaq" (amaq → islamic-state → amaq): a parent organisation cannot be its own descendant  invalid',
      ],
    ],
    [
      'an actor that is its own parent, or its own grandparent',
      { 'data/actors.yaml': (text) => text.replace('  kind: armed-group\n', '  kind: armed-group\n  parent: amaq\n') },
      [
        'data/actors.yaml:4:11  error  "parent" leads back to "islamic-state" (islamic-state → amaq → islamic-state): a parent organisation cannot be its own descendant  invalid',
        'data/actors.yaml:9:11  error  "parent" leads back to "amaq" (amaq → islamic-state → amaq): a parent organisation cannot be its own descendant  invalid',
      ],
    ],
  ];
  itReports(cases);
});
