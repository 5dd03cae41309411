/**
 * A citation's BibTeX and CSL-JSON (src/client/cite-forms.ts): the one module the server writes a
 * page's forms with and the browser a record's. Records' titles are hostile text.
 */
import { describe, expect, it } from 'vitest';
import { bibtex, cslJson, cslJsonText, recordCitation, type RecordCiteModel } from '../../src/client/cite-forms.ts';
import { plainCitation } from '../../src/seo/cite.ts';

const MODEL: RecordCiteModel = {
  authors: ['Doe, Jane', 'Example Research Group'],
  container: 'Minimal dataset',
  type: 'dataset',
  version: '1.1.0',
  accessed: '2026-12-02',
  page: 'https://driftwatch.example/incidents/bridge-attack-2019/',
};

const HOSTILE_TITLES = [
  'A "quoted" title',
  'Braces {x} and } and {',
  'Back\\slash \\textbf{bold} \\',
  '</script><script>window.__xss=1</script>',
  'Specials & % $ # _ ~ ^ @',
  '}, title = {forged}, note = {',
  "Fishmongers' Hall — Телеграм ‮",
];

/**
 * A BibTeX entry read the way BibTeX reads it: `@type{key,` then `name = {value}` fields, where a
 * value ends at the brace that closes it (`\{` and `\}` are no braces), and nothing follows the
 * entry's closing brace.
 */
function readEntry(entry: string): { type: string; key: string; fields: Map<string, string> } {
  const head = /^@(\w+)\{([^,\s]+),\n/.exec(entry);
  if (!head) throw new Error(`no entry head: ${entry}`);
  const fields = new Map<string, string>();
  let at = head[0].length;
  for (;;) {
    const name = /^ {2}(\w+) = \{/.exec(entry.slice(at));
    if (!name) break;
    at += name[0].length;
    let depth = 1;
    const start = at;
    while (depth > 0) {
      const c = entry[at];
      if (c === undefined) throw new Error(`field ${name[1]} never closes`);
      if (c === '\\') at++;
      else if (c === '{') depth++;
      else if (c === '}') depth--;
      at++;
    }
    fields.set(name[1]!, entry.slice(start, at - 1));
    if (entry[at] === ',') at++;
    if (entry[at] === '\n') at++;
  }
  expect(entry.slice(at), 'the entry ends after its last field').toBe('}');
  return { type: head[1]!, key: head[2]!, fields };
}

/** What LaTeX prints for a field bibtexEscape wrote (one pair of protecting braces taken off). */
const printed = (field: string) =>
  field
    .replace(/^\{([\s\S]*)\}$/, '$1')
    .replace(/\\(textbackslash|textasciitilde|textasciicircum)\{\}|\\([{}&%$#_])/g, (_, command: string | undefined, char: string | undefined) =>
      command ? { textbackslash: '\\', textasciitilde: '~', textasciicircum: '^' }[command]! : char!,
    );

describe("a record's citation", () => {
  it('is the page’s shared parts with the record’s id, title and anchor', () => {
    expect(recordCitation(MODEL, { id: 'attack-1', title: 'A corrected <attack>' })).toEqual({
      authors: MODEL.authors,
      container: 'Minimal dataset',
      type: 'dataset',
      version: '1.1.0',
      accessed: '2026-12-02',
      id: 'attack-1',
      title: 'A corrected <attack>',
      url: 'https://driftwatch.example/incidents/bridge-attack-2019/#record-attack-1',
    });
    // A record shown on another incident's page keeps the address of its own.
    expect(recordCitation(MODEL, { id: 'claim-1', title: 'T', url: 'https://driftwatch.example/incidents/other/#record-claim-1' }).url).toBe('https://driftwatch.example/incidents/other/#record-claim-1');
  });

  it('writes the forms the cards wrote before they were made in the browser', () => {
    const cite = recordCitation(MODEL, { id: 'attack-1', title: 'A corrected <attack>' });
    expect(bibtex(cite)).toBe(
      [
        '@dataset{attack-1,',
        '  author = {{Doe, Jane} and {Example Research Group}},',
        '  title = {{A corrected <attack>}},',
        '  organization = {Minimal dataset},',
        '  version = {1.1.0},',
        '  url = {https://driftwatch.example/incidents/bridge-attack-2019/#record-attack-1},',
        '  urldate = {2026-12-02}',
        '}',
      ].join('\n'),
    );
    expect(cslJson(cite)).toEqual({
      id: 'attack-1',
      type: 'dataset',
      title: 'A corrected <attack>',
      author: [{ literal: 'Doe, Jane' }, { literal: 'Example Research Group' }],
      'container-title': 'Minimal dataset',
      URL: 'https://driftwatch.example/incidents/bridge-attack-2019/#record-attack-1',
      version: '1.1.0',
      accessed: { 'date-parts': [[2026, 12, 2]] },
    });
    expect(JSON.parse(cslJsonText(cite))).toEqual(cslJson(cite));
    expect(plainCitation(cite)).toBe('Doe, Jane, Example Research Group. “A corrected <attack>”. Minimal dataset (dataset). Version 1.1.0. https://driftwatch.example/incidents/bridge-attack-2019/#record-attack-1. Accessed 2026-12-02.');
  });

  it.each(HOSTILE_TITLES)('keeps a hostile title as written, in one field of one entry: %s', (title) => {
    const cite = recordCitation(MODEL, { id: 'attack-1', title });
    const entry = readEntry(bibtex(cite));
    expect(entry.type).toBe('dataset');
    expect(entry.key).toBe('attack-1');
    expect([...entry.fields.keys()]).toEqual(['author', 'title', 'organization', 'version', 'url', 'urldate']);
    expect(printed(entry.fields.get('title')!)).toBe(title);
    expect(JSON.parse(cslJsonText(cite)).title).toBe(title);
  });

  it('keeps hostile shared parts as written too: authors, container, version', () => {
    const model: RecordCiteModel = { ...MODEL, authors: ['}{ \\', 'A & B_'], container: '50% {of} #it', version: '1.0_{x}' };
    const entry = readEntry(bibtex(recordCitation(model, { id: 'a-1', title: 't' })));
    expect(entry.fields.get('author')).toBe('{\\}\\{ \\textbackslash{}} and {A \\& B\\_}');
    expect(printed(entry.fields.get('organization')!)).toBe('50% {of} #it');
    expect(printed(entry.fields.get('version')!)).toBe('1.0_{x}');
  });
});
