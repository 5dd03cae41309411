/**
 * Each entry against its zod schema (src/schema/): the site settings, the registries, the records
 * (by their kind), the frontmatter of write-ups and pages. Entries with errors stay out of the
 * data, but their ids and references are still checked by later rules, so one run reports
 * everything. Rules: the schema's own (`missing-field`, `wrong-type`, `invalid-value`, `bad-date`,
 * … through issues.ts) and `unfilled`.
 */
import type { z } from 'zod';
import type { Entry, PathSegment } from '../../data/files.ts';
import {
  actorSchema,
  incidentSchema,
  pageSchema,
  platformSchema,
  recordSchemas,
  RECORD_KINDS,
  siteSchema,
  sourceSchema,
  type Actor,
  type DataRecord,
  type Platform,
  type SiteSettings,
  type Source,
} from '../../schema/index.ts';
import { arrayElement, fieldType, objectShape, unionOptions } from '../../schema/introspect.ts';
import type { Problem } from '../../data/problems.ts';
import { copies, isUnfilled, perEntry } from '../cache.ts';
import { problemAt, type CheckContext } from '../context.ts';
import { fieldName, issuesToProblems } from '../issues.ts';
import type { Incident, Page } from '../project-data.ts';
import { didYouMean } from '../suggest.ts';
import { unfilledPaths } from '../unfilled.ts';
import { fileNameProblem } from './ids.ts';
import type { MdxFile, ProjectFiles } from './read.ts';

export interface Validated<T> {
  entry: Entry;
  value: T;
}

/** The data entries that passed, and the schema of every record whose kind is known. */
export interface ValidData {
  site: SiteSettings;
  platforms: Validated<Platform>[];
  actors: Validated<Actor>[];
  sources: Validated<Source>[];
  records: Validated<DataRecord>[];
  recordSchemas: Map<Entry, z.ZodType<DataRecord> | undefined>;
}

const DEFAULT_SITE: SiteSettings = { title: 'Driftwatch', description: 'Research notes.', licence: 'CC BY 4.0', language: 'en', defang: [] };

/** Known field names at a path of a schema, for "did you mean" on unknown fields. */
function fieldsAt(schema: z.ZodType, path: PathSegment[]): string[] {
  let current: z.ZodType | undefined = schema;
  for (const segment of path) {
    if (!current) return [];
    current = typeof segment === 'number' ? arrayElement(current) : objectShape(current)[segment];
  }
  if (!current) return [];
  const options = fieldType(current) === 'union' ? unionOptions(current) : [current];
  return options.flatMap((option) => Object.keys(objectShape(option)));
}

const startsWith = (path: readonly PathSegment[], prefix: readonly PathSegment[]) => prefix.every((segment, i) => path[i] === segment);

/** How an entry's unfilled TODO values are told, and whether it stays in the data meanwhile. */
export interface UnfilledPolicy {
  /** Why a TODO here cannot wait (the incident is published): then each is an error saying so. */
  published?: string;
  /** A draft the schema accepts stays in the data, TODOs and all, so that `npm run dev` shows it. */
  keep?: boolean;
}

/**
 * Validates one entry. An entry with unfilled TODO values is named field by field (warnings, so a
 * fresh skeleton passes the check; errors once what it belongs to is published) and kept out of
 * the site until it is filled, a draft excepted.
 */
export function validateEntry<T>(ctx: CheckContext, schema: z.ZodType<T>, entry: Entry, policy: UnfilledPolicy = {}): Validated<T> | undefined {
  // The same entry (its file unchanged since the last check) under the same schema and policy: the same verdict.
  // The policy tells only of unfilled values: an entry with none has one verdict.
  // Not keyed by the schema object: an entry is always judged by the same schema (its file's, its
  // kind's), and `astro dev` loads this module twice (the config's and the pages' module graphs),
  // each with schema objects of its own; keyed by them, a check from the other graph judged anew.
  const verdicts = perEntry(ctx.cache, 'validate', entry, undefined, () => new Map<string, Verdict<T>>());
  const key = isUnfilled(ctx.cache, entry) ? `${policy.published ?? ''}\u0000${policy.keep ?? ''}` : '';
  let verdict = verdicts.get(key);
  if (!verdict) verdicts.set(key, (verdict = judge(schema, entry, policy, isUnfilled(ctx.cache, entry))));
  ctx.problems.push(...copies(verdict.problems));
  return verdict.valid;
}

/** What validating an entry found: its problems, and the entry as the site takes it if it passed. */
interface Verdict<T> {
  problems: Problem[];
  valid: Validated<T> | undefined;
}

function judge<T>(schema: z.ZodType<T>, entry: Entry, policy: UnfilledPolicy, unfilledEntry: boolean): Verdict<T> {
  const problems: Problem[] = [];
  // Most entries have nothing unfilled: look before building paths.
  const unfilled = unfilledEntry ? unfilledPaths(entry.value) : [];
  for (const path of unfilled) {
    const name = fieldName(path.filter((segment, i) => !(typeof segment === 'number' && i === path.length - 1)));
    problems.push(
      policy.published
        ? problemAt(entry, path, `fill in "${name}" (still TODO): ${policy.published}`, 'unfilled-published')
        : problemAt(entry, path, `fill in "${name}" (still TODO)${policy.keep ? ' before the incident is published' : '; until then this entry is left out of the site'}`, 'unfilled', 'warning'),
    );
  }
  const result = schema.safeParse(entry.value);
  if (result.success) return { problems, valid: unfilled.length === 0 || policy.keep ? { entry, value: result.data } : undefined };
  const issues = result.error.issues.filter((issue) => !unfilled.some((path) => startsWith(issue.path as PathSegment[], path)));
  problems.push(...issuesToProblems(issues, entry, (path) => fieldsAt(schema, path)));
  return { problems, valid: undefined };
}

/** The schema of a record entry, or undefined (reported) when its kind is missing or unknown. */
function recordSchemaOf(ctx: CheckContext, entry: Entry): z.ZodType<DataRecord> | undefined {
  const kind = (entry.value as { kind?: unknown }).kind;
  if (typeof kind === 'string' && (RECORD_KINDS as readonly string[]).includes(kind)) return recordSchemas[kind as keyof typeof recordSchemas] as z.ZodType<DataRecord>;
  if (kind === undefined) {
    ctx.problems.push(problemAt(entry, ['kind'], 'missing required field "kind"', 'missing-field'));
  } else {
    const hint = typeof kind === 'string' ? didYouMean(kind, RECORD_KINDS) : '';
    ctx.problems.push(problemAt(entry, ['kind'], `"kind" has ${JSON.stringify(kind)}, which is not one of: ${RECORD_KINDS.join(', ')}${hint}`, 'invalid-value'));
  }
  return undefined;
}

/** What an incident's frontmatter says it is: published (the default) or a draft. */
const isPublished = (value: unknown) => (value as { status?: unknown } | null)?.status !== 'draft';

/** Slugs of the incidents a build would publish, as their files say (valid or not; one whose frontmatter cannot be read is not). */
export const publishedSlugs = (files: ProjectFiles) => new Set(files.incidents.filter(({ parsed }) => parsed.entries[0] && isPublished(parsed.entries[0].value)).map(({ slug }) => slug));

/** For a record: a TODO is an error when it lists a published incident, whose page would leave it out. */
function recordPolicy(entry: Entry, published: Set<string>): UnfilledPolicy {
  const listed = (entry.value as { incidents?: unknown }).incidents;
  const slug = Array.isArray(listed) ? listed.find((s) => typeof s === 'string' && published.has(s)) : undefined;
  return slug ? { published: `incident "${slug}" is published, and its page leaves this record out until it is filled` } : {};
}

/** The site settings, the registries and the records. */
export function validateData(ctx: CheckContext, files: ProjectFiles): ValidData {
  const schemas = new Map(files.records.map((entry) => [entry, recordSchemaOf(ctx, entry)]));
  const published = publishedSlugs(files);
  const all = <T>(schema: z.ZodType<T>, entries: Entry[]) => entries.flatMap((entry) => validateEntry(ctx, schema, entry) ?? []);
  return {
    site: (files.site && validateEntry(ctx, siteSchema, files.site)?.value) || DEFAULT_SITE,
    platforms: all(platformSchema, files.platforms),
    actors: all(actorSchema, files.actors),
    sources: all(sourceSchema, files.sources),
    records: files.records.flatMap((entry) => {
      const schema = schemas.get(entry);
      // The policy is for unfilled values only: most records have none.
      return (schema && validateEntry(ctx, schema, entry, isUnfilled(ctx.cache, entry) ? recordPolicy(entry, published) : {})) || [];
    }),
    recordSchemas: schemas,
  };
}

/** The frontmatter of each write-up or page whose file name is fit to be its id and address, made into what the site needs. */
function validMdx<T, R>(ctx: CheckContext, files: MdxFile[], kind: 'incident' | 'page', schema: z.ZodType<T>, make: (value: T, mdx: MdxFile, entry: Entry) => R, policy: (entry: Entry) => UnfilledPolicy = () => ({})): R[] {
  return files.flatMap((mdx) => {
    const entry = mdx.parsed.entries[0];
    if (!entry) return [];
    const misnamed = fileNameProblem(mdx, kind);
    if (misnamed) {
      ctx.problems.push(misnamed);
      return [];
    }
    const valid = validateEntry(ctx, schema, entry, policy(entry));
    return valid ? [make(valid.value, mdx, entry)] : [];
  });
}

/** A published incident's placeholders are errors; a draft's are warnings, and the draft stays visible in `npm run dev`. */
const incidentPolicy = (entry: Entry): UnfilledPolicy =>
  isPublished(entry.value) ? { published: 'this incident is published, and its page would show the placeholder (or set status: draft)' } : { keep: true };

/** The frontmatter of write-ups and free pages. */
export function validateWriteUps(ctx: CheckContext, files: ProjectFiles): { incidents: Validated<Incident>[]; pages: Page[] } {
  return {
    incidents: validMdx(ctx, files.incidents, 'incident', incidentSchema, (value, { slug, file, parsed }, entry) => ({
      entry,
      value: { ...value, id: slug, file, body: parsed.body, bodyLine: parsed.bodyLine, citations: [] },
    }), incidentPolicy),
    pages: validMdx(ctx, files.pages, 'page', pageSchema, (value, { slug, file, parsed }) => ({ ...value, id: slug, file, body: parsed.body, citations: [] })),
  };
}
