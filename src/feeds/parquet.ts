/**
 * `/data/records.parquet`: every published record in one columnar, compressed, typed table, the
 * form analysis tools (DuckDB, pandas, R's arrow, Polars) read fastest. One row per record, the
 * same columns and names as the CSV files (all kinds merged, `location.place` dotted), typed from
 * the zod schemas: whole numbers INT64, other numbers DOUBLE, flags BOOLEAN, lists of values
 * LIST, lists of mappings (`disputed`) JSON, everything else (ids, enums, EDTF dates) UTF-8
 * strings. Values are kept as the data holds them: no formula guard, a Parquet cell is no
 * spreadsheet formula.
 *
 * Written with hyparquet-writer (MIT, about 0.5 MB with its reader, no native code); why this
 * one and not parquet-wasm or DuckDB is in docs/scale.md.
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { DataRecord } from '../schema/index.ts';
import { arrayElement, fieldType } from '../schema/introspect.ts';
import { isInteger, valueAt, type Column } from './table.ts';
import { allRecordsColumns } from './downloads.ts';

export type ParquetType = 'STRING' | 'INT64' | 'DOUBLE' | 'BOOLEAN' | 'JSON';

/** A column's Parquet type: of the column itself, or of a list's elements. */
export interface ParquetColumn {
  name: string;
  type: ParquetType;
  list: boolean;
}

function scalarType(schema: Column['schema']): ParquetType {
  switch (fieldType(schema)) {
    case 'number':
      return isInteger(schema) ? 'INT64' : 'DOUBLE';
    case 'boolean':
      return 'BOOLEAN';
    default:
      return 'STRING';
  }
}

export function parquetColumn(column: Column): ParquetColumn {
  if (column.encoding === 'json') return { name: column.name, type: 'JSON', list: false };
  if (column.encoding === 'list') return { name: column.name, type: scalarType(arrayElement(column.schema)!), list: true };
  return { name: column.name, type: scalarType(column.schema), list: false };
}

const PHYSICAL: Record<ParquetType, object> = {
  STRING: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  JSON: { type: 'BYTE_ARRAY', converted_type: 'JSON' },
  INT64: { type: 'INT64' },
  DOUBLE: { type: 'DOUBLE' },
  BOOLEAN: { type: 'BOOLEAN' },
};

/** The Parquet schema: `id` required, every other column optional; lists in the standard three-level form. */
function schemaOf(columns: ParquetColumn[]) {
  const elements: object[] = [{ name: 'root', num_children: columns.length }];
  for (const column of columns) {
    const repetition = column.name === 'id' ? 'REQUIRED' : 'OPTIONAL';
    if (column.list) {
      elements.push(
        { name: column.name, repetition_type: repetition, num_children: 1, converted_type: 'LIST' },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        { name: 'element', ...PHYSICAL[column.type], repetition_type: 'OPTIONAL' },
      );
    } else elements.push({ name: column.name, ...PHYSICAL[column.type], repetition_type: repetition });
  }
  return elements;
}

function scalar(value: unknown, type: ParquetType): unknown {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'INT64':
      return typeof value === 'number' && Number.isInteger(value) ? BigInt(value) : null;
    case 'DOUBLE':
      return typeof value === 'number' ? value : null;
    case 'BOOLEAN':
      return typeof value === 'boolean' ? value : null;
    case 'JSON':
      return JSON.stringify(value);
    default:
      if (value instanceof Date) return value.toISOString();
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/** The records as a Parquet file (Snappy-compressed, row groups of up to 100,000 rows). */
export function recordsParquet(records: readonly DataRecord[], columns: Column[] = allRecordsColumns()): ArrayBuffer {
  const typed = columns.map(parquetColumn);
  const columnData = columns.map((column, i) => {
    const { type, list } = typed[i]!;
    const data = records.map((record) => {
      const value = valueAt(record as unknown as Record<string, unknown>, column.path);
      if (!list) return scalar(value, type);
      if (value === undefined || value === null) return null;
      return (Array.isArray(value) ? value : [value]).map((item) => scalar(item, type));
    });
    return { name: column.name, data };
  });
  return parquetWriteBuffer({ columnData, schema: schemaOf(typed) as never, createdBy: 'Driftwatch (hyparquet-writer)' });
}
