/**
 * Executable payloads in built output. Text from data is text: it may show `<script>` to a reader,
 * escaped, but it must never become markup that runs. This scans what a browser, an SVG viewer,
 * a feed reader, a search engine (JSON-LD) or Pagefind's result list would interpret:
 *
 * - a `<script>` that is inline JavaScript, or loads from another origin or a `javascript:`/`data:` URL;
 * - JSON-LD that does not parse, or whose text could close its `<script>` element;
 * - any `on…=` event-handler attribute, `srcdoc`, `<base>`, `<object>`, `<embed>`;
 * - a `javascript:`, `vbscript:` or `data:text/html` URL in any URL-valued attribute
 *   (also SVG animation values: `<set to="javascript:…">`), or in a refresh `<meta>`.
 *
 * The site's own pages have no inline script and no event-handler attribute at all (its CSP has
 * no 'unsafe-inline'), so anything of the sort is either an injection or a CSP bug.
 */
import { gunzipSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import { tags } from './html.ts';

export interface Finding {
  what: string;
  /** A short piece of the offending markup. */
  excerpt: string;
}

const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background', 'lowsrc', 'cite', 'longdesc', 'ping', 'to', 'from', 'values', 'by', 'content']);

/** The scheme of a URL as a browser sees it: controls and whitespace inside are ignored. */
function schemeOf(value: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\u0000-\u0020\u007f-\u009f]/g, ''))?.[1]?.toLowerCase();
}

function dangerousUrl(value: string): string | undefined {
  for (const part of value.split(/[;,]/)) {
    // `values="a;javascript:…"` in SVG animation, `content="0;url=javascript:…"` in a refresh.
    const candidate = part.trim().replace(/^url\s*=\s*/i, '').replace(/^['"]/, '');
    const scheme = schemeOf(candidate);
    if (scheme === 'javascript' || scheme === 'vbscript' || scheme === 'livescript') return `${scheme}: URL`;
    if (scheme === 'data' && /^data:\s*(text\/html|application\/xhtml|image\/svg|text\/javascript|application\/javascript)/i.test(candidate.replace(/[\u0000-\u0020]/g, ''))) return 'data: URL with active content';
  }
  return undefined;
}

export interface ScanOptions {
  /** Whether `<script src>` on the same origin is allowed (the site's own bundles): true for pages, false for feed HTML. */
  allowOwnScripts?: boolean;
}

/** Findings for one HTML or SVG document (or HTML fragment). */
export function scanMarkup(html: string, { allowOwnScripts = true }: ScanOptions = {}): Finding[] {
  const out: Finding[] = [];
  const excerpt = (at: number) => html.slice(at, at + 100).replace(/\s+/g, ' ');
  for (const tag of tags(html)) {
    const add = (what: string) => out.push({ what, excerpt: excerpt(tag.at) });
    if (tag.name === 'script') {
      const type = (tag.attrs.get('type') ?? '').toLowerCase();
      const src = tag.attrs.get('src');
      if (/^application\/(ld\+)?json$/.test(type) && src === undefined) {
        const body = tag.body ?? '';
        if (/<\/script|<!--|<script/i.test(body)) add('JSON data that can break out of its <script> element');
        try {
          JSON.parse(body);
        } catch {
          add('JSON-LD that does not parse');
        }
      } else if (src === undefined) add('inline <script>');
      else if (!allowOwnScripts) add('<script src> inside content');
      else if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(src.trim()) ) add(`<script> from ${dangerousUrl(src) ?? 'another origin'}`);
    }
    if (['object', 'embed', 'applet', 'frameset'].includes(tag.name)) add(`<${tag.name}> element`);
    // <base target="_top"> (embeds) is harmless; a base URL re-points every relative link and script.
    if (tag.name === 'base' && tag.attrs.has('href')) add('<base href> element');
    if ((tag.name === 'iframe' || tag.name === 'frame') && !allowOwnScripts) add(`<${tag.name}> inside content`);
    for (const [name, value] of tag.attrs) {
      if (/^on[a-z]+$/.test(name)) add(`event-handler attribute ${name}`);
      else if (name === 'srcdoc') add('srcdoc attribute');
      else if (name === 'style' && /javascript:|expression\s*\(|behavior\s*:|-moz-binding/i.test(value)) add('script in a style attribute');
      else if (URL_ATTRS.has(name) && (name !== 'content' || tag.name === 'meta')) {
        if (name === 'content' && !/refresh/i.test(tag.attrs.get('http-equiv') ?? '')) continue;
        const danger = dangerousUrl(value);
        if (danger) add(`${danger} in ${tag.name}[${name}]`);
      } else if (name === 'srcset' || name === 'imagesrcset') {
        for (const candidate of value.split(',')) {
          const danger = dangerousUrl(candidate.trim());
          if (danger) add(`${danger} in ${tag.name}[${name}]`);
        }
      }
    }
  }
  return out;
}

/** Elements whose text feed readers render as HTML (RSS description, Atom content/summary). */
const HTML_BEARING = /^(description|content:encoded|content|summary|subtitle|itunes:summary)$/;

/** Findings for an RSS or Atom feed, or a sitemap: the XML itself and the HTML it carries. */
export function scanFeed(xml: string): Finding[] {
  const out: Finding[] = [];
  // Markup written raw into the XML, CDATA included (a reader renders CDATA in description as HTML).
  for (const f of scanMarkup(xml.replace(/<!\[CDATA\[|\]\]>/g, ' '), { allowOwnScripts: false })) out.push({ what: `raw XML: ${f.what}`, excerpt: f.excerpt });
  let parsed: unknown;
  try {
    parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', processEntities: true, htmlEntities: true }).parse(xml, true);
  } catch (error) {
    out.push({ what: 'not well-formed XML', excerpt: String((error as Error).message).slice(0, 100) });
    return out;
  }
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') {
      if (HTML_BEARING.test(key)) for (const f of scanMarkup(value, { allowOwnScripts: false })) out.push({ what: `<${key}> HTML: ${f.what}`, excerpt: f.excerpt });
    } else if (Array.isArray(value)) value.forEach((v) => walk(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k === '#text' ? key : k);
  };
  walk(parsed, '');
  return out;
}

/** Pagefind's compressed fragment files: gzip of `pagefind_dcd` followed by JSON. */
export function readPagefindFragment(data: Buffer): Record<string, unknown> {
  let text = gunzipSync(data).toString('utf8');
  if (text.startsWith('pagefind_dcd')) text = text.slice('pagefind_dcd'.length);
  return JSON.parse(text) as Record<string, unknown>;
}

/**
 * Findings for one Pagefind fragment. Pagefind keeps a page's `content`, `anchors` and `meta`
 * as plain text, and escapes `<` and `>` itself when it cuts an excerpt (pagefind.js builds
 * `raw_content` that way), so markup *text* in the index is data, as on the page: whether a
 * search page inserts it as HTML is checked in the browser, by searching hostile words. What the
 * index must not hold is a URL that runs: a result's `url` and every URL-valued meta field
 * (`image`, `url`, `href`) becomes a link or an image in a result list.
 */
export function scanPagefindFragment(fragment: Record<string, unknown>): Finding[] {
  const out: Finding[] = [];
  const walk = (value: unknown, path: string, key: string) => {
    if (typeof value === 'string') {
      if (!/^(url|image|href|src)$/i.test(key)) return;
      const danger = dangerousUrl(value);
      if (danger) out.push({ what: `${path}: ${danger}`, excerpt: value.slice(0, 100) });
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, k);
  };
  walk(fragment, '$', '');
  return out;
}

export const formatFinding = (file: string) => (f: Finding) => `${file}: ${f.what}: ${f.excerpt}`;
