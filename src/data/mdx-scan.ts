/**
 * Finds the components used in an MDX body, with the position of each prop, so the checker can
 * report `content/incidents/x.mdx:41:12  error  unknown source "…"` at the line the editor wrote.
 */
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { isDefangedDomain } from '../safety/defang.ts';
import { formatLimit, LIMITS } from './limits.ts';
import { blockNestingPast, mayNestInline, treeNestingPast } from './mdx-nesting.ts';
import { lineIndex, type LineIndex, type Position } from './positions.ts';
import { hasUnsafeScheme, isMisleadingUrl, isRemote, startsWithHost } from '../safety/url.ts';

export type { Position };

export interface ComponentUse {
  name: string;
  at: Position;
  /** Literal prop values; `undefined` for expressions that are not plain JSON. */
  props: Record<string, unknown>;
  propAt: Record<string, Position>;
  /** Text between the tags, when there is any. */
  text: string;
}

export class MdxSyntaxError extends Error {
  readonly at: Position;
  /**
   * Where in the body the character to blame is, when it is one a write-up meant as text (a stray
   * `{` or `<`): reading on past it, the rest of the file can still be checked.
   */
  readonly stray?: number;
  /** `nesting` when the body is nested past LIMITS.mdxDepth (mdx-nesting.ts), else `syntax`. */
  readonly rule: 'syntax' | 'nesting';
  constructor(message: string, at: Position, stray?: number, rule: 'syntax' | 'nesting' = 'syntax') {
    super(message);
    this.at = at;
    if (stray !== undefined) this.stray = stray;
    this.rule = rule;
  }
}

const nestingError = (at: Position) =>
  new MdxSyntaxError(`block quotes, lists, components or emphasis nested more than ${formatLimit(LIMITS.mdxDepth.value)} levels deep, past what the site can be built from`, at, undefined, 'nesting');

interface JsxAttribute {
  type: string;
  name?: string;
  value?: string | null | { type: string; value: string };
  position?: { start: { line: number; column: number } };
}

interface JsxNode {
  type: string;
  name: string | null;
  attributes: JsxAttribute[];
  children: { type: string; value?: string }[];
  position?: { start: { line: number; column: number } };
}

const processor = unified().use(remarkParse).use(remarkMdx);

function textOf(node: { type: string; value?: string; children?: unknown[] }): string {
  if (typeof node.value === 'string' && node.type === 'text') return node.value;
  return ((node.children ?? []) as { type: string; value?: string }[]).map(textOf).join('');
}

/** JavaScript in a write-up: MDX would run it at build time, and data is never code. */
export interface CodeProblem {
  at: Position;
  message: string;
  rule: 'mdx-code';
}

// An MDX comment, a /* block comment */ in braces: the one kind of braces a write-up may hold.
// Each comment ends at its first */, so code between two comments is not taken for one.
const COMMENT_ONLY = /^\s*(?:\/\*(?:[^*]|\*(?!\/))*\*\/\s*)*$/;

/** What MDX reads as code even where there is no tag: braces, `import` and `export`. */
export const MAY_HOLD_CODE = /[{}]|^[ \t]*(?:import|export)\b/m;

/** What MDX reads as a Markdown link or image: `](` after the text, `]:` after a definition's label. */
export const MAY_HOLD_LINK = /\](?:\(|:)/;

/** A Markdown link, image or link definition, as the parser read it. */
export interface LinkUse {
  /** The address as Markdown reads it: escapes (`\\(`) and entities decoded, `<…>` dropped. */
  url: string;
  /** Where the address starts (not the link's text). */
  at: Position;
  image: boolean;
}

export interface MdxScan {
  /** Components (capitalised JSX names) and HTML elements (lower-case). */
  uses: ComponentUse[];
  /** `import`/`export`, `{expressions}` and prop values that are code rather than text or JSON. */
  code: CodeProblem[];
  /** Markdown links, images and link definitions (`[text](url)`, `![alt](url)`, `[ref]: url`). */
  links: LinkUse[];
}

interface MarkdownNode {
  type: string;
  url?: string;
  children?: MarkdownNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/**
 * Where a link's address starts in `body`: after the `](` that closes its text (the end of its
 * last child, when it has text), or the `]:` of a definition, then spaces and an opening `<`.
 */
function addressOffset(body: string, node: MarkdownNode): number {
  const start = node.position?.start.offset ?? 0;
  const source = body.slice(start, node.position?.end.offset ?? body.length);
  const lastChild = node.children?.at(-1)?.position?.end.offset;
  const afterText =
    node.type === 'definition' ? /^\s*\[(?:\\[\s\S]|[^\\\]])*\]:/.exec(source)?.[0].length : lastChild !== undefined ? lastChild - start + 2 : /^!?\[(?:\\[\s\S]|[^\\\]])*\]\(/.exec(source)?.[0].length;
  const from = afterText ?? 0;
  return start + from + (/^\s*<?/.exec(source.slice(from))?.[0].length ?? 0);
}

/** Where `offset` is in `body`, as a position in the file whose line `firstLine` is the body's first. */
export function positionAt(body: string, offset: number, firstLine = 1): Position {
  return lineIndex(body, firstLine).positionAt(offset);
}

/** The braces still open at `upTo`, outermost first: pairs inside counted, escaped `\{` left out. */
function openBraces(body: string, upTo = body.length): number[] {
  const open: number[] = [];
  for (let i = 0; i < upTo; i++) {
    if (body[i - 1] === '\\') continue;
    if (body[i] === '{') open.push(i);
    else if (body[i] === '}') open.pop();
  }
  return open;
}

/** HTML elements that never have content, which MDX still wants closed (`<br>` → `<br />`). */
const VOID_ELEMENT = /^Expected a closing tag for `<(br|hr|wbr)>`/;

/** What to tell an editor for a parser's reason: which character, and what to write instead. */
interface Explained {
  message: string;
  /** The body offset to report at. */
  offset: number;
  /** A `{` or `<` meant as text: reading can go on past it. */
  stray?: boolean;
}

const BRACE_ADVICE = 'to print a brace, write \\{ (and \\} for a closing one)';

/**
 * The parser's error in an editor's words, placed where the editor should look (at the tag left
 * open, at the brace never closed). `at` is the body offset where the parser gave up.
 */
function explain(reason: string, body: string, gaveUp: number, offsetOf: (p: Position) => number, line: (l: number) => number): Explained {
  const range = /\((\d+):(\d+)-\d+:\d+\)/.exec(reason);
  const rangeStart = range ? offsetOf({ line: Number(range[1]), col: Number(range[2]) }) : undefined;
  const unclosed = /^Expected a closing tag for `<([A-Za-z][\w.:-]*)>`/.exec(reason);
  if (unclosed) {
    const name = unclosed[1]!;
    const voids = VOID_ELEMENT.exec(reason);
    // No position for the open tag: the first one of that name from where the parser gave up.
    const tag = new RegExp(`<${name.replace(/[.]/g, '\\.')}(?=[\\s/>])`, 'g');
    tag.lastIndex = gaveUp;
    const offset = rangeStart ?? tag.exec(body)?.index ?? gaveUp;
    return voids
      ? { offset, message: `<${name}> must close itself in MDX: write <${name} />` }
      : { offset, message: `<${name}> is never closed: end it with </${name}>, or write it as <${name} … /> when nothing goes between` };
  }
  const mismatch = /^Unexpected closing tag `<\/([^>]*)>`, expected corresponding closing tag for `<([^>]*)>`/.exec(reason);
  if (mismatch) {
    const opened = range ? ` (opened on line ${line(Number(range[1]))})` : '';
    return { offset: gaveUp, message: `</${mismatch[1]}> does not close <${mismatch[2]}>${opened}: write </${mismatch[2]}>` };
  }
  if (/closing brace for `\{`/.test(reason)) {
    // The parser gives up at the end of the text; the brace never closed is the mistake.
    const offset = openBraces(body)[0] ?? gaveUp;
    return { offset, stray: body[offset] === '{', message: `"{" is never closed: in MDX a brace starts code; ${BRACE_ADVICE}` };
  }
  if (/expression with acorn/.test(reason)) {
    // Text in braces that is not JavaScript: almost always braces meant as text, so the brace.
    const offset = openBraces(body, gaveUp).at(-1) ?? gaveUp;
    return { offset, stray: body[offset] === '{', message: `"{" starts code in MDX, and what follows it is not code: ${BRACE_ADVICE}` };
  }
  if (/before name/.test(reason) && body[gaveUp - 1] === '<') {
    // `3<4`: the parser stops at the 4; the `<` is what to escape.
    return { offset: gaveUp - 1, stray: true, message: '"<" starts a tag in MDX; to print it, write \\< (or &lt;)' };
  }
  const lastTag = body.lastIndexOf('<', gaveUp);
  if (/before local name/.test(reason) && /^<[a-z][a-z0-9+.-]*:/i.test(body.slice(lastTag))) {
    // `<https://…>`, Markdown's autolink, is a broken tag in MDX.
    return { offset: lastTag, message: '"<" starts a tag in MDX, so <https://…> is not a link: write [text](https://…), or the address as plain text (in <Defang>…</Defang> if it must not be followed)' };
  }
  if (/closing slash `\/` in tag, expected an open tag first/.test(reason)) {
    const name = /^<\/([\w.:-]*)/.exec(body.slice(lastTag))?.[1];
    return { offset: lastTag, message: `${name ? `</${name}>` : 'this closing tag'} closes a tag that was never opened: delete it, or open the tag before it` };
  }
  if (/before attribute value/.test(reason)) {
    return { offset: gaveUp, message: 'a prop\'s value goes in quotes, name="text", or in braces as JSON, name={["a", "b"]}' };
  }
  const shifted = reason.replace(/\((\d+):(\d+)(?:-(\d+):(\d+))?\)/g, (_, l1, c1, l2, c2) => `(${line(Number(l1))}:${c1}${l2 ? `-${line(Number(l2))}:${c2}` : ''})`);
  return { offset: gaveUp, message: `MDX could not read this: ${shifted}` };
}

/** The parser's error, with its positions counted from the file's first line, as the editor's are, not the body's. */
function syntaxError(error: unknown, body: string, firstLine: number): MdxSyntaxError {
  const reason = String((error as { reason?: string }).reason ?? (error as Error).message);
  // The parser counts lines from the body's first.
  const { offsetOf } = lineIndex(body);
  const gaveUp = offsetOf({ line: (error as { line?: number }).line ?? 1, col: (error as { column?: number }).column ?? 1 });
  const { message, offset, stray } = explain(reason, body, gaveUp, offsetOf, (l) => l + firstLine - 1);
  return new MdxSyntaxError(message, positionAt(body, offset, firstLine), stray ? offset : undefined);
}

/**
 * Reads `body` as MDX like `scanMdx`, reading on past each stray `{` or `<` (as if it had been
 * written `\\{`), so that one mistake does not hide the file's other problems. The syntax errors
 * come back with what could be read; a mistake it cannot read past ends the scan there.
 */
export function scanMdxRecovering(body: string, firstLine = 1): { scan: MdxScan; errors: MdxSyntaxError[] } {
  const errors: MdxSyntaxError[] = [];
  let text = body;
  for (;;) {
    try {
      return { scan: scanMdx(text, firstLine), errors };
    } catch (error) {
      if (!(error instanceof MdxSyntaxError)) throw error;
      errors.push(error);
      // A space keeps every later offset, and so every later position, where it was.
      if (error.stray === undefined || errors.length >= 20) return { scan: { uses: [], code: [], links: [] }, errors };
      text = `${text.slice(0, error.stray)} ${text.slice(error.stray + 1)}`;
    }
  }
}

/** Reads `body` as MDX, positions offset so that line 1 of the body is `firstLine` of the file. */
export function scanMdx(body: string, firstLine = 1): MdxScan {
  // Before parsing: lists nested deep enough take the parser minutes.
  const deepBlock = blockNestingPast(body);
  if (deepBlock !== undefined) throw nestingError(positionAt(body, deepBlock, firstLine));
  // Without a `<` there is no tag, and nothing MDX could fail on but braces (and deep emphasis).
  if (!body.includes('<') && !MAY_HOLD_CODE.test(body) && !MAY_HOLD_LINK.test(body) && !mayNestInline(body)) return { uses: [], code: [], links: [] };
  let tree;
  try {
    tree = processor.parse(body);
  } catch (error) {
    throw syntaxError(error, body, firstLine);
  }
  const deep = treeNestingPast(tree);
  if (deep) throw nestingError({ line: (deep.position?.start.line ?? 1) + firstLine - 1, col: deep.position?.start.column ?? 1 });
  const at = (p?: { start: { line: number; column: number } }): Position => ({ line: (p?.start.line ?? 1) + firstLine - 1, col: p?.start.column ?? 1 });
  const uses: ComponentUse[] = [];
  const code: CodeProblem[] = [];
  const links: LinkUse[] = [];
  let lines: LineIndex | undefined;
  visit(tree, (node) => {
    const position = (node as { position?: { start: { line: number; column: number } } }).position;
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const link = node as MarkdownNode;
      links.push({ url: link.url ?? '', at: (lines ??= lineIndex(body, firstLine)).positionAt(addressOffset(body, link)), image: node.type === 'image' });
      return;
    }
    if (node.type === 'mdxjsEsm') {
      code.push({ at: at(position), rule: 'mdx-code', message: '`import` and `export` are not allowed in a write-up: it is text, and the components (<Cite>, <Record>, …) need no import' });
      return;
    }
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      if (!COMMENT_ONLY.test((node as { value?: string }).value ?? '')) {
        code.push({ at: at(position), rule: 'mdx-code', message: 'braces `{…}` hold code in MDX, which write-ups may not run; to print a brace, write `\\{` (comments `{/* … */}` are fine)' });
      }
      return;
    }
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    const jsx = node as unknown as JsxNode;
    // Fragments (<>…</>) have no name; lower-case names are HTML elements, checked by
    // `htmlProblems` below, capitalised ones are components.
    if (!jsx.name) return;
    const props: Record<string, unknown> = {};
    const propAt: Record<string, Position> = {};
    for (const attribute of jsx.attributes) {
      if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) {
        code.push({ at: at(attribute.position ?? jsx.position), rule: 'mdx-code', message: `<${jsx.name} {…}>: spread props are code; write each prop as name="text"` });
        continue;
      }
      propAt[attribute.name] = at(attribute.position);
      const value = attribute.value;
      if (value === null || value === undefined) props[attribute.name] = true;
      else if (typeof value === 'string') props[attribute.name] = value;
      else {
        try {
          props[attribute.name] = JSON.parse(value.value);
        } catch {
          props[attribute.name] = undefined;
          code.push({ at: propAt[attribute.name]!, rule: 'mdx-code', message: `<${jsx.name} ${attribute.name}={…}>: a prop's value is text in quotes (${attribute.name}="…") or JSON (${attribute.name}={["a", "b"]}), never code` });
        }
      }
    }
    uses.push({ name: jsx.name, at: at(jsx.position), props, propAt, text: textOf(jsx as never) });
  });
  return { uses, code, links };
}

/** The components and HTML elements of `body` (see `scanMdx`). */
export function scanComponents(body: string, firstLine = 1): ComponentUse[] {
  return scanMdx(body, firstLine).uses;
}

/** Source ids cited with `<Cite id="…"/>` among `uses`, in order of first appearance. */
export function citedIds(uses: readonly ComponentUse[]): string[] {
  const ids = new Set<string>();
  for (const use of uses) if (use.name === 'Cite' && typeof use.props.id === 'string') ids.add(use.props.id);
  return [...ids];
}

/** Source ids cited with `<Cite id="…"/>` in `body`, in order of first appearance. */
export function citedSources(body: string): string[] {
  try {
    return citedIds(scanComponents(body));
  } catch {
    // The checker reports syntax errors; the site just cites nothing from a broken body.
    return [];
  }
}

/**
 * HTML that write-ups may hold: text-level and block formatting. Everything else (script,
 * style, iframe, object, form, svg, img…) could run code, load from another server or break
 * the site's Content-Security-Policy, and is an error at its line.
 */
const ALLOWED_HTML = new Set(
  'a abbr b bdi bdo blockquote br caption cite code dd del details dfn div dl dt em figcaption figure h2 h3 h4 h5 h6 hr i ins kbd li mark ol p pre q s samp small span strong sub summary sup table tbody td tfoot th thead time tr u ul var wbr'.split(' '),
);

export interface HtmlProblem {
  at: Position;
  message: string;
  rule: 'unsafe-html' | 'bad-url' | 'defanged-link';
  /** Errors unless said otherwise. */
  severity?: 'warning';
}

/** What is wrong with the HTML elements among `uses`. */
export function htmlProblems(uses: readonly ComponentUse[]): HtmlProblem[] {
  const problems: HtmlProblem[] = [];
  for (const use of uses) {
    if (/^[A-Z]/.test(use.name)) continue;
    if (!ALLOWED_HTML.has(use.name)) {
      problems.push({ at: use.at, rule: 'unsafe-html', message: `<${use.name}> is not allowed in a write-up (it could run code, load from another server or break the site's security policy); use Markdown or the write-up components` });
      continue;
    }
    for (const [prop, value] of Object.entries(use.props)) {
      const at = use.propAt[prop] ?? use.at;
      if (/^on/i.test(prop) || prop === 'style' || prop === 'srcdoc' || prop === 'dangerouslySetInnerHTML') {
        problems.push({ at, rule: 'unsafe-html', message: `<${use.name} ${prop}> is not allowed: event handlers and inline styles do not run under the site's security policy, and data is never code` });
      } else if ((prop === 'href' || prop === 'src' || prop === 'cite') && typeof value === 'string' && hasUnsafeScheme(value)) {
        problems.push({ at, rule: 'bad-url', message: `<${use.name} ${prop}="${value.slice(0, 40)}"> is not an http(s) or mailto link` });
      }
    }
  }
  return problems;
}

/**
 * Markdown links and images (`[text](url)`, `![alt](url)`, `[ref]: url`) whose scheme is not
 * http(s) or mailto, that name another server without a scheme, or whose host a browser and a
 * filter would read differently; and images from another server. Links in code are text, and
 * are not links here either.
 */
export function unsafeMarkdownLinks(links: readonly LinkUse[], defang: readonly string[] = []): HtmlProblem[] {
  const problems: HtmlProblem[] = [];
  for (const { url, at, image } of links) {
    const shown = url.slice(0, 40);
    const full = /^https?:/i.test(url);
    if (hasUnsafeScheme(url)) {
      problems.push({ at, rule: 'bad-url', message: `link to "${shown}": write-ups may link to http(s) and mailto addresses, and to pages of the site` });
    } else if (full && isMisleadingUrl(url)) {
      // A backslash or an encoded control character where the host goes: a dead link at best,
      // and a host a filter reads differently from a browser.
      problems.push({ at, rule: 'bad-url', message: `link to "${shown}" is not a valid address: check it for a backslash or a stray character` });
    } else if ((full || startsWithHost(url)) && isDefangedDomain(full ? url : `https://${url}`, defang)) {
      // The editor meant a link, and the site never makes one to these domains: say what to write
      // instead, never "write the whole address", which asks for a live link to the channel.
      const why = full ? 'it is shown as defanged text' : 'as written it is also a broken page of this site';
      problems.push({ at, rule: full ? 'defanged-link' : 'bad-url', ...(full ? { severity: 'warning' as const } : {}), message: `link to "${shown}": its domain is on the defang list, so the site never links to it (${why}); use <Defang>…</Defang> or plain text` });
    } else if (startsWithHost(url)) {
      // Without a scheme it is a path on this site: a broken link, and one the defang list cannot see.
      problems.push({ at, rule: 'bad-url', message: `link to "${shown}" has no https://: as written it is a page of this site; write the whole address` });
    }
    // An image from another server is a request to a third party from every reader's browser.
    if (image && isRemote(url)) {
      problems.push({ at, rule: 'unsafe-html', message: `image from another server ("${shown}"): readers' browsers would fetch it from there; put the file in public/ and link it as /name.png` });
    }
  }
  return problems;
}
