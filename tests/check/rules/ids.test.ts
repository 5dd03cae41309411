/** Ids and file names (src/check/rules/ids.ts). */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESERVED_PAGE_NAMES } from '../../../src/check/project-files.ts';
import { replaceOnce } from '../../helpers/fixture.ts';
import { itReports, RECORDS, type Case } from '../problems-after.ts';

describe('ids', () => {
  const cases: Case[] = [
    [
      'a duplicate id within a file',
      { [RECORDS]: replaceOnce('id: takedown-1', 'id: claim-1') },
      [
        'data/records/main.yaml:26:7  error  duplicate record id "claim-1" (first defined at data/records/main.yaml:9:7)  duplicate-id',
        'data/records/main.yaml:42:12  error  unknown record "takedown-1"; a new record goes in a file in data/records/ (npm run new -- record <kind> --incident <slug>)  unknown-ref',
        'content/pages/about.mdx:5:63  error  <Record>: unknown record "takedown-1"; a new record goes in a file in data/records/ (npm run new -- record <kind> --incident <slug>)  unknown-ref',
      ],
    ],
    [
      'a duplicate id across YAML and CSV record files',
      { 'data/records/statements.csv': replaceOnce('statement-1', 'attack-1') },
      [
        'data/records/statements.csv:2:1  error  duplicate record id "attack-1" (first defined at data/records/main.yaml:1:7)  duplicate-id',
        // The fixture's about page names statement-1, which is gone.
        'content/pages/about.mdx:5:120  error  <Record>: unknown record "statement-1"; a new record goes in a file in data/records/ (npm run new -- record <kind> --incident <slug>)  unknown-ref',
      ],
    ],
    [
      'an id that is not kebab-case',
      { 'data/actors.yaml': replaceOnce('id: amaq', 'id: Amaq_Agency') },
      [
        'data/actors.yaml:5:7  error  "id" must be lower-case kebab-case (a-z, 0-9 and single hyphens)  bad-id',
        // The old id is gone, so what pointed at it is reported too.
        'data/records/main.yaml:15:11  error  unknown actor "amaq"; a new actor goes in data/actors.yaml (npm run new -- actor "Name")  unknown-ref',
        'data/records/statements.csv:2:46  error  unknown actor "amaq"; a new actor goes in data/actors.yaml (npm run new -- actor "Name")  unknown-ref',
      ],
    ],
    [
      'a free page named like an address of the site, or not as a slug',
      { 'content/pages/sources.mdx': '---\ntitle: Sources\n---\n', 'content/pages/My Page.mdx': '---\ntitle: Mine\n---\n' },
      [
        'content/pages/My Page.mdx:1:1  error  file name "My Page.mdx" must be a lower-case kebab-case slug: it is the page\'s URL  bad-id',
        'content/pages/sources.mdx:1:1  error  /sources/ is an address the site itself uses: give the page another file name  bad-id',
      ],
    ],
  ];
  itReports(cases);

  it('reserves every top-level address of src/pages/, and the folders a build writes', () => {
    const routes = readdirSync(join(process.cwd(), 'src/pages')).map((name) => name.replace(/\.(astro|ts)$/, '')).filter((name) => !name.startsWith('['));
    expect([...RESERVED_PAGE_NAMES].sort()).toEqual([...routes, '_astro', 'pagefind'].sort());
  });
});
