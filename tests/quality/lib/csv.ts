/**
 * CSV downloads must not carry spreadsheet formulas: a cell that starts with `=`, `+`, `-`, `@`,
 * a tab or a carriage return is executed by Excel, LibreOffice and Google Sheets, so the site
 * prefixes it with `'` (OWASP's CSV injection advice). This is an RFC 4180 reader and the scan.
 */

/** Rows of cells; quoted cells may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

export interface FormulaCell {
  row: number;
  column: string;
  value: string;
}

const DANGEROUS = /^[=+\-@\t\r]/;
/**
 * A cell that is nothing but a decimal number (`-0.0873`, `+1`, `-1.5e3`) is a number to every
 * spreadsheet, not a formula, and cannot carry a payload; prefixing it would turn a longitude
 * into text and break the CSV's own datapackage.json types. Anything more (`-2+3`) is a formula.
 */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export const isFormula = (value: string): boolean => DANGEROUS.test(value) && !PLAIN_NUMBER.test(value);

/** Cells a spreadsheet would run as a formula (1-based data rows, header row excluded). */
export function formulaCells(text: string): FormulaCell[] {
  const [header = [], ...rows] = parseCsv(text);
  const out: FormulaCell[] = [];
  // The header is data too: a column name is a cell in the sheet.
  header.forEach((value, i) => isFormula(value) && out.push({ row: 0, column: `#${i + 1}`, value }));
  rows.forEach((cells, r) =>
    cells.forEach((value, i) => {
      if (isFormula(value)) out.push({ row: r + 1, column: header[i] ?? `#${i + 1}`, value: value.slice(0, 60) });
    }),
  );
  return out;
}
