/**
 * Tables from the schemas: which columns a download has and how each value becomes a CSV cell.
 *
 * The convention is the CSV loader's (src/data/csv.ts), so a downloaded CSV can be dropped back
 * into data/records/: nested mappings as dotted columns (`location.place`), lists joined with `;`,
 * lists of mappings (`disputed`) as JSON, an empty cell for an absent field. Which field is which
 * is read from the zod schemas, never listed by hand.
 */
import { z } from 'zod';
import { referenceTarget, type Registry } from '../schema/common.ts';
import { neutraliseFormula } from '../safety/escape.ts';
import { arrayElement, description, enumValues, fieldType, isOptional, objectShape, unionOptions, unwrap } from '../schema/introspect.ts';

export type Encoding = 'scalar' | 'list' | 'json';

export interface Column {
  /** The CSV header: `id`, `location.place`. */
  name: string;
  /** Where the value sits in a record: `['location', 'place']`. */
  path: string[];
  /** The field's own schema (for types, enums, descriptions). */
  schema: z.ZodType;
  encoding: Encoding;
  /** Present on every row (the field and, for a nested one, its parent are required). */
  required: boolean;
  /** The values allowed, for an enum or a literal (`kind`); the items' for a list of enums. */
  values: string[];
}

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** A metadata key (`format`, `references`) set anywhere along the optional/default wrappers. */
export function metaOf(schema: z.ZodType, key: string): unknown {
  for (let current: z.ZodType | undefined = schema; current; ) {
    const meta = z.globalRegistry.get(current) as Record<string, unknown> | undefined;
    if (meta && meta[key] !== undefined) return meta[key];
    const def = defOf(current);
    current = def.innerType ?? def.in;
  }
  return undefined;
}

/** The registry a field (or a list's elements) points at. */
export function referenceOf(schema: z.ZodType): Registry | undefined {
  const inner = unwrap(schema);
  return referenceTarget(inner) ?? (metaOf(schema, 'references') as Registry | undefined) ?? (fieldType(schema) === 'array' ? referenceTarget(unwrap(arrayElement(schema)!)) : undefined);
}

export function isInteger(schema: z.ZodType): boolean {
  const inner = unwrap(schema) as unknown as { isInt?: boolean; format?: string };
  return inner.isInt === true || inner.format === 'safeint' || inner.format === 'int32';
}

function holdsObjects(schema: z.ZodType | undefined): boolean {
  if (!schema) return false;
  const type = fieldType(schema);
  if (type === 'object') return true;
  if (type === 'union') return unionOptions(schema).some(holdsObjects);
  return false;
}

function encodingOf(schema: z.ZodType): Encoding {
  const type = fieldType(schema);
  if (type === 'array') return holdsObjects(arrayElement(schema)) ? 'json' : 'list';
  if (type === 'union' && unionOptions(schema).some((o) => holdsObjects(o) || fieldType(o) === 'array')) return 'json';
  return 'scalar';
}

function valuesOf(schema: z.ZodType): string[] {
  const type = fieldType(schema);
  if (type === 'enum' || type === 'literal') return enumValues(schema);
  if (type === 'array') {
    const element = arrayElement(schema);
    if (element && (fieldType(element) === 'enum' || fieldType(element) === 'literal')) return enumValues(element);
  }
  return [];
}

/** The columns of one schema: `id` and `kind` first, then the fields in the schema's order. */
export function columnsOf(schema: z.ZodType): Column[] {
  const shape = objectShape(schema);
  const keys = Object.keys(shape);
  const ordered = [...keys.filter((k) => k === 'id' || k === 'kind'), ...keys.filter((k) => k !== 'id' && k !== 'kind')];
  const columns: Column[] = [];
  for (const key of ordered) {
    const field = shape[key]!;
    if (fieldType(field) === 'object') {
      for (const [sub, subField] of Object.entries(objectShape(field))) {
        columns.push({ name: `${key}.${sub}`, path: [key, sub], schema: subField, encoding: encodingOf(subField), required: !isOptional(field) && !isOptional(subField), values: valuesOf(subField) });
      }
    } else {
      columns.push({ name: key, path: [key], schema: field, encoding: encodingOf(field), required: !isOptional(field), values: valuesOf(field) });
    }
  }
  return columns;
}

/** Columns of several schemas in one table (all record kinds): first seen first; required only where every schema requires it. */
export function mergeColumns(lists: Column[][]): Column[] {
  const merged = new Map<string, Column>();
  for (const list of lists) {
    for (const column of list) {
      const seen = merged.get(column.name);
      merged.set(column.name, seen ? { ...seen, required: seen.required && column.required, values: [...new Set([...seen.values, ...column.values])] } : column);
    }
  }
  for (const [name, column] of merged) {
    if (!lists.every((list) => list.some((c) => c.name === name))) merged.set(name, { ...column, required: false });
  }
  return [...merged.values()];
}

/** RFC 4180 quoting. */
export function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** The value at `path` in a row (`['location', 'place']`), or undefined. */
export function valueAt(row: Record<string, unknown>, path: string[]): unknown {
  let value: unknown = row;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** One value as the text of its cell (before quoting). Numbers stay numbers: `-0.08` is not a formula. */
export function cellText(value: unknown, encoding: Encoding): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (encoding === 'json' || (typeof value === 'object' && !Array.isArray(value))) return neutraliseFormula(JSON.stringify(value));
  if (Array.isArray(value)) {
    if (value.some((v) => v !== null && typeof v === 'object')) return neutraliseFormula(JSON.stringify(value));
    return neutraliseFormula(value.map(String).join(';'));
  }
  return neutraliseFormula(String(value));
}

/** A whole CSV file: header, then one line per row, CRLF line ends (RFC 4180). */
export function toCsv(columns: Column[], rows: readonly object[]): string {
  const lines = [columns.map((c) => quote(c.name)).join(',')];
  for (const row of rows) {
    lines.push(columns.map((c) => quote(cellText(valueAt(row as Record<string, unknown>, c.path), c.encoding))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export { description };
