/**
 * Skeletons for `npm run new`: an incident write-up, a source, a record of any kind, an actor, a
 * platform. The fields a record kind requires are read from its schema, so a new field in the
 * model shows up here by itself. Facts come from what the editor gave (`--date`, the URL) or are
 * left as `TODO…`, which `npm run check` names field by field until it is filled: a scaffold never
 * writes a guess (today's date, a sample sentence) that could be published as a fact.
 */
import GithubSlugger from 'github-slugger';
import { isScalar, parseDocument, stringify, visit } from 'yaml';
import type { z } from 'zod';
import { arrayElement, enumValues, fieldType, isOptional, objectShape } from '../schema/introspect.ts';
import { actorSchema, platformSchema, recordSchemas, sourceSchema, type RecordKind } from '../schema/index.ts';

export const TODO = 'TODO';

/** A date the editor did not give: the check names it until it is filled. */
export const todoDate = (what: string) => `TODO: ${what}, e.g. 2020-11-02 (npm run new takes --date)`;

/** `base`, or `base-2`, `base-3`… whichever is not taken. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export function slugify(title: string, fallback = 'incident'): string {
  const slug = new GithubSlugger()
    .slug(title.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return slug || fallback;
}

/** The placeholders of an incident's frontmatter, which the check holds against a published one. */
export const INCIDENT_PLACEHOLDERS = {
  summary: 'TODO: one or two plain sentences: what happened, where and when (shown in lists, feeds and social cards)',
  contentWarning: 'TODO: what the reader will meet (violence, propaganda), or delete this line',
};

export function incidentSkeleton(title: string, date: string | undefined): string {
  const frontmatter = yamlText({
    title,
    date: date ?? todoDate('the day it happened'),
    summary: INCIDENT_PLACEHOLDERS.summary,
    status: 'draft',
    contentWarning: INCIDENT_PLACEHOLDERS.contentWarning,
    tags: [],
    authors: [],
    sources: [],
  }).trimEnd();
  return `---
# A draft: shown by \`npm run dev\` with a banner, never built. Set status: published (and
# published: with the day it goes out) when it is ready; every TODO left is then an error.
${frontmatter}
---

## What happened

Write the account here in your own words. Cite a source with \`<Cite id="source-id" />\`, mention
a record with \`<Record id="record-id" />\`. The page draws this incident's charts by itself (the
editor guide at /guide/ says which, and lists every component).
`;
}

/** A value for a required field a person must choose: TODO (naming the choices of a list), a list of one, or a mapping of them. */
function placeholder(schema: z.ZodType): unknown {
  switch (fieldType(schema)) {
    case 'array':
      return [placeholder(arrayElement(schema)!)];
    case 'object':
      return Object.fromEntries(Object.entries(objectShape(schema)).filter(([, field]) => !isOptional(field)).map(([key, field]) => [key, placeholder(field)]));
    case 'number':
      return 0;
    case 'enum':
      return `TODO: one of ${enumValues(schema).join(', ')}`;
    default:
      return TODO;
  }
}

/** `given` first, then every required field of `schema` the editor must fill. */
function withRequired(schema: z.ZodType, given: Record<string, unknown>): Record<string, unknown> {
  const entry = { ...given };
  for (const [key, field] of Object.entries(objectShape(schema))) {
    if (!(key in entry) && !isOptional(field)) entry[key] = placeholder(field);
  }
  return entry;
}

export function sourceSkeleton(url: string, id: string, published: string | undefined): Record<string, unknown> {
  return withRequired(sourceSchema, {
    id,
    title: TODO,
    publisher: TODO,
    kind: placeholder(objectShape(sourceSchema).kind!),
    published: published ?? todoDate('the day it was published'),
    url,
    archived: 'TODO: an archive copy of the url',
    language: 'en',
    reliability: placeholder(objectShape(sourceSchema).reliability!),
  });
}

export interface RecordFacts {
  id: string;
  date: string | undefined;
  incident: string | undefined;
}

export function recordSkeleton(kind: RecordKind, { id, date, incident }: RecordFacts): Record<string, unknown> {
  return withRequired(recordSchemas[kind], {
    id,
    kind,
    date: date ?? todoDate('the day (or time, with its offset) it happened'),
    title: TODO,
    sources: ['TODO: a source id'],
    incidents: [incident ?? 'TODO: the incident slug, or delete this line'],
  });
}

export const actorSkeleton = (id: string, name: string) => withRequired(actorSchema, { id, name });
export const platformSkeleton = (id: string, name: string) => withRequired(platformSchema, { id, name });

/**
 * YAML text with dates in quotes: unquoted, YAML 1.1 readers turn `2020-11-02T20:00:00+01:00`
 * into an instant and lose the offset the source gave (the guide asks editors to quote them too).
 */
function yamlText(value: unknown): string {
  const doc = parseDocument(stringify(value, { lineWidth: 0 }));
  visit(doc, {
    Scalar(_, node) {
      if (isScalar(node) && typeof node.value === 'string' && /^\d{4}-\d{2}/.test(node.value)) node.type = 'QUOTE_SINGLE';
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/** A mapping as a YAML list item, to append to a data file. */
export function yamlListItem(value: Record<string, unknown>): string {
  return yamlText([value]);
}
