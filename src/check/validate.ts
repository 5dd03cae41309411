/**
 * Validation of a whole project: every rule of DATA-MODEL.md, every problem in one run.
 *
 * Stages:
 *   1. read: YAML / CSV / MDX frontmatter, with positions (src/data/files.ts, csv.ts)
 *   2. schema: each entry against its zod schema; disputes against their record's fields
 *   3. ids: duplicates within a registry, across all record files
 *   4. references: every field whose schema says `references: …` must name an existing id
 *   5. cross-record rules: claims after attacks, migrations between two platforms
 *   6. warnings: unarchived URLs, unused sources, incidents without records
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseCsv } from '../data/csv.ts';
import { isDate, parseDate } from '../schema/edtf.ts';
import { parseFrontmatter, parseYaml, type Entry, type ParsedFile, type PathSegment } from '../data/files.ts';
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
  type IncidentFrontmatter,
  type PageFrontmatter,
  type Platform,
  type RecordKind,
  type Registry,
  type SiteSettings,
  type Source,
} from '../schema/index.ts';
import { ID_PATTERN, referenceTarget } from '../schema/common.ts';
import { arrayElement, fieldType, objectShape, unionOptions, unwrap } from '../schema/introspect.ts';
import { fieldName, issuesToProblems } from './issues.ts';
import { COMPONENT_NAMES, componentProps, type ComponentName } from '../schema/mdx-props.ts';
import { citedIds, htmlProblems, MdxSyntaxError, positionAt, scanMdx, unsafeMarkdownLinks, type MdxScan } from '../data/mdx-scan.ts';
import { scanSimpleComponents } from './mdx-fast.ts';
import { everyLocationProblem } from './locations.ts';
import { listFiles, MDX_DIRS, MDX_EXTENSIONS, RECORD_EXTENSIONS, RECORDS_DIR, REGISTRY_FILES, RESERVED_PAGE_NAMES, strayFiles } from './project-files.ts';
import type { Problem } from '../data/problems.ts';
import { didYouMean } from './suggest.ts';

export interface Incident extends IncidentFrontmatter {
  /** The slug: file name without `.mdx`. */
  id: string;
  file: string;
  body: string;
  bodyLine: number;
  /** Source ids the body cites with `<Cite>`, in order of first use: read once here, for the site. */
  citations: string[];
}

export interface Page extends PageFrontmatter {
  id: string;
  file: string;
  body: string;
  /** Source ids the body cites with `<Cite>`, as for an incident. */
  citations: string[];
}

/** Everything that passed validation. Entries with errors are left out. */
export interface ProjectData {
  site: SiteSettings;
  platforms: Platform[];
  actors: Actor[];
  sources: Source[];
  records: DataRecord[];
  incidents: Incident[];
  pages: Page[];
}

export interface CheckResult {
  problems: Problem[];
  data: ProjectData;
  /** Where each valid id was written, for later checks (MDX props) that point back at data. */
  locations: Map<string, Entry>;
}

const DEFAULT_SITE: SiteSettings = { title: 'Driftwatch', description: 'Research notes.', licence: 'CC BY 4.0', language: 'en', defang: [] };

interface Validated<T> {
  entry: Entry;
  value: T;
}

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

/** Values that scaffolds (`npm run new`) leave for a person to fill in. */
const UNFILLED = /^TODO\b/;

function hasUnfilled(value: unknown): boolean {
  if (typeof value === 'string') return UNFILLED.test(value);
  if (Array.isArray(value)) return value.some(hasUnfilled);
  if (value && typeof value === 'object') return Object.values(value).some(hasUnfilled);
  return false;
}

function unfilledPaths(value: unknown, path: PathSegment[] = []): PathSegment[][] {
  if (typeof value === 'string') return UNFILLED.test(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => unfilledPaths(item, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => unfilledPaths(item, [...path, key]));
  return [];
}

const startsWith = (path: readonly PathSegment[], prefix: readonly PathSegment[]) => prefix.every((segment, i) => path[i] === segment);

/** `word` after "a" or "an": "an attack", "a claim". */
const withArticle = (word: string) => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);

/** A schema of one field of a record kind, for a disputed value of that field; one per field, so reference walkers are built once. */
const disputeSchemas = new Map<string, z.ZodType>();
function disputeSchema(kind: RecordKind, field: string): z.ZodType {
  const key = `${kind}.${field}`;
  let schema = disputeSchemas.get(key);
  if (!schema) disputeSchemas.set(key, (schema = z.object({ [field]: objectShape(recordSchemas[kind])[field]! })));
  return schema;
}

/**
 * Validates one entry. An entry with unfilled TODO values is named field by field (warnings, so a
 * fresh skeleton passes the check) and kept out of the site until it is filled.
 */
function validateEntry<T>(schema: z.ZodType<T>, entry: Entry, problems: Problem[]): Validated<T> | undefined {
  // Most entries have nothing unfilled: look before building paths.
  const unfilled = hasUnfilled(entry.value) ? unfilledPaths(entry.value) : [];
  for (const path of unfilled) {
    const name = fieldName(path.filter((segment, i) => !(typeof segment === 'number' && i === path.length - 1)));
    problems.push({ file: entry.file, ...entry.locate(path), severity: 'warning', message: `fill in "${name}" (still TODO); until then this entry is left out of the site`, rule: 'unfilled' });
  }
  const result = schema.safeParse(entry.value);
  if (result.success) return unfilled.length === 0 ? { entry, value: result.data } : undefined;
  const issues = result.error.issues.filter((issue) => !unfilled.some((path) => startsWith(issue.path as PathSegment[], path)));
  problems.push(...issuesToProblems(issues, entry, (path) => fieldsAt(schema, path)));
  return undefined;
}

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

/** Calls `visit` for every reference field in `value`, with its path and target registry. */
function forEachReference(schema: z.ZodType, value: unknown, path: PathSegment[], visit: Visit): void {
  walkerOf(schema)?.(value, path, visit);
}

const NAMES: Record<Registry, string> = { platforms: 'platform', actors: 'actor', sources: 'source', records: 'record', incidents: 'incident' };

/**
 * A file's text, as UTF-8. A byte-order mark (which some editors write first) is dropped, as the
 * decoder does: parsers would read it as text and every position after it would be off. Bytes
 * that are not UTF-8 (a file saved as Latin-1 or UTF-16) are an error at the first of them;
 * decoded anyway, they would be published as �.
 */
function readText(root: string, file: string, problems: Problem[]): string | undefined {
  const bytes = readFileSync(join(root, file));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // UTF-16 (a byte-order mark, or a zero byte beside every ASCII letter) decodes to nothing a
    // parser could read: the encoding error alone says what to do, not a parser's errors as well.
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.subarray(0, 64).includes(0)) {
      problems.push({ file, line: 1, col: 1, severity: 'error', message: 'this file is UTF-16 text, not UTF-8: save it again as UTF-8', rule: 'encoding' });
      return undefined;
    }
    const text = new TextDecoder('utf-8').decode(bytes);
    problems.push({
      file,
      ...positionAt(text, Math.max(0, text.indexOf('\uFFFD'))),
      severity: 'error',
      message: 'this file is not UTF-8 text (saved as Latin-1, Windows-1252 or UTF-16?): save it again as UTF-8; the first character that is not is here',
      rule: 'encoding',
    });
    return text;
  }
}

export function checkProject(root: string): CheckResult {
  const problems: Problem[] = [];
  /** Registries with a file that did not parse: references into them cannot be judged. */
  const unreadable = new Set<Registry>();
  const read = (registry: Registry | undefined, file: string, parse: (file: string, text: string) => ParsedFile): Entry[] => {
    const text = readText(root, file, problems);
    if (text === undefined) {
      if (registry) unreadable.add(registry);
      return [];
    }
    const parsed = parse(file, text);
    problems.push(...parsed.problems);
    if (registry && parsed.problems.some((p) => p.rule === 'syntax')) unreadable.add(registry);
    return parsed.entries;
  };
  const readList = (registry: Registry, file: string) => (existsSync(join(root, file)) ? read(registry, file, (f, t) => parseYaml(f, t, { shape: 'list' })) : []);

  // 1. Read every file, with positions.
  const siteEntry = existsSync(join(root, REGISTRY_FILES.site)) ? read(undefined, REGISTRY_FILES.site, (f, t) => parseYaml(f, t, { shape: 'mapping' }))[0] : undefined;
  const raw = {
    platforms: readList('platforms', REGISTRY_FILES.platforms),
    actors: readList('actors', REGISTRY_FILES.actors),
    sources: readList('sources', REGISTRY_FILES.sources),
    records: listFiles(join(root, RECORDS_DIR), RECORD_EXTENSIONS).flatMap((name) => {
      const file = `${RECORDS_DIR}/${name}`;
      return name.endsWith('.csv') ? read('records', file, parseCsv) : readList('records', file);
    }),
  };
  const mdx = (dir: string) => listFiles(join(root, dir), MDX_EXTENSIONS).map((name) => ({ name, file: `${dir}/${name}`, slug: name.replace(/\.mdx?$/, '') }));
  const readMdx = (dir: string) =>
    mdx(dir).flatMap((item) => {
      const text = readText(root, item.file, problems);
      return text === undefined ? [] : [{ ...item, parsed: parseFrontmatter(item.file, text) }];
    });
  const incidentFiles = readMdx(MDX_DIRS.incidents);
  const pageFiles = readMdx(MDX_DIRS.pages);
  for (const { parsed } of [...incidentFiles, ...pageFiles]) problems.push(...parsed.problems);

  /** The schema of a record entry, or undefined (reported) when its kind is missing or unknown. */
  const recordSchemaOf = (entry: Entry): z.ZodType<DataRecord> | undefined => {
    const kind = (entry.value as { kind?: unknown }).kind;
    if (typeof kind === 'string' && (RECORD_KINDS as readonly string[]).includes(kind)) return recordSchemas[kind as keyof typeof recordSchemas] as z.ZodType<DataRecord>;
    const message =
      kind === undefined
        ? 'missing required field "kind"'
        : `"kind" has ${JSON.stringify(kind)}, which is not one of: ${RECORD_KINDS.join(', ')}${typeof kind === 'string' ? didYouMean(kind, RECORD_KINDS) : ''}`;
    problems.push({ file: entry.file, ...entry.locate(['kind']), severity: 'error', message, rule: kind === undefined ? 'missing-field' : 'invalid-value' });
    return undefined;
  };
  const recordSchemaByEntry = new Map(raw.records.map((entry) => [entry, recordSchemaOf(entry)]));

  // 2. Each entry against its schema. Entries with errors stay out of the data, but their ids and
  //    references are still checked below, so one run reports everything.
  const site = (siteEntry && validateEntry(siteSchema, siteEntry, problems)?.value) || DEFAULT_SITE;
  const platforms = raw.platforms.flatMap((e) => validateEntry(platformSchema, e, problems) ?? []);
  const actors = raw.actors.flatMap((e) => validateEntry(actorSchema, e, problems) ?? []);
  const sources = raw.sources.flatMap((e) => validateEntry(sourceSchema, e, problems) ?? []);
  const records = raw.records.flatMap((e) => {
    const schema = recordSchemaByEntry.get(e);
    return (schema && validateEntry(schema, e, problems)) || [];
  });
  const disputedValues: { schema: z.ZodType; entry: Entry }[] = [];
  /** Runs a check of a disputed value; its problems say that it is one. */
  const asDisputed = (check: () => unknown) => {
    const before = problems.length;
    check();
    for (const problem of problems.slice(before)) problem.message = `disputed value: ${problem.message}`;
  };
  // Disputes name a field of their record and, for dates, give a date: judged on every record
  // whose kind is known, valid or not, so that one run reports them with the record's other errors.
  for (const entry of raw.records) {
    const kind = (entry.value as { kind?: unknown }).kind;
    const disputed = (entry.value as { disputed?: unknown }).disputed;
    if (!recordSchemaByEntry.get(entry) || !Array.isArray(disputed)) continue;
    const fields = Object.keys(objectShape(recordSchemas[kind as RecordKind]));
    disputed.forEach((dispute: { field?: unknown; value?: unknown }, index) => {
      if (typeof dispute?.field !== 'string') return; // the schema has said what is wrong with it
      if (!fields.includes(dispute.field) || ['id', 'kind', 'disputed', 'sources', 'incidents'].includes(dispute.field)) {
        problems.push({ file: entry.file, ...entry.locate(['disputed', index, 'field']), severity: 'error', message: `a ${String(kind)} has no field "${dispute.field}" to dispute${didYouMean(dispute.field, fields)}`, rule: 'unknown-field' });
      } else if (dispute.field === 'date' || (dispute.field === 'launched' && typeof dispute.value === 'string')) {
        try {
          parseDate(String(dispute.value));
        } catch (error) {
          problems.push({ file: entry.file, ...entry.locate(['disputed', index, 'value']), severity: 'error', message: `disputed date: ${(error as Error).message}`, rule: 'bad-date' });
        }
      } else {
        // The other value is held to the field's own rules: its list, its type, its references.
        const schema = disputeSchema(kind as RecordKind, dispute.field);
        const value: Entry = { file: entry.file, value: { [dispute.field]: dispute.value }, locate: (path, options) => entry.locate(['disputed', index, 'value', ...path.slice(1)], options) };
        asDisputed(() => validateEntry(schema, value, problems));
        disputedValues.push({ schema, entry: value });
      }
    });
  }
  const incidents: Validated<Incident>[] = [];
  for (const { name, file, slug, parsed } of incidentFiles) {
    const entry = parsed.entries[0];
    if (!entry) continue;
    if (!ID_PATTERN.test(slug)) {
      problems.push({ file, line: 1, col: 1, severity: 'error', message: `file name "${name}" must be a lower-case kebab-case slug: it is the incident's id and URL`, rule: 'bad-id' });
      continue;
    }
    const valid = validateEntry(incidentSchema, entry, problems);
    if (valid) incidents.push({ entry, value: { ...valid.value, id: slug, file, body: parsed.body, bodyLine: parsed.bodyLine, citations: [] } });
  }
  const pages: Page[] = [];
  for (const { name, file, slug, parsed } of pageFiles) {
    if (!parsed.entries[0]) continue;
    if (!ID_PATTERN.test(slug)) {
      problems.push({ file, line: 1, col: 1, severity: 'error', message: `file name "${name}" must be a lower-case kebab-case slug: it is the page's URL`, rule: 'bad-id' });
      continue;
    }
    if (RESERVED_PAGE_NAMES.includes(slug)) {
      problems.push({ file, line: 1, col: 1, severity: 'error', message: `/${slug}/ is an address the site itself uses: give the page another file name`, rule: 'bad-id' });
      continue;
    }
    const valid = validateEntry(pageSchema, parsed.entries[0], problems);
    if (valid) pages.push({ ...valid.value, id: slug, file, body: parsed.body, citations: [] });
  }

  // 3. Ids: unique within each registry; record ids unique across every record file.
  const locations = new Map<string, Entry>();
  const idsOf = (registry: Registry, entries: Entry[]): Set<string> => {
    for (const entry of entries) {
      const id = (entry.value as { id?: unknown }).id;
      if (typeof id !== 'string') continue;
      const first = locations.get(`${registry}:${id}`);
      if (first) {
        const at = first.locate(['id']);
        problems.push({ file: entry.file, ...entry.locate(['id']), severity: 'error', message: `duplicate ${NAMES[registry]} id "${id}" (first defined at ${first.file}:${at.line}:${at.col})`, rule: 'duplicate-id' });
      } else {
        locations.set(`${registry}:${id}`, entry);
      }
    }
    return new Set(entries.map((e) => (e.value as { id?: unknown }).id).filter((id): id is string => typeof id === 'string'));
  };
  const ids: Record<Registry, Set<string>> = {
    platforms: idsOf('platforms', raw.platforms),
    actors: idsOf('actors', raw.actors),
    sources: idsOf('sources', raw.sources),
    records: idsOf('records', raw.records),
    incidents: new Set(incidentFiles.map((i) => i.slug)),
  };

  // 4. References, resolved through the `references` metadata on each schema field.
  const cited = new Set<string>();
  const checkReferences = (schema: z.ZodType | undefined, entry: Entry) => {
    if (!schema) return;
    forEachReference(schema, entry.value, [], (id, target, path) => {
      if (target === 'sources') cited.add(id);
      const defined = locations.get(`${target}:${id}`);
      if (defined && unfilledPaths(defined.value).length > 0) {
        // The check passes a skeleton, but the site leaves it out: a reference to it would break the build.
        problems.push({ file: entry.file, ...entry.locate(path), severity: 'error', message: `${NAMES[target]} "${id}" is left out of the site until its TODO fields are filled (${defined.file})`, rule: 'unknown-ref' });
        return;
      }
      if (ids[target].has(id) || unreadable.has(target) || UNFILLED.test(id)) return;
      problems.push({ file: entry.file, ...entry.locate(path), severity: 'error', message: `unknown ${NAMES[target]} "${id}"${didYouMean(id, ids[target])}`, rule: 'unknown-ref' });
    });
  };
  for (const entry of raw.platforms) checkReferences(platformSchema, entry);
  for (const entry of raw.actors) checkReferences(actorSchema, entry);
  for (const entry of raw.sources) checkReferences(sourceSchema, entry);
  for (const entry of raw.records) checkReferences(recordSchemaByEntry.get(entry), entry);
  for (const { parsed } of incidentFiles) if (parsed.entries[0]) checkReferences(incidentSchema, parsed.entries[0]);
  for (const { schema, entry } of disputedValues) asDisputed(() => checkReferences(schema, entry));

  // 4b. Components in MDX bodies: known names, valid props, ids that exist.
  const citingByFile = new Map<string, { citations: string[] }>([...incidents.map((incident) => [incident.value.file, incident.value] as const), ...pages.map((page) => [page.file, page] as const)]);
  for (const { file, parsed } of [...incidentFiles, ...pageFiles]) {
    if (!parsed.entries[0]) continue;
    let scan: MdxScan;
    try {
      const simple = scanSimpleComponents(parsed.body, parsed.bodyLine);
      scan = simple ? { uses: simple, code: [] } : scanMdx(parsed.body, parsed.bodyLine);
    } catch (error) {
      const at = error instanceof MdxSyntaxError ? error.at : { line: parsed.bodyLine, col: 1 };
      problems.push({ file, ...at, severity: 'error', message: (error as Error).message, rule: 'syntax' });
      continue;
    }
    const { uses } = scan;
    const citing = citingByFile.get(file);
    if (citing) citing.citations = citedIds(uses);
    for (const problem of [...scan.code, ...htmlProblems(uses), ...unsafeMarkdownLinks(parsed.body, parsed.bodyLine)]) {
      problems.push({ file, ...problem.at, severity: 'error', message: problem.message, rule: problem.rule });
    }
    for (const use of uses) {
      if (/^[a-z]/.test(use.name)) continue;
      if (!(COMPONENT_NAMES as string[]).includes(use.name)) {
        problems.push({ file, ...use.at, severity: 'error', message: `unknown component <${use.name}>${didYouMean(use.name, COMPONENT_NAMES)}; write-ups can use ${COMPONENT_NAMES.map((n) => `<${n}>`).join(', ')}`, rule: 'unknown-component' });
        continue;
      }
      if (use.name === 'Defang' && use.props.url === undefined && !use.text.trim()) {
        problems.push({ file, ...use.at, severity: 'error', message: '<Defang> shows nothing: give the address as url="…" or between the tags, <Defang>https://…</Defang>', rule: 'missing-field' });
      }
      const schema = componentProps[use.name as ComponentName];
      const entry: Entry = { file, value: use.props, locate: (path) => use.propAt[String(path[0])] ?? use.at };
      const before = problems.length;
      const result = schema.safeParse(use.props);
      // A prop written as code has its own error (mdx-code): not a second one for its value.
      const computed = (issue: { path: PropertyKey[] }) => issue.path[0] !== undefined && String(issue.path[0]) in use.props && use.props[String(issue.path[0])] === undefined;
      if (!result.success) problems.push(...issuesToProblems(result.error.issues.filter((issue) => !computed(issue)), entry, () => Object.keys(objectShape(schema))));
      checkReferences(schema, entry);
      for (const problem of problems.slice(before)) {
        problem.message = `<${use.name}>: ${problem.message.replace(/\bfield\b/, 'prop')}`;
      }
    }
  }

  // 5. Rules across records, on every record whose fields in question are valid, so that a typo
  //    elsewhere in the record does not hide them until the next run (the first of duplicate ids wins).
  type RawRecord = { id?: unknown; kind?: unknown; date?: unknown; attack?: unknown; from?: unknown; to?: unknown; trigger?: unknown; incidents?: unknown };
  const rawRecords = raw.records.map((entry) => ({ entry, record: (entry.value ?? {}) as RawRecord }));
  const byId = new Map<string, RawRecord>();
  for (const { record } of rawRecords) if (typeof record.id === 'string' && !byId.has(record.id)) byId.set(record.id, record);
  const dateOf = (value: unknown) => (typeof value === 'string' || value instanceof Date) && isDate(value) ? parseDate(value) : undefined;
  const incidentsWithRecords = new Set<string>();
  for (const { entry, record } of rawRecords) {
    if (Array.isArray(record.incidents)) for (const slug of record.incidents) if (typeof slug === 'string') incidentsWithRecords.add(slug);
    if (record.kind === 'claim' && typeof record.attack === 'string') {
      const attack = byId.get(record.attack);
      const [claimed, attacked] = [dateOf(record.date), dateOf(attack?.date)];
      if (attack && typeof attack.kind === 'string' && attack.kind !== 'attack') {
        problems.push({ file: entry.file, ...entry.locate(['attack']), severity: 'error', message: `"attack" points at "${record.attack}", which is ${withArticle(String(attack.kind))}, not an attack`, rule: 'wrong-ref-kind' });
      } else if (claimed && attacked && claimed.end < attacked.start) {
        problems.push({ file: entry.file, ...entry.locate(['date']), severity: 'error', message: `claim dated ${claimed.edtf} is before the attack it claims ("${record.attack}", ${attacked.edtf})`, rule: 'claim-before-attack' });
      }
    }
    if (record.kind === 'migration') {
      // A skeleton from `npm run new` has TODO in both: its own warnings say so.
      if (typeof record.from === 'string' && !UNFILLED.test(record.from) && record.from === record.to) {
        problems.push({ file: entry.file, ...entry.locate(['to']), severity: 'error', message: `migration goes from "${record.from}" to itself: "from" and "to" must differ`, rule: 'migration-same-platform' });
      }
      const trigger = typeof record.trigger === 'string' ? byId.get(record.trigger) : undefined;
      if (trigger && typeof trigger.kind === 'string' && trigger.kind !== 'takedown') {
        problems.push({ file: entry.file, ...entry.locate(['trigger']), severity: 'error', message: `"trigger" points at "${String(record.trigger)}", which is ${withArticle(String(trigger.kind))}, not a takedown`, rule: 'wrong-ref-kind' });
      }
    }
  }
  problems.push(...everyLocationProblem([...records, ...incidents]));
  // An actor's parents must lead somewhere: Amaq → Islamic State, never back to Amaq.
  const parentOf = new Map(actors.map(({ value }) => [value.id, value.parent]));
  for (const { entry, value: actor } of actors) {
    // Each actor in a cycle is told, at its own parent; one whose ancestors merely run into
    // someone else's cycle is not.
    const seen = new Set([actor.id]);
    for (let parent = actor.parent; parent !== undefined && !seen.has(parent); parent = parentOf.get(parent)) seen.add(parent);
    const last = [...seen].at(-1)!;
    if (parentOf.get(last) !== actor.id) continue;
    const message = actor.parent === actor.id ? `"parent" is the actor itself` : `"parent" leads back to "${actor.id}" (${[...seen].join(' → ')} → ${actor.id}): a parent organisation cannot be its own descendant`;
    problems.push({ file: entry.file, ...entry.locate(['parent']), severity: 'error', message, rule: 'invalid' });
  }


  // 6. Warnings.
  problems.push(...strayFiles(root));
  for (const { entry, value: source } of sources) {
    if (source.url && !source.archived) {
      problems.push({ file: entry.file, ...entry.locate(['url']), severity: 'warning', message: `source "${source.id}" has a url and no archived copy`, rule: 'missing-archive' });
    }
    if (!cited.has(source.id)) {
      problems.push({ file: entry.file, ...entry.locate(['id']), severity: 'warning', message: `source "${source.id}" is not cited by any record or incident`, rule: 'unused-source' });
    }
  }
  for (const { entry, value: incident } of incidents) {
    // A record file that could not be read hides its records: say nothing of incidents without any then.
    if (!unreadable.has('records') && !incidentsWithRecords.has(incident.id)) {
      problems.push({ file: entry.file, ...entry.locate(['title']), severity: 'warning', message: `incident "${incident.id}" has no records (list its slug under "incidents" on its records)`, rule: 'incident-without-records' });
    }
  }

  // One YAML mistake can make the parser say the same thing twice.
  const unique = [...new Map(problems.map((p) => [`${p.file}:${p.line}:${p.col}:${p.message}`, p])).values()];
  return {
    problems: unique,
    locations,
    data: {
      site,
      platforms: platforms.map((p) => p.value),
      actors: actors.map((a) => a.value),
      sources: sources.map((s) => s.value),
      records: records.map((r) => r.value),
      incidents: incidents.map((i) => i.value),
      pages,
    },
  };
}
