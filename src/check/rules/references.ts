/**
 * References: every field whose schema says `references: …` (src/schema/common.ts) names an id
 * that exists, in data, in disputed values and in the props of MDX components. Rule: `unknown-ref`.
 */
import type { z } from 'zod';
import type { Entry, PathSegment } from '../../data/files.ts';
import { referenceTarget } from '../../schema/common.ts';
import { actorSchema, incidentSchema, platformSchema, sourceSchema, type Registry } from '../../schema/index.ts';
import { arrayElement, fieldType, objectShape, unwrap } from '../../schema/introspect.ts';
import { isUnfilled, perEntry } from '../cache.ts';
import { NAMES, problemAt, type CheckContext } from '../context.ts';
import { didYouMean } from '../suggest.ts';
import { UNFILLED } from '../unfilled.ts';
import { asDisputed, type DisputedValue } from './disputes.ts';
import type { Ids } from './ids.ts';
import type { ProjectFiles } from './read.ts';
import type { ValidData } from './schemas.ts';

type Visit = (id: string, target: Registry, path: PathSegment[]) => void;
type Walker = (value: unknown, path: PathSegment[], visit: Visit) => void;

/**
 * A walker over the reference fields of a schema, built once per schema: the schema is read
 * (unwrapped, its metadata looked up) once, not once per entry; `null` when nothing in it refers.
 */
const walkers = new WeakMap<z.ZodType, Walker | null>();
function walkerOf(schema: z.ZodType): Walker | null {
  const known = walkers.get(schema);
  if (known !== undefined) return known;
  walkers.set(schema, null);
  const inner = unwrap(schema);
  const target = referenceTarget(inner);
  const type = fieldType(inner);
  let walker: Walker | null = null;
  if (target) {
    walker = (value, path, visit) => {
      if (typeof value === 'string') visit(value, target, path);
    };
  } else if (type === 'array') {
    const element = walkerOf(arrayElement(inner)!);
    if (element) {
      walker = (value, path, visit) => {
        if (Array.isArray(value)) value.forEach((item, index) => element(item, [...path, index], visit));
      };
    }
  } else if (type === 'object') {
    const fields = Object.entries(objectShape(inner)).flatMap(([key, field]) => {
      const walk = walkerOf(field);
      return walk ? [[key, walk] as const] : [];
    });
    if (fields.length > 0) {
      walker = (value, path, visit) => {
        if (!value || typeof value !== 'object') return;
        for (const [key, walk] of fields) walk((value as Record<string, unknown>)[key], [...path, key], visit);
      };
    }
  }
  walkers.set(schema, walker);
  return walker;
}

/** Checks the references of one entry against `schema`; `cited` gathers every source id named. */
export interface ReferenceChecker {
  check(schema: z.ZodType | undefined, entry: Entry): void;
  /** Source ids cited anywhere so far (records, disputes, frontmatter, `<Cite>`). */
  cited: Set<string>;
}

/** Where a new entry of each registry goes, and the scaffold that writes it: for unknown ids. */
const WHERE_TO_ADD: Record<Registry, string> = {
  platforms: 'a new platform goes in data/platforms.yaml (npm run new -- platform "Name")',
  actors: 'a new actor goes in data/actors.yaml (npm run new -- actor "Name")',
  sources: 'a new source goes in data/sources.yaml (npm run new -- source <url>)',
  records: 'a new record goes in a file in data/records/ (npm run new -- record <kind> --incident <slug>)',
  incidents: 'a new incident is a file in content/incidents/ (npm run new -- incident "Title")',
};

/** The ids an entry names, each with its registry and where: kept by entry (cache.ts), so a check after a save walks only the changed files' entries. */
function referencesOf(ctx: CheckContext, schema: z.ZodType, entry: Entry): [string, Registry, PathSegment[]][] {
  // Not keyed by the schema object (see validateEntry in schemas.ts): an entry has one schema.
  return perEntry(ctx.cache, 'references', entry, undefined, () => {
    const found: [string, Registry, PathSegment[]][] = [];
    walkerOf(schema)?.(entry.value, [], (id, target, path) => found.push([id, target, path]));
    return found;
  });
}

/** Entries with a TODO value, by registry and id: the site leaves them out, so a reference to one is an error. */
export type Skeletons = ReadonlyMap<Registry, ReadonlyMap<string, Entry>>;

/** The skeletons among the entries with an id (`Ids.locations`): once per check, not once per reference. */
export function skeletonsOf(ctx: CheckContext, locations: Ids['locations']): Skeletons {
  const unfilled = new Map<Registry, Map<string, Entry>>();
  for (const [key, entry] of locations) {
    if (!isUnfilled(ctx.cache, entry)) continue;
    const at = key.indexOf(':');
    const registry = key.slice(0, at) as Registry;
    if (!unfilled.has(registry)) unfilled.set(registry, new Map());
    unfilled.get(registry)!.set(key.slice(at + 1), entry);
  }
  return unfilled;
}

export function referenceChecker(ctx: CheckContext, { ids }: Ids, unfilled: Skeletons): ReferenceChecker {
  const cited = new Set<string>();
  const check = (schema: z.ZodType | undefined, entry: Entry) => {
    if (!schema) return;
    for (const [id, target, path] of referencesOf(ctx, schema, entry)) {
      if (target === 'sources') cited.add(id);
      const skeleton = unfilled.get(target)?.get(id);
      if (skeleton) {
        // The check passes a skeleton, but the site leaves it out: a reference to it would break the build.
        ctx.problems.push(problemAt(entry, path, `${NAMES[target]} "${id}" is left out of the site until its TODO fields are filled (${skeleton.file})`, 'unknown-ref'));
        continue;
      }
      if (ids[target].has(id) || ctx.unreadable.has(target) || UNFILLED.test(id)) continue;
      ctx.problems.push(problemAt(entry, path, `unknown ${NAMES[target]} "${id}"${didYouMean(id, ids[target])}; ${WHERE_TO_ADD[target]}`, 'unknown-ref'));
    }
  };
  return { check, cited };
}

/** The references in data and disputed values (frontmatter: below; MDX bodies: mdx-use.ts). */
export function checkDataReferences(refs: ReferenceChecker, ctx: CheckContext, files: ProjectFiles, valid: ValidData, disputed: DisputedValue[]): void {
  for (const entry of files.platforms) refs.check(platformSchema, entry);
  for (const entry of files.actors) refs.check(actorSchema, entry);
  for (const entry of files.sources) refs.check(sourceSchema, entry);
  for (const entry of files.records) refs.check(valid.recordSchemas.get(entry), entry);
  for (const { schema, entry } of disputed) asDisputed(ctx, () => refs.check(schema, entry));
}

/** The references in the write-ups' frontmatter. */
export function checkFrontmatterReferences(refs: ReferenceChecker, files: ProjectFiles): void {
  for (const { parsed } of files.incidents) if (parsed.entries[0]) refs.check(incidentSchema, parsed.entries[0]);
}
