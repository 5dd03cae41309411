/** References to ids that exist, in data and CSV cells (src/check/rules/references.ts). */
import { describe } from 'vitest';
import { replaceOnce } from '../../helpers/fixture.ts';
import { itReports, RECORDS, type Case } from '../problems-after.ts';

describe('references', () => {
  const cases: Case[] = [
    [
      'an unknown platform',
      { [RECORDS]: replaceOnce('platforms: [telegram]', 'platforms: [telegrm]') },
      ['data/records/main.yaml:16:15  error  unknown platform "telegrm" (did you mean "telegram"?); a new platform goes in data/platforms.yaml (npm run new -- platform "Name")  unknown-ref'],
    ],
    [
      'an unknown actor',
      { 'data/actors.yaml': replaceOnce('parent: islamic-state', 'parent: islamic-stat') },
      ['data/actors.yaml:8:11  error  unknown actor "islamic-stat" (did you mean "islamic-state"?); a new actor goes in data/actors.yaml (npm run new -- actor "Name")  unknown-ref'],
    ],
    [
      'an unknown source',
      { [RECORDS]: replaceOnce('sources: [news-1, post-1]', 'sources: [news-1, post-2]') },
      [
        'data/records/main.yaml:19:21  error  unknown source "post-2" (did you mean "post-1"?); a new source goes in data/sources.yaml (npm run new -- source <url>)  unknown-ref',
        'data/sources.yaml:8:7  warning  source "post-1" is not cited by any record or incident  unused-source',
      ],
    ],
    [
      'an unknown record',
      { [RECORDS]: replaceOnce('attack: attack-1', 'attack: attack-2') },
      ['data/records/main.yaml:13:11  error  unknown record "attack-2" (did you mean "attack-1"?); a new record goes in a file in data/records/ (npm run new -- record <kind> --incident <slug>)  unknown-ref'],
    ],
    [
      'an unknown incident',
      { [RECORDS]: replaceOnce('  sources: [news-1]\n  incidents: [incident-one]', '  sources: [news-1]\n  incidents: [incident-on]') },
      ['data/records/main.yaml:8:15  error  unknown incident "incident-on" (did you mean "incident-one"?); a new incident is a file in content/incidents/ (npm run new -- incident "Title")  unknown-ref'],
    ],
    [
      'an unknown platform in a CSV file, at its cell',
      { 'data/records/statements.csv': replaceOnce(',tamtam,', ',tamtm,') },
      ['data/records/statements.csv:2:51  error  unknown platform "tamtm" (did you mean "tamtam"?); a new platform goes in data/platforms.yaml (npm run new -- platform "Name")  unknown-ref'],
    ],
  ];
  itReports(cases);
});
