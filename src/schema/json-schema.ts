/**
 * JSON Schemas for editors' tools (VS Code's YAML support completes fields and flags mistakes as
 * they type), generated from the zod schemas: never written by hand. `npm run schemas` writes
 * them to schemas/; a test fails when the committed files drift from the zod schemas.
 */
import { z } from 'zod';
import { actorSchema, incidentSchema, pageSchema, platformSchema, recordSchema, siteSchema, sourceSchema } from './index.ts';

/** File name in schemas/ → the JSON Schema, and the files it applies to. */
export const JSON_SCHEMAS = {
  'site.schema.json': { schema: siteSchema, list: false, files: ['data/site.yaml'], title: 'Driftwatch site settings (data/site.yaml)' },
  'platforms.schema.json': { schema: platformSchema, list: true, files: ['data/platforms.yaml'], title: 'Driftwatch platforms (data/platforms.yaml)' },
  'actors.schema.json': { schema: actorSchema, list: true, files: ['data/actors.yaml'], title: 'Driftwatch actors (data/actors.yaml)' },
  'sources.schema.json': { schema: sourceSchema, list: true, files: ['data/sources.yaml'], title: 'Driftwatch sources (data/sources.yaml)' },
  'records.schema.json': { schema: recordSchema, list: true, files: ['data/records/*.yaml', 'data/records/**/*.yaml'], title: 'Driftwatch records (data/records/*.yaml)' },
  'incident.schema.json': { schema: incidentSchema, list: false, files: [], title: 'Driftwatch incident frontmatter (content/incidents/*.mdx)' },
  'page.schema.json': { schema: pageSchema, list: false, files: [], title: 'Driftwatch page frontmatter (content/pages/*.mdx)' },
} as const;

export function jsonSchema(name: keyof typeof JSON_SCHEMAS): Record<string, unknown> {
  const { schema, list, title } = JSON_SCHEMAS[name];
  const target = list ? z.array(schema) : schema;
  // `input`: what the editor writes (fields with defaults are optional).
  const generated = z.toJSONSchema(target, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...generated, $id: `https://driftwatch.example/schemas/${name}`, title };
}

/** The text of each file, stable byte for byte. */
export function jsonSchemaFiles(): Record<string, string> {
  return Object.fromEntries(Object.keys(JSON_SCHEMAS).map((name) => [name, `${JSON.stringify(jsonSchema(name as keyof typeof JSON_SCHEMAS), null, 2)}\n`]));
}

/** `.vscode/settings.json`'s yaml.schemas: schema file → globs. */
export function vscodeYamlSchemas(): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(JSON_SCHEMAS)
      .filter(([, entry]) => entry.files.length > 0)
      .map(([name, entry]) => [`./schemas/${name}`, [...entry.files]]),
  );
}
