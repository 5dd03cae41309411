/**
 * A chart's marks as SVG markup, written as one string rather than as Astro JSX per mark: a chart
 * of a few thousand marks is the larger part of an incident page, and building it through Astro's
 * per-element rendering took most of the time a chart costs. The frame (frame-html.ts) takes the
 * result as it is and the page prints it with `set:html`, so everything taken from data is escaped
 * here, with the project's escapers (src/safety/escape.ts): text with `escapeHtmlText`, attribute
 * values with `escapeHtmlAttribute` (through html.ts `attr`).
 *
 * Every mark is a <g> translated to its anchor; parts inside are relative, and parts that stretch
 * with time carry their instants (data-t0/-t1) so zoom can redraw them. A mark whose record the
 * chart's own table lists has no data-href: the row's link is the mark's link, and element.ts
 * reads it there; nor has a mark whose link is its record's card (`#record-<id>`, an incident's
 * charts): element.ts makes it from data-record.
 *
 * Bytes, since the same marks are on an incident page, its embed and the drill-down pages:
 * - a symbol drawn by many marks is one `<path id>` in the chart's `<defs>`, and each mark a
 *   `<use>` of it (where that is shorter); the mark's classes style the `<use>`, whose fill and
 *   stroke the copy inherits;
 * - a mark whose lane is the lane band its anchor lies in carries no data-lane: element.ts reads
 *   it from the band (lane-at.ts, the same rule); one that lies elsewhere carries its lane, and
 *   one with no lane inside a band an empty data-lane, which element.ts removes;
 * - empty elements close themselves (`<path …/>`: SVG inside HTML allows it), and attributes at
 *   their default (a label's `text-anchor="start"`) are left out.
 */
import { escapeHtmlText } from '../../safety/escape.ts';
import { attr } from './html.ts';
import { laneAt, type LaneBand } from './lane-at.ts';
import type { Mark } from './types.ts';

export interface MarksOptions {
  /** Where each record's mark leads, by record id. */
  hrefs: ReadonlyMap<string, string>;
  /** Prefix of the table anchors bins lead to (the chart's id, or the chart whose table lists the records). */
  id: string;
  /** The chart's own id, unique on the page: prefixes the ids of its shared symbols (`<id>-s-<n>`). */
  chartId: string;
  /** The chart's lanes, in the order they are drawn: a mark in its lane's band needs no data-lane. */
  lanes?: readonly LaneBand[];
  /**
   * Records whose row in this chart's own data table links where their mark leads (the same
   * `hrefs`): their marks carry no data-href.
   */
  listed?: ReadonlySet<string>;
  /** A summarised chart's drill-down pages, by period key: bins lead there rather than to the table (to its row where a period has no page). */
  drillHref?: (period: string) => string | undefined;
  /** A chart that zooms in time: marks carry their instants (data-t, -t0, -t1), which only zoom reads. */
  timed?: boolean;
}

/** Symbol paths (symbols and halos) drawn often enough that a shared copy is shorter, by path data. */
function sharedSymbols(marks: readonly Mark[], chartId: string): Map<string, string> {
  const uses = new Map<string, number>();
  for (const m of marks) {
    if (m.symbol) uses.set(m.symbol, (uses.get(m.symbol) ?? 0) + 1);
    if (m.halo) uses.set(m.halo, (uses.get(m.halo) ?? 0) + 1);
  }
  const shared = new Map<string, string>();
  for (const [d, n] of uses) {
    const id = `${chartId}-s-${shared.size}`;
    const inline = attr('d', d).length;
    const use = attr('href', `#${id}`).length;
    const def = `<path${attr('id', id)}${attr('d', d)}/>`.length;
    if (n * (inline - use) > def) shared.set(d, id);
  }
  return shared;
}

/** The marks of one chart, in order, as SVG elements (after a `<defs>` of the symbols they share). */
export function marksSvg(marks: readonly Mark[], options: MarksOptions): string {
  const { hrefs, id, chartId, lanes = [], listed, drillHref, timed = false } = options;
  const at = (t: number | undefined) => (timed ? t : undefined);
  const href = (m: Mark) => (m.type === 'bin' ? ((m.period && drillHref?.(m.period)) || `#${id}-${m.group}`) : m.recordId ? hrefs.get(m.recordId) : undefined);
  const dataHref = (m: Mark) => {
    if (m.type !== 'bin' && m.recordId !== undefined && listed?.has(m.recordId)) return undefined;
    const h = href(m);
    return h !== undefined && h === `#record-${m.recordId}` ? undefined : h;
  };
  /** data-lane only where the band the mark lies in does not say it. */
  const dataLane = (m: Mark) => {
    const band = laneAt(lanes, m.y);
    if (m.lane === undefined) return band === undefined ? undefined : '';
    return m.lane === band ? undefined : m.lane;
  };
  const shared = sharedSymbols(marks, chartId);
  const symbol = (className: string, d: string) => {
    const use = shared.get(d);
    return use ? `<use class="${className}"${attr('href', `#${use}`)}/>` : `<path class="${className}"${attr('d', d)}/>`;
  };

  let out = '';
  if (shared.size > 0) {
    out += '<defs>';
    for (const [d, use] of shared) out += `<path${attr('id', use)}${attr('d', d)}/>`;
    out += '</defs>';
  }
  for (const m of marks) {
    out +=
      `<g${attr('class', m.classes.join(' '))}${attr('data-record', m.recordId)}${attr('data-lane', dataLane(m))}${attr('data-href', dataHref(m))}` +
      `${attr('data-count', m.count)}${attr('data-t', at(m.t))}${attr('transform', `translate(${m.x},${m.y})`)}>` +
      `<title>${escapeHtmlText(m.tip)}</title>`;
    if (m.link) out += `<line class="dw-link" x1="0" y1="0"${attr('x2', m.link.dx)} y2="0"${attr('data-t1', at(m.link.t))}/>`;
    if (m.span) {
      const s = m.span;
      const interval = s.style === 'interval';
      out +=
        `<rect${attr('class', `dw-span is-${s.style}`)}${attr('x', s.x0)}${attr('y', interval ? -4 : -3)}` +
        `${attr('width', Math.max(1, Math.round((s.x1 - s.x0) * 10) / 10))}${attr('height', interval ? 8 : 6)}${attr('data-t0', at(s.t0))}${attr('data-t1', at(s.t1))}/>`;
    }
    if (m.rect) out += `<rect class="dw-bar" x="0"${attr('y', m.rect.y)}${attr('width', m.rect.width)}${attr('height', m.rect.height)}${attr('data-t0', at(m.t))}${attr('data-t1', at(m.rect.t1))}/>`;
    if (m.path) out += `<path class="dw-arrow-line"${attr('d', m.path)}/>`;
    if (m.head) out += `<path class="dw-arrow-head"${attr('d', m.head)}/>`;
    if (m.halo) out += symbol('dw-halo', m.halo);
    if (m.symbol) out += symbol('dw-symbol', m.symbol);
    if (m.glyph) out += `<text class="dw-glyph" x="8" y="-7">${escapeHtmlText(m.glyph)}</text>`;
    if (m.label) {
      const anchor = m.label.anchor ?? 'start';
      out += `<text class="dw-label"${attr('x', m.label.dx)}${attr('y', m.label.dy)}${anchor === 'start' ? '' : attr('text-anchor', anchor)}>${escapeHtmlText(m.label.text)}</text>`;
    }
    out += '</g>';
  }
  return out;
}
