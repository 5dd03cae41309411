/**
 * Pieces of hand-written chart markup (marks-svg.ts, frame-html.ts, table-html.ts): an attribute
 * as Astro writes one, and text, both escaped with the project's escapers (src/safety/escape.ts).
 * Charts are written as strings rather than as Astro JSX per element: an incident page's four
 * charts through Astro's per-element rendering cost about 5 ms of its 13 (docs/performance.md).
 */
import { escapeHtmlAttribute, escapeHtmlText } from '../../safety/escape.ts';

/** An attribute as Astro writes one: nothing for no value, the bare name for an empty one. */
export function attr(name: string, value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  // A number's text has nothing to escape (most of a chart's attributes are coordinates).
  if (typeof value === 'number') return ` ${name}="${value}"`;
  const text = value;
  return text === '' ? ` ${name}` : ` ${name}="${escapeHtmlAttribute(text)}"`;
}

/** Text inside an element, as Astro writes `{text}`. */
export const text = escapeHtmlText;
