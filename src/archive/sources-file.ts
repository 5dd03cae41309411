/**
 * Adding a capture to `data/sources.yaml` without disturbing anything else in it.
 *
 * Editors keep comments, blank lines, their own quoting and folded notes in that file, and a
 * re-serialised document would rewrite them. So the document is parsed with `yaml` only to find
 * where things are (node ranges), the capture is spliced in as text at the end of a line, and the
 * result is parsed again and compared with what was meant: the same data everywhere except the
 * one source's `archived`. A splice that would mean anything else is refused, never written.
 */
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, parseDocument, stringify, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Capture } from '../schema/index.ts';

/** What `npm run archive` needs to know of one source. */
export interface ArchivableSource {
  id: string;
  url?: string;
  /** How many captures (or archive addresses) it has; a `TODO` placeholder is none. */
  captures: number;
  /** Every archive address it lists, for the link-rot check. */
  archived: string[];
}

export class SourcesFileError extends Error {}

const YAML_OPTIONS = { schema: 'core', merge: true, prettyErrors: false } as const;

function parse(text: string) {
  const doc = parseDocument(text, YAML_OPTIONS);
  if (doc.errors.length > 0) throw new SourcesFileError(`sources file does not parse: ${doc.errors[0]!.message.split('\n')[0]}`);
  if (doc.contents !== null && !isSeq(doc.contents)) throw new SourcesFileError('sources file is not a list of sources');
  return doc;
}

const isPlaceholder = (value: unknown) => typeof value === 'string' && value.trimStart().startsWith('TODO');

/** The sources of a file, as far as archiving needs them (entries without a string id are left out). */
export function archivableSources(text: string): ArchivableSource[] {
  const list = (parse(text).toJS() ?? []) as unknown[];
  return list.flatMap((entry) => {
    if (entry === null || typeof entry !== 'object' || typeof (entry as { id?: unknown }).id !== 'string') return [];
    const { id, url, archived } = entry as { id: string; url?: unknown; archived?: unknown };
    const listed = (Array.isArray(archived) ? archived : [archived]).filter((item) => item !== undefined && item !== null && !isPlaceholder(item));
    const addresses = listed.map((item) => (typeof item === 'string' ? item : (item as { url?: unknown }).url)).filter((u): u is string => typeof u === 'string');
    return [{ id, url: typeof url === 'string' ? url : undefined, captures: listed.length, archived: addresses }];
  });
}

/** Offset just past the end of the line that `offset` falls in (after a block scalar's own newline, that offset). */
function lineEnd(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** A scalar as YAML writes it on one line: plain where that reads back the same, quoted otherwise. */
const scalar = (value: string) => stringify(value, { lineWidth: 0 }).trimEnd();

/** One list item: `- url: …` at `dash`, the other fields under it. `at` is quoted, as dates are in this project. */
function captureItem(capture: Capture, dash: number, eol: string): string {
  const pad = ' '.repeat(dash + 2);
  const lines = [`${' '.repeat(dash)}- url: ${scalar(capture.url)}`, `${pad}at: '${capture.at}'`];
  if (capture.sha256) lines.push(`${pad}sha256: ${capture.sha256}`);
  if (capture.service) lines.push(`${pad}service: ${scalar(capture.service)}`);
  return lines.map((line) => line + eol).join('');
}

function range(node: Node | null | undefined): [number, number, number] {
  if (!node?.range) throw new SourcesFileError('a value has no position in the file');
  return node.range;
}

const keyIs = (pair: Pair, name: string) => isScalar(pair.key) && pair.key.value === name;

/** The text edit that adds `capture` to `source`'s `archived`: where, what it replaces, and the new text. */
function splice(text: string, source: YAMLMap, capture: Capture, eol: string): { from: number; to: number; insert: string } {
  const pairs = source.items as Pair[];
  const keyColumn = column(text, range(pairs[0]!.key as Node)[0]);
  const archived = pairs.find((pair) => keyIs(pair, 'archived'));
  if (!archived) {
    // Beside the original address, where an editor would write it; else after the last field.
    const anchor = pairs.find((pair) => keyIs(pair, 'url')) ?? pairs.at(-1)!;
    const at = lineEnd(text, range((anchor.value ?? anchor.key) as Node)[1]);
    const lead = at === text.length && !text.endsWith('\n') ? eol : '';
    return { from: at, to: at, insert: `${lead}${' '.repeat(keyColumn)}archived:${eol}${captureItem(capture, keyColumn + 2, eol)}` };
  }
  const value = archived.value as Node | null;
  if (isSeq(value) && !value.flow && value.items.length > 0) {
    const at = lineEnd(text, range(value.items.at(-1) as Node)[1]);
    const lead = at === text.length && !text.endsWith('\n') ? eol : '';
    return { from: at, to: at, insert: lead + captureItem(capture, column(text, range(value)[0]), eol) };
  }
  if (isScalar(value) && typeof value.value === 'string') {
    // One address becomes the list's first item, exactly as written, with its line's comment; a
    // TODO placeholder goes (its comment stays after the key).
    const keyEnd = range(archived.key as Node)[1];
    const [start, end] = range(value);
    const to = lineEnd(text, end);
    const rest = text.slice(end, to).endsWith('\n') ? text.slice(end, to) : text.slice(end, to) + eol;
    const dash = keyColumn + 2;
    const head = isPlaceholder(value.value) ? rest : `${eol}${' '.repeat(dash)}- ${text.slice(start, end)}${rest}`;
    return { from: keyEnd, to, insert: `:${head}${captureItem(capture, dash, eol)}` };
  }
  throw new SourcesFileError('its archived is not one address or a block list (- …): add the capture by hand');
}

/**
 * `text` with `capture` added to the source `id`: the rest of the text byte for byte as it was.
 * Throws SourcesFileError when the source is missing or written in a form this cannot extend.
 */
export function addCapture(text: string, id: string, capture: Capture): string {
  const doc = parse(text);
  const entries: readonly unknown[] = isSeq(doc.contents) ? doc.contents.items : [];
  const source = entries.find((item): item is YAMLMap => isMap(item) && item.get('id') === id);
  if (!source) throw new SourcesFileError(`no source "${id}" in the file`);
  if (source.flow || source.items.length === 0) throw new SourcesFileError(`source "${id}" is written on one line ({…}): write it as a block to add captures`);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const { from, to, insert } = splice(text, source, capture, eol);
  const result = text.slice(0, from) + insert + text.slice(to);

  // What the edit must mean: the old data, with this one capture added and nothing else.
  const expected = (doc.toJS() ?? []) as Array<Record<string, unknown>>;
  const entry = expected.find((e) => e?.id === id)!;
  const before = entry.archived;
  const kept = before === undefined || isPlaceholder(before) ? [] : Array.isArray(before) ? before : [before];
  entry.archived = [...kept, Object.fromEntries(Object.entries(capture).filter(([, v]) => v !== undefined))];
  const actual = parse(result).toJS();
  if (!isDeepStrictEqual(actual, expected)) throw new SourcesFileError(`adding a capture to "${id}" would change more than its archived list: add it by hand`);
  return result;
}
