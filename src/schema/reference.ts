/**
 * The field reference for editors, read from the zod schemas: the guide page and
 * docs/data-model.md both render it, so neither can drift from the model.
 */
import type { z } from 'zod';
import { referenceTarget } from './common.ts';
import { actorSchema } from './actors.ts';
import { incidentSchema, pageSchema } from './content.ts';
import { arrayElement, description, enumValues, fieldType, isOptional, objectShape, unionOptions, unwrap } from './introspect.ts';
import { platformSchema } from './platforms.ts';
import { RECORD_KINDS, recordSchemas } from './records.ts';
import { siteSchema } from './site.ts';
import { sourceSchema } from './sources.ts';

export interface FieldRow {
  field: string;
  type: string;
  required: boolean;
  description: string;
}

export interface ReferenceTable {
  id: string;
  title: string;
  file: string;
  rows: FieldRow[];
}

const FORMAT_NAMES: Record<string, string> = { edtf: 'EDTF date', uri: 'http(s) URL', 'date-time': 'ISO 8601 date-time' };

function formatOf(schema: z.ZodType): string | undefined {
  const meta = (unwrap(schema) as unknown as { meta?: () => { format?: string } | undefined }).meta?.();
  return meta?.format ? FORMAT_NAMES[meta.format] : undefined;
}

/** A short, human description of what a field takes. */
export function typeText(schema: z.ZodType): string {
  const inner = unwrap(schema);
  const target = referenceTarget(inner);
  if (target) return `id in ${target}`;
  const format = formatOf(inner);
  if (format) return format;
  switch (fieldType(inner)) {
    case 'string':
      return 'text';
    case 'number':
      return 'number';
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of: ${enumValues(inner).join(', ')}`;
    case 'literal':
      return enumValues(inner).join(', ');
    case 'array': {
      const item = typeText(arrayElement(inner)!);
      return `list of ${item.includes(', or ') ? `(${item})` : item}`;
    }
    case 'object':
      return `mapping: ${Object.keys(objectShape(inner)).join(', ')}`;
    case 'union':
      return unionOptions(inner).map(typeText).join(', or ');
    default:
      return 'value';
  }
}

function rows(schema: z.ZodType, prefix = ''): FieldRow[] {
  return Object.entries(objectShape(schema)).flatMap(([key, field]) => {
    const row: FieldRow = { field: `${prefix}${key}`, type: typeText(field), required: !isOptional(field), description: description(field) ?? '' };
    // Spell out nested mappings (location, scope, disputed entries, captures) field by field.
    const nested = nestedMapping(field, `${prefix}${key}`);
    return nested ? [row, ...rows(nested.schema, nested.prefix)] : [row];
  });
}

/** The mapping a field holds, if any (itself, a list's items, one form of a union), and the prefix its fields are named by. */
function nestedMapping(schema: z.ZodType, name: string): { schema: z.ZodType; prefix: string } | undefined {
  const inner = unwrap(schema);
  switch (fieldType(inner)) {
    case 'object':
      return { schema: inner, prefix: `${name}.` };
    case 'array':
      return nestedMapping(arrayElement(inner)!, `${name}[]`);
    case 'union':
      return unionOptions(inner)
        .map((option) => nestedMapping(option, name))
        .find((found) => found !== undefined);
    default:
      return undefined;
  }
}

export function fieldReference(): ReferenceTable[] {
  return [
    { id: 'incidents', title: 'Incident write-ups', file: 'content/incidents/<slug>.mdx (frontmatter)', rows: rows(incidentSchema) },
    { id: 'pages', title: 'Free pages', file: 'content/pages/<slug>.mdx (frontmatter)', rows: rows(pageSchema) },
    { id: 'site', title: 'Site settings', file: 'data/site.yaml (one mapping)', rows: rows(siteSchema) },
    { id: 'platforms', title: 'Platforms', file: 'data/platforms.yaml', rows: rows(platformSchema) },
    { id: 'actors', title: 'Actors', file: 'data/actors.yaml', rows: rows(actorSchema) },
    { id: 'sources', title: 'Sources', file: 'data/sources.yaml', rows: rows(sourceSchema) },
    ...RECORD_KINDS.map((kind) => ({
      id: `records-${kind}`,
      title: `Records: ${kind}`,
      file: 'data/records/*.yaml or *.csv',
      rows: rows(recordSchemas[kind]),
    })),
  ];
}

/** The date forms src/schema/edtf.ts reads, with what each means; its messages point here. */
const DATES = [
  '## Dates',
  '',
  'Every date is an EDTF string, as precise as the sources are and no more:',
  '',
  '| written | means |',
  '| --- | --- |',
  '| `2019-11-29` | that day |',
  '| `2019-11` | some day in November 2019 |',
  '| `2019` | some day in 2019 |',
  '| `2019-11-29T13:58:00Z` | that moment, with its time zone: `Z` for UTC or an offset such as `+03:00` |',
  '| `2019-11~`, `2019-11?`, `2019-11%` | approximate, uncertain, or both |',
  '| `2019-11-21/2019-11-24` | from the first to the second |',
  '',
  'Not read: digits without dashes (`20191129`), years before the Common Era, unspecified digits (`201X`), a time of day without its zone, and the rest of EDTF (sets, seasons, open intervals).',
  '',
];

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function referenceMarkdown(): string {
  const out = [
    '<!-- Generated from src/schema by `npm run schemas`; do not edit by hand. -->',
    '',
    '# Field reference',
    '',
    'Every field of every file editors write, read from the zod schemas in `src/schema/`: the',
    "project's data contract. Rules the checker applies are in [checks.md](checks.md).",
    '',
    ...DATES,
  ];
  for (const table of fieldReference()) {
    out.push(`## ${table.title}`, '', `\`${table.file}\``, '', '| field | takes | required | meaning |', '| --- | --- | --- | --- |');
    for (const row of table.rows) out.push(`| \`${row.field}\` | ${cell(row.type)} | ${row.required ? 'yes' : ''} | ${cell(row.description)} |`);
    out.push('');
  }
  return `${out.join('\n')}`;
}
