/**
 * Reading the shape of a schema: which fields are lists, numbers, nested mappings or references.
 * The CSV loader, the reference checker, the generated field reference and the data package all
 * ask these questions, so the answers come from the schemas and nowhere else.
 */
import { z } from 'zod';

type AnyDef = { type: string; innerType?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType>; entries?: Record<string, string>; values?: unknown[]; options?: z.ZodType[]; in?: z.ZodType };

const defOf = (schema: z.ZodType): AnyDef => (schema as unknown as { _zod: { def: AnyDef } })._zod.def;

/** Strip optional/default/nullable wrappers (metadata stays on the inner schema). */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

export function isOptional(schema: z.ZodType): boolean {
  const type = defOf(schema).type;
  return type === 'optional' || type === 'default' || type === 'prefault';
}

export type FieldType = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'enum' | 'literal' | 'union' | 'other';

export function fieldType(schema: z.ZodType): FieldType {
  const type = defOf(unwrap(schema)).type;
  return (['string', 'number', 'boolean', 'array', 'object', 'enum', 'literal', 'union'] as const).find((t) => t === type) ?? 'other';
}

export function objectShape(schema: z.ZodType): Record<string, z.ZodType> {
  return defOf(unwrap(schema)).shape ?? {};
}

export function arrayElement(schema: z.ZodType): z.ZodType | undefined {
  return defOf(unwrap(schema)).element;
}

export function enumValues(schema: z.ZodType): string[] {
  const def = defOf(unwrap(schema));
  if (def.entries) return Object.values(def.entries);
  if (def.values) return def.values.map(String);
  return [];
}

export function unionOptions(schema: z.ZodType): z.ZodType[] {
  return defOf(unwrap(schema)).options ?? [];
}

export function description(schema: z.ZodType): string | undefined {
  for (let current: z.ZodType | undefined = schema; current; ) {
    const meta = z.globalRegistry.get(current) as { description?: string } | undefined;
    if (meta?.description) return meta.description;
    const def = defOf(current);
    current = def.innerType ?? def.in;
  }
  return undefined;
}
