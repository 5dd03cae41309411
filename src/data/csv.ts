/**
 * CSV record files: one kind per file, the same field names as YAML. Spreadsheets and other
 * datasets export CSV, so bulk data can be dropped into data/records/ as it is.
 *
 * - nested fields use dotted headers: `location.place`, `location.country`, `scope.count`;
 * - list fields hold values separated by `;`;
 * - `disputed` (a list of mappings) holds JSON;
 * - an empty cell means the field is absent.
 * Which field is a list or a number is read from the record schemas, not listed here.
 */
import type { z } from 'zod';
import type { Problem } from './problems.ts';
import { formatLimit, LIMITS, nestsDeeperThan } from './limits.ts';
import type { RuleId } from './rule-ids.ts';
import { arrayElement, fieldType, objectShape } from '../schema/introspect.ts';
import { RECORD_KINDS, recordSchemas, type RecordKind } from '../schema/records.ts';
import { positionsOf, type Entry, type ParsedFile, type PathSegment, type Position } from './files.ts';

interface Cell {
  text: string;
  offset: number;
}

/** RFC 4180: quoted fields, doubled quotes, CRLF or LF. Stops past `maxRows` rows (the header is one), with `tooMany` where. */
export function parseCsvCells(text: string, maxRows = Infinity): { rows: Cell[][]; error?: { offset: number; message: string }; tooMany?: number } {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    const start = i;
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) return { rows, error: { offset: start, message: 'CSV syntax: a quoted field is never closed' } };
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      if (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
        return { rows, error: { offset: i, message: 'CSV syntax: unexpected character after a closing quote' } };
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
    }
    row.push({ text: value, offset: start });
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    if (!(row.length === 1 && row[0]!.text === '')) rows.push(row);
    if (rows.length > maxRows) return { rows, tooMany: rows.at(-1)![0]!.offset };
    row = [];
    if (i >= text.length) return { rows };
  }
}

function kindFromFileName(file: string): RecordKind | undefined {
  const name = file.split('/').pop()!.toLowerCase();
  return RECORD_KINDS.find((kind) => name.startsWith(kind));
}

/** A cell's text → the value the schema expects (a list, a number), left as text when unsure. */
class TooDeep extends Error {}

function convert(schema: z.ZodType | undefined, raw: string): unknown {
  if (!schema) return raw;
  switch (fieldType(schema)) {
    case 'number': {
      const n = Number(raw.replace(/[\s,]/g, ''));
      return raw.trim() !== '' && Number.isFinite(n) ? n : raw;
    }
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : raw;
    case 'array': {
      const element = arrayElement(schema);
      if (element && fieldType(element) === 'object') {
        let parsed: unknown;
        try {
          parsed = JSON.parse(raw);
        } catch {
          return raw;
        }
        // Deeper than any dispute, and deep enough to exhaust the stack of what reads it next.
        if (nestsDeeperThan(parsed, LIMITS.yamlDepth.value)) throw new TooDeep();
        return parsed;
      }
      return raw.split(';').map((part) => convert(element, part.trim())).filter((part) => part !== '');
    }
    default:
      return raw;
  }
}

export function parseCsv(file: string, text: string): ParsedFile {
  const positionOf = positionsOf(text);
  const problem = (at: Position, message: string, rule: RuleId = 'syntax'): Problem => ({ file, ...at, severity: 'error', message, rule });
  // The header and at most the limit of records.
  const { rows, error, tooMany } = parseCsvCells(text, LIMITS.csvRows.value + 1);
  if (error) return { entries: [], problems: [problem(positionOf(error.offset), error.message)] };
  if (tooMany !== undefined) {
    return { entries: [], problems: [problem(positionOf(tooMany), `this file has more than ${formatLimit(LIMITS.csvRows.value)} rows, the most a CSV file may have: split it`, 'too-many-entries')] };
  }
  const [header, ...body] = rows;
  if (!header) return { entries: [], problems: [] };
  const columns = header.map((cell) => cell.text.trim());
  const kindColumn = columns.indexOf('kind');
  const fileKind = kindFromFileName(file);
  const problems: Problem[] = [];
  if (kindColumn < 0 && !fileKind) {
    problems.push(problem(positionOf(0), `a CSV record file needs a "kind" column, or a name that starts with its kind (${RECORD_KINDS.join(', ')})`, 'missing-field'));
    return { entries: [], problems };
  }
  // A column named twice: the second would silently overwrite the first in every row.
  const seen = new Set<string>();
  header.forEach((cell, index) => {
    const column = columns[index]!;
    if (column !== '' && seen.has(column)) problems.push(problem(positionOf(cell.offset), `column "${column}" is in the header twice: the second would overwrite the first`, 'csv-columns'));
    seen.add(column);
  });
  const rowsToRead = body.filter((cells) => {
    // A row of empty cells (`,,,` from a spreadsheet) holds nothing.
    if (cells.every((cell) => cell.text.trim() === '')) return false;
    // More cells than columns: usually a comma in an unquoted cell, which shifts every cell after
    // it. Said once, at the first extra cell, rather than as the errors of shifted values.
    const extra = cells.slice(columns.length).find((cell) => cell.text.trim() !== '');
    if (!extra) return true;
    problems.push(problem(positionOf(extra.offset), `this row has ${cells.length} cells and the header ${columns.length} columns: put a cell that holds a comma in double quotes ("Removed, per TamTam")`, 'csv-columns'));
    return false;
  });
  const entries: Entry[] = rowsToRead.map((cells) => {
    const kind = kindColumn >= 0 ? cells[kindColumn]?.text.trim() : fileKind;
    const shape = objectShape(recordSchemas[kind as RecordKind] ?? recordSchemas.attack);
    const value: Record<string, unknown> = fileKind && kindColumn < 0 ? { kind: fileKind } : {};
    const cellOf = new Map<string, Cell>();
    columns.forEach((column, index) => {
      let cell = cells[index];
      if (!cell || column === '') return;
      cellOf.set(column, cell);
      if (cell.text === '') return;
      // Driftwatch's own CSV downloads prefix formula-like cells with ' (so spreadsheets show
      // them as text); a downloaded file dropped back into data/records/ reads as it was.
      if (/^'[=+\-@\t\r]/.test(cell.text)) cell = { ...cell, text: cell.text.slice(1) };
      const [head, sub] = column.split('.', 2) as [string, string | undefined];
      const text = cell.text;
      const read = (schema: z.ZodType | undefined) => {
        try {
          return convert(schema, text);
        } catch (error) {
          if (!(error instanceof TooDeep)) throw error;
          problems.push(problem(positionOf(cell.offset), `the JSON in this cell nests lists and mappings more than ${formatLimit(LIMITS.yamlDepth.value)} levels deep`, 'nesting'));
          return undefined;
        }
      };
      if (sub === undefined) {
        value[head] = read(shape[head]);
      } else {
        const nested = (value[head] ??= {}) as Record<string, unknown>;
        nested[sub] = read(objectShape(shape[head] ?? recordSchemas.attack)[sub]);
      }
    });
    const rowStart = cells[0]?.offset ?? 0;
    return {
      file,
      value,
      locate(path: readonly PathSegment[]): Position {
        const [head, sub] = path;
        const cell = (sub !== undefined && typeof sub === 'string' ? cellOf.get(`${String(head)}.${sub}`) : undefined) ?? cellOf.get(String(head));
        return positionOf(cell?.offset ?? rowStart);
      },
    };
  });
  return { entries, problems };
}
