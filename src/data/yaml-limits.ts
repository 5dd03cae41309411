/**
 * Bounds on what one YAML document may ask of a reader (src/data/limits.ts), judged on the
 * `yaml` package's syntax tree before any value is built: how deep its lists and mappings nest,
 * how many values its aliases repeat (a few hundred bytes of aliases of aliases stand for a
 * billion values: "billion laughs"), and how many entries a file has. One pass, in document
 * order, without recursion.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';
import { formatLimit, LIMITS } from './limits.ts';
import type { RuleId } from './rule-ids.ts';

export interface YamlLimitProblem {
  /** Offset in the text. */
  pos: number;
  message: string;
  rule: RuleId;
}

/**
 * Texts in which js-yaml could meet an alias (`*name` where a value starts): they are read by
 * the `yaml` package, whose tree is judged here first. Also true of a `*` that is only text (in
 * quotes, mid-sentence), which costs such a file the slower reader, nothing more.
 */
export const MAY_HOLD_ALIASES = /(?:^|[\s[{,])\*[^\s\]},]/m;

const childrenOf = (node: YamlNode): unknown[] => (isMap(node) ? node.items.flatMap((pair) => [pair.key, pair.value]) : isSeq(node) ? node.items : []);

interface Frame {
  node: YamlNode;
  children: unknown[];
  next: number;
  /** Values this node stands for, aliases expanded, so far. */
  size: number;
}

export function yamlLimitProblem(doc: Document): YamlLimitProblem | undefined {
  const root = doc.contents as YamlNode | null;
  if (!root) return undefined;
  if (isSeq(root) && root.items.length > LIMITS.yamlEntries.value) {
    const first = root.items[LIMITS.yamlEntries.value] as YamlNode;
    return { pos: first.range?.[0] ?? 0, message: `this file has more than ${formatLimit(LIMITS.yamlEntries.value)} entries, the most a YAML file may have: split it`, rule: 'too-many-entries' };
  }
  const sizes = new Map<YamlNode, number>();
  const anchors = new Map<string, YamlNode>();
  let repeated = 0;
  const stack: Frame[] = [];
  const enter = (node: YamlNode): YamlLimitProblem | undefined => {
    if (node.anchor) anchors.set(node.anchor, node);
    stack.push({ node, children: childrenOf(node), next: 0, size: 1 });
    if (stack.length <= LIMITS.yamlDepth.value) return undefined;
    return { pos: node.range?.[0] ?? 0, message: `lists and mappings nested more than ${formatLimit(LIMITS.yamlDepth.value)} levels deep: records need 4`, rule: 'nesting' };
  };
  const deep = enter(root);
  if (deep) return deep;
  while (stack.length > 0) {
    const top = stack.at(-1)!;
    if (top.next === top.children.length) {
      stack.pop();
      sizes.set(top.node, top.size);
      if (stack.length > 0) stack.at(-1)!.size += top.size;
      continue;
    }
    const child = top.children[top.next++];
    if (isAlias(child)) {
      const target = anchors.get(child.source);
      if (!target) continue; // the parser reports an alias to no anchor
      const size = sizes.get(target);
      const pos = child.range?.[0] ?? 0;
      if (size === undefined) return { pos, message: `the alias *${child.source} is inside the value it names, which would repeat itself without end`, rule: 'yaml-aliases' };
      repeated += size;
      top.size += size;
      if (repeated > LIMITS.yamlAliasValues.value) {
        return { pos, message: `aliases in this file repeat more than ${formatLimit(LIMITS.yamlAliasValues.value)} values (aliases of aliases multiply): write the values out`, rule: 'yaml-aliases' };
      }
    } else if (isScalar(child)) {
      if (child.anchor) anchors.set(child.anchor, child);
      sizes.set(child, 1);
      top.size += 1;
    } else if (isMap(child) || isSeq(child)) {
      const problem = enter(child);
      if (problem) return problem;
    }
  }
  return undefined;
}
