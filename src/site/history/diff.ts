/**
 * What changed between two versions of the project's files: the entries each file holds (by
 * registry and id), and the fields that differ between two versions of one entry. Pure: the
 * versions are given as text.
 */
import { isDeepStrictEqual } from 'node:util';
import { MDX_DIRS, RECORD_EXTENSIONS, RECORDS_DIR, REGISTRY_FILES } from '../../check/project-files.ts';
import { parseCsv } from '../../data/csv.ts';
import { parseFrontmatter, parseYaml, type ParsedFile } from '../../data/files.ts';
import type { Registry } from '../../schema/index.ts';

/** What a change is about: a registry entry, a record, an incident, or the site's settings (its version). */
export type Subject = Registry | 'site';

export interface Change {
  commit: string;
  /** Committer date, ISO 8601. */
  date: string;
  /** The commit message: why the change was made. */
  reason: string;
  subject: Subject;
  /** The entry's id after the commit. */
  id: string;
  kind: 'changed' | 'renamed' | 'removed';
  /** The field (dotted for nested ones: `location.place`); `id` for a rename; `text` for a write-up's prose. */
  field?: string;
  /** The values before and after, as readers see them (lists joined with commas); absent when there was none. */
  from?: string;
  to?: string;
  /** For a removed record: the incidents it belonged to (one only in drafts stays unlisted). */
  incidents?: string[];
}

type Value = Record<string, unknown>;
export type Entries = Map<string, Value>;

/** The subject a project file holds, by its project-relative path. */
export function subjectOf(path: string): Subject | undefined {
  if (path === REGISTRY_FILES.site) return 'site';
  for (const registry of ['platforms', 'actors', 'sources'] as const) if (path === REGISTRY_FILES[registry]) return registry;
  if (path.startsWith(`${RECORDS_DIR}/`) && RECORD_EXTENSIONS.some((ext) => path.endsWith(ext))) return 'records';
  if (path.startsWith(`${MDX_DIRS.incidents}/`) && path.endsWith('.mdx')) return 'incidents';
  return undefined;
}

const keyOf = (subject: Subject, id: string) => `${subject}\u0000${id}`;
export const splitKey = (key: string) => key.split('\u0000') as [Subject, string];

/** The entries of one version of a file, keyed by subject and id; undefined when it does not read. */
export function entriesOf(path: string, text: string): Entries | undefined {
  const subject = subjectOf(path);
  if (!subject) return undefined;
  let parsed: ParsedFile;
  let extra: Value = {};
  if (subject === 'incidents') {
    const file = parseFrontmatter(path, text);
    parsed = file;
    extra = { id: path.slice(MDX_DIRS.incidents.length + 1, -'.mdx'.length), text: file.body.trim() };
  } else if (path.endsWith('.csv')) {
    parsed = parseCsv(path, text);
  } else {
    parsed = parseYaml(path, text, { shape: subject === 'site' ? 'mapping' : 'list' });
  }
  // A version that does not read is no version: comparing with it would report every entry.
  if (parsed.problems.some((p) => p.rule === 'syntax')) return undefined;
  const entries: Entries = new Map();
  for (const entry of parsed.entries) {
    const value = { ...(entry.value as Value), ...extra };
    const id = subject === 'site' ? 'site' : value.id;
    if (typeof id === 'string') entries.set(keyOf(subject, id), value);
  }
  return entries;
}

const LONGEST = 200;

/** A value as a reader sees it in "from … to …". */
export function shown(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  let text: string;
  if (typeof value === 'string') text = value;
  else if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) text = value.join(', ');
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > LONGEST ? `${text.slice(0, LONGEST - 1)}…` : text;
}

const isMapping = (v: unknown): v is Value => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Fields that say nothing to a reader when they change: the id (a rename says it), and its former ids. */
const QUIET = new Set(['id', 'formerly']);

/** `value` with every id renamed in the same commit replaced by its new id (deeply). */
function renamedIn(value: unknown, renames: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return renames.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => renamedIn(v, renames));
  if (isMapping(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renamedIn(v, renames)]));
  return value;
}

/**
 * The fields that differ, nested mappings field by field, in the order the newer version writes
 * them. A reference that only follows a rename made in the same commit (`incidents: [old]` to
 * `[new]`) is no change to the facts, and is left out.
 */
export function fieldChanges(before: Value, after: Value, renames: ReadonlyMap<string, string> = new Map(), prefix = ''): Array<{ field: string; from?: string; to?: string }> {
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return keys.flatMap((key) => {
    if (!prefix && QUIET.has(key)) return [];
    const [a, b] = [before[key], after[key]];
    if (isDeepStrictEqual(a, b) || (renames.size > 0 && isDeepStrictEqual(renamedIn(a, renames), b))) return [];
    if (isMapping(a) && isMapping(b)) return fieldChanges(a, b, renames, `${prefix}${key}.`);
    // The prose of a write-up is too long to quote: that it was revised is what a reader learns.
    if (!prefix && key === 'text') return [{ field: 'text' }];
    return [{ field: `${prefix}${key}`, from: shown(a), to: shown(b) }];
  });
}

const isDraft = (value: Value | undefined) => value?.status === 'draft';

/**
 * The changes one commit made, from the entries of the files it changed, before and after.
 * An entry in both is compared; one that appears under a new id naming the old one in
 * `formerly` was renamed; one that is gone was removed. New entries are not corrections, and
 * a write-up that is a draft on either side is not published yet: neither is listed.
 */
export function commitChanges(commit: { hash: string; date: string; message: string }, before: Entries, after: Entries): Change[] {
  const base = { commit: commit.hash, date: commit.date, reason: commit.message };
  // Renames first: an entry under a new id that names a vanished one in `formerly`.
  const renamedFrom = new Map<string, string>();
  const renames = new Map<string, string>();
  for (const [key, value] of after) {
    if (before.has(key)) continue;
    const [subject, id] = splitKey(key);
    const formerly = Array.isArray(value.formerly) ? value.formerly.filter((f): f is string => typeof f === 'string') : [];
    const old = formerly.find((f) => before.has(keyOf(subject, f)) && !after.has(keyOf(subject, f)));
    if (old === undefined) continue;
    renamedFrom.set(keyOf(subject, old), key);
    renames.set(old, id);
  }
  const changes: Change[] = [];
  for (const [key, value] of after) {
    const [subject, id] = splitKey(key);
    const oldKey = before.has(key) ? key : [...renamedFrom].find(([, now]) => now === key)?.[0];
    if (oldKey === undefined) continue; // new: not a correction
    const old = before.get(oldKey)!;
    if (isDraft(old) || isDraft(value)) continue;
    if (oldKey !== key) changes.push({ ...base, subject, id, kind: 'renamed', field: 'id', from: splitKey(oldKey)[1], to: id });
    for (const field of fieldChanges(old, value, renames)) changes.push({ ...base, subject, id, kind: 'changed', ...field });
  }
  for (const [key, value] of before) {
    if (after.has(key) || renamedFrom.has(key) || isDraft(value)) continue;
    const [subject, id] = splitKey(key);
    const incidents = subject === 'records' && Array.isArray(value.incidents) ? value.incidents.map(String) : undefined;
    changes.push({ ...base, subject, id, kind: 'removed', ...(incidents ? { incidents } : {}) });
  }
  return changes;
}
