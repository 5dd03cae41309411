/**
 * Finds the components used in an MDX body, with the position of each prop, so the checker can
 * report `content/incidents/x.mdx:41:12  error  unknown source "…"` at the line the editor wrote.
 */
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

export interface Position {
  line: number;
  col: number;
}

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
  constructor(message: string, at: Position) {
    super(message);
    this.at = at;
  }
}

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

/**
 * Components used in `body` (capitalised JSX names), positions offset so that line 1 of the
 * body is `firstLine` of the file.
 */
export function scanComponents(body: string, firstLine = 1): ComponentUse[] {
  // Most write-ups are plain Markdown: skip the parse when no capitalised tag can be there.
  if (!/<[A-Z]/.test(body)) return [];
  let tree;
  try {
    tree = processor.parse(body);
  } catch (error) {
    const place = (error as { line?: number; column?: number }).line;
    const message = String((error as { reason?: string }).reason ?? (error as Error).message);
    throw new MdxSyntaxError(`MDX syntax: ${message}`, { line: (place ?? 1) + firstLine - 1, col: (error as { column?: number }).column ?? 1 });
  }
  const at = (p?: { start: { line: number; column: number } }): Position => ({ line: (p?.start.line ?? 1) + firstLine - 1, col: p?.start.column ?? 1 });
  const uses: ComponentUse[] = [];
  visit(tree, (node) => {
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    const jsx = node as unknown as JsxNode;
    if (!jsx.name || !/^[A-Z]/.test(jsx.name)) return;
    const props: Record<string, unknown> = {};
    const propAt: Record<string, Position> = {};
    for (const attribute of jsx.attributes) {
      if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
      propAt[attribute.name] = at(attribute.position);
      const value = attribute.value;
      if (value === null || value === undefined) props[attribute.name] = true;
      else if (typeof value === 'string') props[attribute.name] = value;
      else {
        try {
          props[attribute.name] = JSON.parse(value.value);
        } catch {
          props[attribute.name] = undefined;
        }
      }
    }
    uses.push({ name: jsx.name, at: at(jsx.position), props, propAt, text: textOf(jsx as never) });
  });
  return uses;
}

/** Source ids cited with `<Cite id="…"/>`, in order of first appearance. */
export function citedSources(body: string): string[] {
  const ids = new Set<string>();
  try {
    for (const use of scanComponents(body)) if (use.name === 'Cite' && typeof use.props.id === 'string') ids.add(use.props.id);
  } catch {
    // The checker reports syntax errors; the site just cites nothing from a broken body.
  }
  return [...ids];
}
