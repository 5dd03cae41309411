/** CSV record files: typed from the schemas, with the position of every cell. */
import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvCells } from '../../src/data/csv.ts';

describe('parseCsvCells', () => {
  it('reads quotes, doubled quotes, commas and newlines in cells, CRLF and a BOM', () => {
    const { rows } = parseCsvCells('\ufeffa,b\r\n"x, ""y""","two\nlines"\r\n');
    expect(rows.map((r) => r.map((c) => c.text))).toEqual([
      ['a', 'b'],
      ['x, "y"', 'two\nlines'],
    ]);
  });
  it('reports an unclosed quote', () => {
    expect(parseCsvCells('a\n"b\n').error?.message).toBe('CSV syntax: a quoted field is never closed');
  });
});

describe('parseCsv', () => {
  it('turns columns into typed fields: lists, numbers, dotted nesting, JSON disputes', () => {
    const csv = [
      'id,kind,date,title,location.place,location.country,weapon,killed,sources,disputed',
      'a-1,attack,2019-11-29,Attack,London,GB,melee;hoax,2,s-1;s-2,"[{""field"":""date"",""value"":""2019-11-30"",""sources"":[""s-2""]}]"',
    ].join('\n');
    const { entries, problems } = parseCsv('data/records/a.csv', csv);
    expect(problems).toEqual([]);
    expect(entries[0]!.value).toEqual({
      id: 'a-1',
      kind: 'attack',
      date: '2019-11-29',
      title: 'Attack',
      location: { place: 'London', country: 'GB' },
      weapon: ['melee', 'hoax'],
      killed: 2,
      sources: ['s-1', 's-2'],
      disputed: [{ field: 'date', value: '2019-11-30', sources: ['s-2'] }],
    });
    expect(entries[0]!.locate(['killed'])).toEqual({ line: 2, col: 51 });
    expect(entries[0]!.locate(['location', 'country'])).toEqual({ line: 2, col: 37 });
  });

  it('takes the kind from the file name when there is no kind column', () => {
    const { entries } = parseCsv('data/records/statements-2019.csv', 'id,date,title,actor,sources\ns,2019,T,a,x\n');
    expect(entries[0]!.value).toMatchObject({ kind: 'statement', id: 's' });
  });

  it("reads back its own downloads' neutralised formula cells", () => {
    const { entries } = parseCsv('data/records/x.csv', "id,kind,title,notes\na,statement,'@handle,'-2+3\n");
    expect(entries[0]!.value).toMatchObject({ title: '@handle', notes: '-2+3' });
  });

  it('leaves empty cells out and keeps text that is not a number as text (for the schema to reject)', () => {
    const { entries } = parseCsv('data/records/x.csv', 'id,kind,killed,notes\na,attack,two,\n');
    expect(entries[0]!.value).toEqual({ id: 'a', kind: 'attack', killed: 'two' });
  });
});
