/**
 * How deep a write-up nests. The MDX compiler recurses through the tree it builds, and so runs
 * out of stack on a few thousand block quotes or components inside one another; the Markdown
 * parser takes minutes over lists nested a thousand deep before that. So a body is judged by its
 * lines before it is parsed (block quotes and list items, `blockNestingPast`), and by its tree
 * when it is parsed (`treeNestingPast`), against LIMITS.mdxDepth.
 */
import { LIMITS } from './limits.ts';

/** Markers that open a level at the start of a line: a block quote, or a list item and the spaces after it. */
const QUOTE = /^[ \t]*>[ \t]?/;
const LIST_ITEM = /^[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The offset of the first line whose block quotes and list items nest deeper than the limit, by
 * its markers and by the list items still open above it (their content's indentation).
 */
export function blockNestingPast(body: string, limit = LIMITS.mdxDepth.value): number | undefined {
  const open: number[] = [];
  let fence: string | undefined;
  for (let start = 0; start < body.length; ) {
    const end = body.indexOf('\n', start);
    const line = body.slice(start, end < 0 ? body.length : end);
    const next = end < 0 ? body.length : end + 1;
    const fenced = FENCE.exec(line);
    if (fence !== undefined || fenced) {
      // Code is text: nothing in it nests.
      if (fence === undefined) fence = fenced![1]![0]!.repeat(3);
      else if (line.trimStart().startsWith(fence)) fence = undefined;
      start = next;
      continue;
    }
    if (line.trim() === '') {
      start = next;
      continue;
    }
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    while (open.length > 0 && open.at(-1)! > indent) open.pop();
    let at = 0;
    let quotes = 0;
    for (;;) {
      const rest = line.slice(at);
      const marker = QUOTE.exec(rest) ?? LIST_ITEM.exec(rest);
      if (!marker) break;
      const markerAt = at + marker[0].length - marker[0].trimStart().length;
      at += marker[0].length;
      // A quote marks every line it holds; a list item holds the lines indented past its marker.
      if (line[markerAt] === '>') quotes++;
      else open.push(at);
      if (open.length + quotes > limit) return start + markerAt;
    }
    start = next;
  }
  return undefined;
}

/** Characters that can open an inline level (emphasis, a link, a strikethrough, a tag). */
const INLINE_OPENERS = /[*_[~<]/g;

/** Whether some paragraph has enough inline openers to nest past the limit (then the tree says). */
export function mayNestInline(body: string, limit = LIMITS.mdxDepth.value): boolean {
  return body.split(/\n[ \t]*\n/).some((paragraph) => (paragraph.match(INLINE_OPENERS)?.length ?? 0) > limit);
}

interface TreeNode {
  type: string;
  children?: TreeNode[];
  position?: { start: { line: number; column: number } };
}

/** Nodes that are a level of nesting as an editor sees it. */
const LEVELS = new Set(['blockquote', 'list', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'emphasis', 'strong', 'delete', 'link', 'linkReference']);

/** The first node (in document order) nested deeper than the limit, walked without recursion. */
export function treeNestingPast(tree: TreeNode, limit = LIMITS.mdxDepth.value): TreeNode | undefined {
  const stack: { node: TreeNode; depth: number }[] = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    const level = depth + (LEVELS.has(node.type) ? 1 : 0);
    if (level > limit) return node;
    for (let i = (node.children?.length ?? 0) - 1; i >= 0; i--) stack.push({ node: node.children![i]!, depth: level });
  }
  return undefined;
}
