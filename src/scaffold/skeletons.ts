/**
 * Skeletons for `npm run new`: an incident write-up, a source, a record of any kind. The fields a
 * record kind requires are read from its schema, so a new field in the model shows up here by
 * itself. What only a person can know is left as `TODO`, which `npm run check` names field by
 * field until it is filled.
 */
import GithubSlugger from 'github-slugger';
import { stringify } from 'yaml';
import type { z } from 'zod';
import { arrayElement, fieldType, isOptional, objectShape } from '../schema/introspect.ts';
import { recordSchemas, type RecordKind } from '../schema/records.ts';

export const TODO = 'TODO';

export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** `base`, or `base-2`, `base-3`… whichever is not taken. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export function slugify(title: string): string {
  const slug = new GithubSlugger()
    .slug(title.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return slug || 'incident';
}

export function incidentSkeleton(title: string, date: string): string {
  const frontmatter = stringify({
    title,
    date,
    summary: 'One or two plain sentences: what happened, where and when. Shown in lists, feeds and social cards.',
    status: 'draft',
    contentWarning: 'Describe what the reader will meet (violence, propaganda), or delete this line.',
    tags: [],
    authors: [],
    sources: [],
  }, { lineWidth: 0 }).trimEnd();
  return `---
# A draft: shown by \`npm run dev\` with a banner, never built. Set status: published when it is ready.
${frontmatter}
---

## What happened

Write the account here in your own words. Cite a source with \`<Cite id="source-id" />\`, mention
a record with \`<Record id="record-id" />\`, and show this incident's records with \`<Timeline />\`
(the editor guide at /guide/ lists every component).
`;
}

export function sourceSkeleton(url: string, id: string, date: string): Record<string, unknown> {
  return { id, title: TODO, publisher: TODO, kind: TODO, published: date, url, archived: 'TODO: an archive copy of the url', language: 'en', reliability: TODO };
}

/** A value for a required field a person must choose: TODO, a list of one TODO, or a mapping of them. */
function placeholder(schema: z.ZodType): unknown {
  switch (fieldType(schema)) {
    case 'array':
      return [placeholder(arrayElement(schema)!)];
    case 'object':
      return Object.fromEntries(Object.entries(objectShape(schema)).filter(([, field]) => !isOptional(field)).map(([key, field]) => [key, placeholder(field)]));
    case 'number':
      return 0;
    default:
      return TODO;
  }
}

export function recordSkeleton(kind: RecordKind, id: string, date: string): Record<string, unknown> {
  const shape = objectShape(recordSchemas[kind]);
  const record: Record<string, unknown> = { id, kind, date, title: TODO, sources: [TODO] };
  for (const [key, field] of Object.entries(shape)) {
    if (key in record || isOptional(field)) continue;
    record[key] = placeholder(field);
  }
  return record;
}

/** A mapping as a YAML list item, to append to a data file. */
export function yamlListItem(value: Record<string, unknown>): string {
  return stringify([value], { lineWidth: 0 });
}
