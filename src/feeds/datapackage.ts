/**
 * `/data/datapackage.json`: a Frictionless Data Package (v2) describing every CSV download (one
 * resource per file: each has its header row, so each reads alone) and the Parquet file of all
 * records. Field names, types, enums, required flags, descriptions and foreign keys all come from
 * the zod schemas through the columns of table.ts.
 */
import { arrayElement, fieldType } from '../schema/introspect.ts';
import type { SiteSettings } from '../schema/index.ts';
import { description, isInteger, metaOf, referenceOf, type Column } from './table.ts';
import { allRecordsColumns, PARQUET_FILE, type Download } from './downloads.ts';

export interface TableField {
  name: string;
  type: string;
  format?: string;
  description?: string;
  delimiter?: string;
  itemType?: string;
  constraints?: { required?: boolean; enum?: (string | number)[] };
}

function scalarType(column: Column['schema']): Pick<TableField, 'type' | 'format'> {
  switch (fieldType(column)) {
    case 'number':
      return { type: isInteger(column) ? 'integer' : 'number' };
    case 'boolean':
      return { type: 'boolean' };
    default: {
      const format = metaOf(column, 'format');
      return format === 'uri' ? { type: 'string', format: 'uri' } : { type: 'string' };
    }
  }
}

export function tableField(column: Column): TableField {
  const field: TableField = { name: column.name, ...scalarType(column.schema) };
  if (column.encoding === 'list') {
    const element = arrayElement(column.schema)!;
    Object.assign(field, { type: 'list', delimiter: ';', itemType: scalarType(element).type });
  } else if (column.encoding === 'json') {
    field.type = 'array';
    delete field.format;
  }
  const format = metaOf(column.schema, 'format');
  const text = description(column.schema);
  const notes = [text, format === 'edtf' ? 'An EDTF date (ISO 8601-2).' : undefined].filter(Boolean).join(' ');
  if (notes) field.description = notes;
  const constraints: TableField['constraints'] = {};
  if (column.required) constraints.required = true;
  if (column.values.length > 0 && column.encoding === 'scalar') constraints.enum = column.values;
  if (Object.keys(constraints).length > 0) field.constraints = constraints;
  return field;
}

/** A column of the Parquet file: as in the CSV, but a list is a native list ('array'), not joined text. */
export function parquetField(column: Column): TableField {
  const field = tableField(column);
  if (field.type !== 'list') return field;
  const { delimiter: _delimiter, itemType: _itemType, ...rest } = field;
  return { ...rest, type: 'array' };
}

/** Licence names as the Open Definition writes them, for the common Creative Commons ones. */
export function licence(name: string): { name: string; title: string; path?: string } {
  const match = /^CC[ -](BY(?:[ -](?:SA|NC|ND|NC[ -]SA|NC[ -]ND))?)[ -](\d\.\d)$/i.exec(name.trim());
  if (!match) return { name: name.replace(/\s+/g, '-'), title: name };
  const code = match[1]!.toLowerCase().replace(/ /g, '-');
  return { name: `CC-${code.toUpperCase()}-${match[2]}`, title: name, path: `https://creativecommons.org/licenses/${code}/${match[2]}/` };
}

const RESOURCE_OF: Partial<Record<string, string>> = { platforms: 'platforms', actors: 'actors', sources: 'sources' };

const foreignKeys = (columns: Column[], files: Download[]) =>
  columns
    .filter((c) => c.encoding === 'scalar' && RESOURCE_OF[referenceOf(c.schema) ?? ''] && files.some((f) => f.name === RESOURCE_OF[referenceOf(c.schema)!]))
    .map((c) => ({ fields: [c.name], reference: { resource: RESOURCE_OF[referenceOf(c.schema)!]!, fields: ['id'] } }));

const tableSchema = (columns: Column[], files: Download[]) => ({ fields: columns.map(tableField), primaryKey: ['id'], missingValues: [''], foreignKeys: foreignKeys(columns, files) });

export function dataPackage(settings: SiteSettings, files: Download[], siteUrl: string): object {
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: settings.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'driftwatch',
    title: settings.title,
    description: settings.description,
    ...(settings.version ? { version: settings.version } : {}),
    ...(settings.doi ? { id: `https://doi.org/${settings.doi}` } : {}),
    ...(settings.authors?.length ? { contributors: settings.authors.map((title) => ({ title, roles: ['creator'] })) } : {}),
    homepage: siteUrl,
    licenses: [licence(settings.licence)],
    resources: [
      {
        name: 'records',
        type: 'table',
        path: PARQUET_FILE,
        scheme: 'file',
        format: 'parquet',
        mediatype: 'application/vnd.apache.parquet',
        title: 'All records',
        description: 'Every record of every kind in one typed table (Parquet), with a kind column; fields a kind does not have are empty. The same rows as the CSV files of every kind and year together.',
        // Parquet has real nulls and real lists: no missing-value marker, no delimiter.
        schema: { fields: allRecordsColumns().map(parquetField), primaryKey: ['id'], foreignKeys: foreignKeys(allRecordsColumns(), files) },
      },
      ...files.map((file) => ({
        name: file.name,
        type: 'table',
        path: `${file.name}.csv`,
        scheme: 'file',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        title: file.title,
        description: file.description,
        dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
        schema: tableSchema(file.columns, files),
      })),
    ],
  };
}
