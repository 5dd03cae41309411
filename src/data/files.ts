/**
 * Reading data files with positions. Every value an editor wrote keeps the line and column it
 * came from, so a problem found anywhere later (schema, references, cross-record rules) can
 * point at the exact place.
 */
import matter from 'gray-matter';
import jsYaml from 'js-yaml';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { formatLimit, LIMITS } from './limits.ts';
import { MAY_HOLD_ALIASES, yamlLimitProblem } from './yaml-limits.ts';
import type { Problem } from './problems.ts';
import { lineIndex, type Position } from './positions.ts';

export type { Position };

export type PathSegment = string | number;

/** One mapping an editor wrote: a registry entry, a record, a frontmatter block. */
export interface Entry {
  /** Project-relative path with forward slashes. */
  file: string;
  value: unknown;
  /** Where the value at `path` starts; with `key`, where its key starts. Falls back to the nearest parent that exists. */
  locate(path: readonly PathSegment[], options?: { key?: boolean }): Position;
}

export interface ParsedFile {
  entries: Entry[];
  problems: Problem[];
}

/** Offset → 1-based line and column, over the whole file. */
function positionsOf(text: string): (offset: number) => Position {
  return lineIndex(text).positionAt;
}

function syntaxProblem(file: string, where: Position, message: string): Problem {
  return { file, ...where, severity: 'error', message, rule: 'syntax' };
}

/** The node at `path` under `root`, or the deepest parent that exists. */
function walk(root: YamlNode, path: readonly PathSegment[], key: boolean): YamlNode {
  let node: YamlNode = root;
  for (const [i, segment] of path.entries()) {
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return node;
      if (last && key && isScalar(pair.key)) return pair.key;
      if (!pair.value) return pair.key as YamlNode;
      node = pair.value as YamlNode;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
      node = node.items[segment] as YamlNode;
    } else {
      return node;
    }
  }
  return node;
}

interface YamlOptions {
  /** Where `text` starts inside the file (frontmatter sits after the opening `---`). */
  offset?: number;
  /** What the top level must be. */
  shape: 'list' | 'mapping';
  /** Position lookup over the whole file, when `text` is only a part of it. */
  positionOf?: (offset: number) => Position;
}

/**
 * YAML → entries (one per list item, or one for a mapping), with positions.
 *
 * Positions are only needed when something is wrong, and the `yaml` package that knows them
 * reads about ten times slower than js-yaml. So a file is read with js-yaml (YAML 1.2 core schema,
 * the values `yaml` gives) and read again with `yaml` only when an entry is asked where something
 * is, or when js-yaml finds a problem (so messages stay those of `yaml`).
 */
export function parseYaml(file: string, text: string, options: YamlOptions): ParsedFile {
  // js-yaml has no bound on what aliases expand to: it never sees a text that may hold one.
  const fast = MAY_HOLD_ALIASES.test(text) ? undefined : parseYamlFast(file, text, options);
  return fast ?? parseYamlWithPositions(file, text, options);
}

/**
 * YAML 1.2's core schema, which keeps `2019-11-29` a string as the editor wrote it, with YAML's
 * merge key (`<<: *defaults`), which editors use to share fields between entries.
 */
// js-yaml exports its types (`types.merge`) at run time; @types/js-yaml leaves them out.
const { merge } = (jsYaml as typeof jsYaml & { types: { merge: jsYaml.Type } }).types;
const CORE_WITH_MERGE = jsYaml.CORE_SCHEMA.extend({ implicit: [merge] });

/** Plain scalars the two parsers read differently (js-yaml takes `0b101` for a number). */
const DIVERGENT = /\b0b[01]/;

const isMapping = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function parseYamlFast(file: string, text: string, options: YamlOptions): ParsedFile | undefined {
  if (DIVERGENT.test(text)) return undefined;
  let value: unknown;
  try {
    // Past its depth, js-yaml stops (the reader with positions says where, and why).
    value = jsYaml.load(text, { schema: CORE_WITH_MERGE, json: false, maxDepth: LIMITS.yamlDepth.value } as jsYaml.LoadOptions);
  } catch {
    return undefined;
  }
  let items: Record<string, unknown>[];
  if (options.shape === 'mapping') {
    const node = Array.isArray(value) && value.length === 1 ? value[0] : value;
    if (!isMapping(node)) return undefined;
    items = [node];
  } else {
    if (value === null || value === undefined) return { entries: [], problems: [] };
    if (Array.isArray(value) && value.length > LIMITS.yamlEntries.value) return tooManyEntries(file, text, options);
    if (!Array.isArray(value) || !value.every(isMapping)) return undefined;
    items = value;
  }
  let slow: ParsedFile | undefined;
  const located = (index: number) => (slow ??= parseYamlWithPositions(file, text, options)).entries[index];
  const entries = items.map(
    (item, index): Entry => ({
      file,
      value: item,
      locate: (path, opts) => located(index)?.locate(path, opts) ?? (options.positionOf ?? positionsOf(text))(options.offset ?? 0),
    }),
  );
  return { entries, problems: [] };
}

/**
 * A list past LIMITS.yamlEntries, found by js-yaml: the entry past the limit is the line that
 * starts with "- " at the margin that many times down (the reader with positions, which would
 * say the same, takes half a minute over such a file). Undefined for a list written otherwise.
 */
function tooManyEntries(file: string, text: string, options: YamlOptions): ParsedFile | undefined {
  const limit = LIMITS.yamlEntries.value;
  const item = /^-(?:[ \t]|$)/gm;
  let found: RegExpExecArray | null = null;
  for (let count = 0; count <= limit && (found = item.exec(text)); count++);
  if (!found) return undefined;
  const where = (options.positionOf ?? positionsOf(text))((options.offset ?? 0) + found.index);
  const message = `this file has more than ${formatLimit(limit)} entries, the most a YAML file may have: split it`;
  return { entries: [], problems: [{ file, ...where, severity: 'error', message, rule: 'too-many-entries' }] };
}

/**
 * The parser's errors, said as an editor can act on them. A tab in the indentation sets off a
 * string of token errors, none of which says "tab": it is reported alone, where it is. A quote
 * never closed is reported at the end of the text: it is placed back at the quote. A colon in an
 * unquoted value gets the fix.
 */
function explained(text: string, errors: readonly { pos: [number, number]; message: string }[]): { pos: number; message: string }[] {
  if (errors.length === 0) return [];
  // The first error's line indented with a tab: that is the mistake (a tab inside a block of
  // text is fine, and is not what the parser stumbled on).
  const lineStart = text.lastIndexOf('\n', errors[0]!.pos[0] - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  if (indent.includes('\t')) return [{ pos: lineStart + indent.indexOf('\t'), message: 'a tab in the indentation: YAML indents with spaces only' }];
  return errors.map((error) => {
    let pos = error.pos[0];
    let message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
    const quote = /^Missing closing (["'])quote/.exec(message)?.[1];
    if (quote) {
      // The last line before the end with an odd number of those quotes is where it opened.
      const lines = text.slice(0, pos).split('\n');
      for (let i = lines.length - 1; i >= 0; i--) {
        if ((lines[i]!.split(quote).length - 1) % 2 === 1) {
          pos = lines.slice(0, i).reduce((n, line) => n + line.length + 1, 0) + lines[i]!.lastIndexOf(quote);
          break;
        }
      }
    }
    if (/^Nested mappings are not allowed in compact mappings/.test(message)) message += '; a value with ": " in it goes in quotes (title: "Europol: the referral day")';
    return { pos, message };
  });
}

const tooDeep = (file: string, where: Position): Problem => ({
  file,
  ...where,
  severity: 'error',
  message: `lists and mappings nested too deep to read: the limit is ${formatLimit(LIMITS.yamlDepth.value)} levels`,
  rule: 'nesting',
});

/** The `yaml` package: exact positions and messages, and slow on big files. */
function parseYamlWithPositions(file: string, text: string, options: YamlOptions): ParsedFile {
  const offset = options.offset ?? 0;
  const positionOf = options.positionOf ?? positionsOf(text);
  const at = (o: number) => positionOf(o + offset);
  let doc: Document;
  try {
    // The core schema keeps `2019-11-29` a string, as the editor wrote it.
    doc = parseDocument(text, { schema: 'core', merge: true, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  } catch (error) {
    // Nesting deep enough to exhaust the parser's stack: nothing is read of this file.
    if (!(error instanceof RangeError)) throw error;
    return { entries: [], problems: [tooDeep(file, at(0))] };
  }
  const problems = explained(text, doc.errors).map(({ pos, message }) =>
    // The parser catches its own stack running out, and says so as a syntax error.
    /call stack/i.test(message) ? tooDeep(file, at(pos)) : syntaxProblem(file, at(pos), `YAML syntax: ${message}`),
  );
  if (problems.length > 0) return { entries: [], problems };
  const limit = yamlLimitProblem(doc);
  if (limit) return { entries: [], problems: [{ file, ...at(limit.pos), severity: 'error', message: limit.message, rule: limit.rule }] };
  const root = doc.contents as YamlNode | null;
  /**
   * Through the document, so that a merge key (`<<: *defaults`) resolves its alias. Aliases are
   * bounded above (yamlLimitProblem); the package's own count would refuse a merge key shared by
   * more than 100 entries. A merge of what is not a mapping is said at the entry.
   */
  const valueOf = (node: YamlNode): { value: unknown } | { problem: Problem } => {
    try {
      return { value: node.toJS(doc, { maxAliasCount: -1 }) };
    } catch (error) {
      return { problem: syntaxProblem(file, at(node.range?.[0] ?? 0), `YAML: ${(error as Error).message}`) };
    }
  };
  const entry = (node: YamlNode, value: unknown): Entry => ({ file, value, locate: (path, opts) => at(walk(node, path, opts?.key ?? false).range?.[0] ?? 0) });
  if (root === null) {
    return options.shape === 'list' ? { entries: [], problems } : { entries: [], problems: [syntaxProblem(file, at(0), 'expected a mapping of settings, found an empty file')] };
  }
  if (options.shape === 'mapping') {
    // A one-item list is accepted too: every YAML file of data/ but site.yaml is a list (docs/data-model.md).
    const node = isSeq(root) && root.items.length === 1 ? (root.items[0] as YamlNode) : root;
    if (!isMap(node)) return { entries: [], problems: [syntaxProblem(file, at(root.range?.[0] ?? 0), 'expected a mapping of settings (key: value lines)')] };
    const value = valueOf(node);
    return 'problem' in value ? { entries: [], problems: [value.problem] } : { entries: [entry(node, value.value)], problems };
  }
  if (!isSeq(root)) {
    return { entries: [], problems: [syntaxProblem(file, at(root.range?.[0] ?? 0), 'expected a list of mappings (each entry starts with "- ")')] };
  }
  const entries: Entry[] = [];
  for (const item of root.items as YamlNode[]) {
    if (!isMap(item)) {
      problems.push(syntaxProblem(file, at(item.range?.[0] ?? 0), 'expected a mapping (field: value lines) in this list'));
      continue;
    }
    const value = valueOf(item);
    if ('problem' in value) problems.push(value.problem);
    else entries.push(entry(item, value.value));
  }
  return { entries, problems };
}

export interface FrontmatterFile extends ParsedFile {
  /** The MDX body after the frontmatter, and the line it starts on. */
  body: string;
  bodyLine: number;
}

/** MDX → its frontmatter as one entry, with positions in the real file (gray-matter splits). */
export function parseFrontmatter(file: string, text: string): FrontmatterFile {
  const positionOf = positionsOf(text);
  if (!text.startsWith('---')) {
    return { entries: [], body: text, bodyLine: 1, problems: [syntaxProblem(file, { line: 1, col: 1 }, 'missing frontmatter: the file must start with a --- block of fields (title, …) closed by ---')] };
  }
  // gray-matter would take `---js` for the name of a language to run the block in.
  if (!/^---[ \t]*(?:\r?\n|$)/.test(text)) {
    return { entries: [], body: '', bodyLine: 1, problems: [syntaxProblem(file, { line: 1, col: 4 }, 'the first line of the frontmatter is --- alone, with nothing after it')] };
  }
  if (!/\r?\n---[ \t]*(?:\r?\n|$)/.test(text.slice(3))) {
    return { entries: [], body: '', bodyLine: 1, problems: [syntaxProblem(file, { line: 1, col: 1 }, 'the frontmatter is never closed: put a line --- after its last field, before the text')] };
  }
  // gray-matter only splits here; `yaml` parses, so positions and the core schema match data/.
  const split = matter(text, { engines: { yaml: () => ({}) } });
  const raw = split.matter;
  if (raw.trim() === '') {
    return { entries: [], body: split.content, bodyLine: 1, problems: [syntaxProblem(file, { line: 1, col: 1 }, 'the frontmatter is empty: write its fields (title, …) between the two --- lines')] };
  }
  const offset = raw.length > 0 ? text.indexOf(raw) : 3;
  const parsed = parseYaml(file, raw, { shape: 'mapping', offset, positionOf });
  const bodyStart = text.length - split.content.length;
  return { ...parsed, body: split.content, bodyLine: positionOf(bodyStart).line };
}

export { positionsOf };
