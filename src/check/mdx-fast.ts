/**
 * A quick component scan for the MDX most write-ups are: Markdown whose only tags are
 * self-closing components with string props (`<Cite id="…" />`, `<Record id="…" />`).
 *
 * Parsing MDX (src/data/mdx-scan.ts) costs milliseconds per file, which a site of a thousand write-ups
 * pays on every `npm run check`. A body with nothing MDX could read otherwise (no other `<`, no
 * braces, no code, no import/export, no character references in props, no Markdown links, which
 * the checker takes from the parsed tree) gives the same uses as the parser; anything else
 * returns `undefined`, and the caller parses.
 */
import { lineIndex, type Position } from '../data/positions.ts';
import { MAY_HOLD_CODE, MAY_HOLD_LINK, type ComponentUse } from '../data/mdx-scan.ts';

/** Anything that makes MDX read more than Markdown and simple tags. */
const NOT_SIMPLE = /[{}`]|~~~|^[ \t]*(?:import|export)\b/m;
const TAG = /<([A-Z][A-Za-z0-9]*)((?:[ \t]+[A-Za-z_][A-Za-z0-9_-]*="[^"<>&{}\n]*")*)[ \t]*\/>/y;
const ATTRIBUTE = /([A-Za-z_][A-Za-z0-9_-]*)="([^"]*)"/g;

export function scanSimpleComponents(body: string, firstLine = 1): ComponentUse[] | undefined {
  if (MAY_HOLD_LINK.test(body)) return undefined;
  if (!body.includes('<')) return MAY_HOLD_CODE.test(body) ? undefined : [];
  if (NOT_SIMPLE.test(body)) return undefined;
  const positionOf = lineIndex(body, firstLine).positionAt;
  const uses: ComponentUse[] = [];
  for (let at = body.indexOf('<'); at >= 0; at = body.indexOf('<', at + 1)) {
    TAG.lastIndex = at;
    const tag = TAG.exec(body);
    if (!tag) return undefined;
    const props: Record<string, unknown> = {};
    const propAt: Record<string, Position> = {};
    const attributesStart = at + 1 + tag[1]!.length;
    for (const attribute of tag[2]!.matchAll(ATTRIBUTE)) {
      props[attribute[1]!] = attribute[2]!;
      propAt[attribute[1]!] = positionOf(attributesStart + attribute.index);
    }
    uses.push({ name: tag[1]!, at: positionOf(at), props, propAt, text: '' });
  }
  return uses;
}
