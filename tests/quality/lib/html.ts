/**
 * A deliberately small HTML/SVG/XML tag scanner for the quality checks: start tags with their
 * attributes (entity-decoded), the bodies of raw-text elements (script, style) and the page's
 * text. Astro's output is well-formed, and the checks must not depend on the code they check, so
 * this is a few regular expressions rather than a parser from the site's own dependency tree.
 */

export interface Tag {
  /** Lower-cased tag name (`a`, `script`, `svg`, `xlink:href` keeps its prefix). */
  name: string;
  /** Attributes, names lower-cased, values entity-decoded; a bare attribute has value ''. */
  attrs: Map<string, string>;
  /** Offset of the `<` in the source. */
  at: number;
  /** Body of a raw-text element (script, style, textarea, title); undefined otherwise. */
  body?: string;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', colon: ':', tab: '\t', newline: '\n' };

/** Decodes the character references HTML output uses: named basics, decimal and hex. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
const TAG = /<([a-zA-Z][^\s/>]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?|\s*\/(?!>))*)\s*\/?>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function attributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const match of source.matchAll(ATTR)) {
    const name = match[1]!.toLowerCase();
    if (attrs.has(name)) continue; // HTML keeps the first
    attrs.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attrs;
}

/** Every start tag of the document, in order; comments and CDATA markers are skipped over. */
export function tags(html: string): Tag[] {
  const out: Tag[] = [];
  const source = html.replace(/<!--[\s\S]*?-->/g, (c) => ' '.repeat(c.length));
  TAG.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TAG.exec(source))) {
    const name = match[1]!.toLowerCase();
    const tag: Tag = { name, attrs: attributes(match[2] ?? ''), at: match.index };
    if (RAW_TEXT.has(name) && !match[0].endsWith('/>')) {
      const end = source.toLowerCase().indexOf(`</${name}`, TAG.lastIndex);
      const stop = end < 0 ? source.length : end;
      tag.body = source.slice(TAG.lastIndex, stop);
      // Raw text is not markup: continue scanning after it (a `<b>` inside a script is text).
      if (name === 'script' || name === 'style') TAG.lastIndex = stop;
    }
    out.push(tag);
  }
  return out;
}

/** The text a reader sees (or a screen reader reads): tags removed, entities decoded, spaces collapsed. */
export function textContent(html: string): string {
  const withoutRaw = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ');
  return normaliseSpace(decodeEntities(withoutRaw.replace(TAG, ' ').replace(/<\/[a-zA-Z][^>]*>/g, ' ')));
}

/** Also keeps attribute values that carry text (title, aria-label, alt, content of meta). */
export function textAndLabels(html: string): string {
  const labels = tags(html).flatMap((t) => ['title', 'aria-label', 'alt', 'content', 'data-title'].map((a) => t.attrs.get(a) ?? ''));
  return normaliseSpace(`${textContent(html)} ${labels.join(' ')}`);
}

export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Ids a fragment can point at: `id` on any element, `name` on `<a>`. */
export function anchors(html: string): Set<string> {
  const ids = new Set<string>();
  for (const tag of tags(html)) {
    const id = tag.attrs.get('id');
    if (id !== undefined) ids.add(id);
    if (tag.name === 'a' && tag.attrs.has('name')) ids.add(tag.attrs.get('name')!);
  }
  return ids;
}

/** 1-based line of an offset, for messages. */
export function lineOf(text: string, at: number): number {
  let line = 1;
  for (let i = 0; i < at && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
