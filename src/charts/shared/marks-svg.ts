/**
 * A chart's marks as SVG markup, written as one string rather than as Astro JSX per mark: a chart
 * of a few thousand marks is the larger part of an incident page, and building it through Astro's
 * per-element rendering took most of the time a chart costs. Marks.astro prints the result with
 * `set:html`, so everything taken from data is escaped here, with the project's escapers
 * (src/safety/escape.ts): text with `escapeHtmlText`, attribute values with `escapeHtmlAttribute`.
 *
 * Every mark is a <g> translated to its anchor; parts inside are relative, and parts that stretch
 * with time carry their instants (data-t0/-t1) so zoom can redraw them. A mark whose link is its
 * record's card (`#record-<id>`, an incident's charts) has no data-href: element.ts makes it from
 * data-record.
 */
import { escapeHtmlAttribute, escapeHtmlText } from '../../safety/escape.ts';
import type { Mark } from './types.ts';

export interface MarksOptions {
  /** Where each record's mark leads, by record id. */
  hrefs: ReadonlyMap<string, string>;
  /** Prefix of the table anchors bins lead to (the chart's id, or the chart whose table lists the records). */
  id: string;
  /** A summarised chart's drill-down pages, by period key: bins lead there rather than to the table. */
  drillHref?: (period: string) => string;
  /** A chart that zooms in time: marks carry their instants (data-t, -t0, -t1), which only zoom reads. */
  timed?: boolean;
}

/** An attribute as Astro writes one: nothing for no value, the bare name for an empty one. */
function attr(name: string, value: string | number | undefined): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  return text === '' ? ` ${name}` : ` ${name}="${escapeHtmlAttribute(text)}"`;
}

/** The marks of one chart, in order, as SVG elements. */
export function marksSvg(marks: readonly Mark[], options: MarksOptions): string {
  const { hrefs, id, drillHref, timed = false } = options;
  const at = (t: number | undefined) => (timed ? t : undefined);
  const href = (m: Mark) => (m.type === 'bin' ? (m.period && drillHref ? drillHref(m.period) : `#${id}-${m.group}`) : m.recordId ? hrefs.get(m.recordId) : undefined);
  const dataHref = (m: Mark) => {
    const h = href(m);
    return h !== undefined && h === `#record-${m.recordId}` ? undefined : h;
  };
  let out = '';
  for (const m of marks) {
    out +=
      `<g${attr('class', m.classes.join(' '))}${attr('data-record', m.recordId)}${attr('data-lane', m.lane)}${attr('data-href', dataHref(m))}` +
      `${attr('data-count', m.count)}${attr('data-t', at(m.t))}${attr('transform', `translate(${m.x},${m.y})`)}>` +
      `<title>${escapeHtmlText(m.tip)}</title>`;
    if (m.link) out += `<line class="dw-link" x1="0" y1="0"${attr('x2', m.link.dx)} y2="0"${attr('data-t1', at(m.link.t))}></line>`;
    if (m.span) {
      const s = m.span;
      const interval = s.style === 'interval';
      out +=
        `<rect${attr('class', `dw-span is-${s.style}`)}${attr('x', s.x0)}${attr('y', interval ? -4 : -3)}` +
        `${attr('width', Math.max(1, Math.round((s.x1 - s.x0) * 10) / 10))}${attr('height', interval ? 8 : 6)}${attr('data-t0', at(s.t0))}${attr('data-t1', at(s.t1))}></rect>`;
    }
    if (m.rect) out += `<rect class="dw-bar" x="0"${attr('y', m.rect.y)}${attr('width', m.rect.width)}${attr('height', m.rect.height)}${attr('data-t0', at(m.t))}${attr('data-t1', at(m.rect.t1))}></rect>`;
    if (m.path) out += `<path class="dw-arrow-line"${attr('d', m.path)}></path>`;
    if (m.head) out += `<path class="dw-arrow-head"${attr('d', m.head)}></path>`;
    if (m.halo) out += `<path class="dw-halo"${attr('d', m.halo)}></path>`;
    if (m.symbol) out += `<path class="dw-symbol"${attr('d', m.symbol)}></path>`;
    if (m.glyph) out += `<text class="dw-glyph" x="8" y="-7">${escapeHtmlText(m.glyph)}</text>`;
    if (m.label) out += `<text class="dw-label"${attr('x', m.label.dx)}${attr('y', m.label.dy)}${attr('text-anchor', m.label.anchor ?? 'start')}>${escapeHtmlText(m.label.text)}</text>`;
    out += '</g>';
  }
  return out;
}
