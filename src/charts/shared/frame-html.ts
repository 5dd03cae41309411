/**
 * The frame every chart shares, as one string (html.ts says why): a <figure> with the SVG drawn
 * from a layout, a legend, hidden-until-enhanced controls, and a <details> data table of the same
 * records. Readable without JavaScript; `element.ts` adds tooltips, keyboard, zoom and lane
 * filters. No inline styles anywhere (the site's CSP has no 'unsafe-inline'): geometry goes in SVG
 * attributes, looks in classes. Search indexes the data table, never the SVG (its labels and
 * tooltips repeat the table); a chart with `searchable: false` is left out whole.
 *
 * ChartFrame.astro prints it with `set:html`; the legend, the zoom buttons and the links are the
 * map's too (map/map-html.ts).
 */
import type { DataRecord } from '../../schema/records.ts';
import type { ChartLink } from './props.ts';
import type { ChartLayout, LegendItem } from './types.ts';
import { formatCount } from './format.ts';
import { attr, text } from './html.ts';
import { marksSvg } from './marks-svg.ts';
import { dataTableHtml } from './table-html.ts';

/** What each kind of legend swatch draws, behind its symbol. */
const SWATCH_PARTS: Partial<Record<LegendItem['swatch'], string>> = {
  bar: '<rect class="dw-span is-interval" x="-16" y="-4" width="32" height="8"></rect>',
  whisker: '<rect class="dw-span is-imprecise" x="-16" y="-3" width="32" height="6"></rect>',
  ghost: '<line class="dw-link" x1="-16" x2="4" y1="0" y2="0"></line>',
  bin: '<rect class="dw-bar" x="-10" y="-9" width="6" height="18"></rect><rect class="dw-bar" x="-2" y="-1" width="6" height="10"></rect>',
  arrow: '<path class="dw-arrow-line" d="M-15,-6C-4,-6 4,6 10,6"></path><path class="dw-arrow-head" d="M16,6L9,2L9,10Z"></path>',
  ring: '<path class="dw-halo" d="M-9,-9h18v18h-18Z"></path>',
  area: '<circle class="dw-area" r="9"></circle>',
  hatch: '<path class="dw-area" d="M-14,-9h28v18h-28Z" fill="none"></path><path class="dw-hatch-line" d="M-14,3l12,-12M-8,9l18,-18M2,9l12,-12"></path>',
  hexagon: '<path class="dw-hex" d="M0,-10L8.7,-5L8.7,5L0,10L-8.7,5L-8.7,-5Z"></path>',
};

/** The legend, in HTML so it wraps on small screens; each swatch is drawn like the marks it explains. */
export function legendHtml(items: readonly LegendItem[]): string {
  if (items.length === 0) return '';
  let out = '<ul class="dw-legend">';
  for (const item of items) {
    out += `<li><svg class="dw-swatch" aria-hidden="true" width="36" height="22" viewBox="-18 -11 36 22"><g${attr('class', item.classes.join(' '))}>`;
    out += SWATCH_PARTS[item.swatch] ?? '';
    if (item.symbol && item.swatch !== 'arrow' && item.swatch !== 'bin') {
      out += `<path class="dw-symbol"${attr('d', item.symbol)}${attr('transform', item.swatch === 'ring' ? 'scale(0.7)' : undefined)}></path>`;
    }
    if (item.glyph) out += `<text class="dw-glyph" x="8" y="-2">${text(item.glyph)}</text>`;
    out += `</g></svg>${text(item.label)}</li>`;
  }
  return out + '</ul>';
}

/** The zoom buttons of a zoomable chart or map; element.ts gives them their work. */
export const ZOOM_BUTTONS_HTML =
  '<div class="dw-zoom" role="group" aria-label="Zoom"><button type="button" data-zoom="in" aria-label="Zoom in">+</button>' +
  '<button type="button" data-zoom="out" aria-label="Zoom out">−</button><button type="button" data-zoom="reset">Reset zoom</button></div>';

/** The line under a chart: its CSV and other data links. */
export function chartLinksHtml(links: readonly ChartLink[]): string {
  if (links.length === 0) return '';
  const each = links.map((link) => `<a${attr('href', link.href)}${link.download ? ' download' : ''}>${text(link.label)}</a>`);
  return `<p class="dw-download">${each.join(' · ')}</p>`;
}

/** What a chart's frame is drawn from (ChartFrame.astro's props). */
export interface FrameOptions {
  layout: ChartLayout;
  /** Unique per page: prefixes every id inside the chart. */
  id: string;
  title: string;
  records: readonly DataRecord[];
  hrefFor: (record: DataRecord) => string;
  csvHref?: string;
  /** More downloads or data links beside the CSV (e.g. the migrations CSV, the data page). */
  links?: readonly ChartLink[];
  /** Offer zoom and pan (the timeline). */
  zoomable?: boolean;
  /** A summarised chart's drill-down page for a period key ("2019", "2019-03"). */
  drillHref?: (period: string) => string | undefined;
  /**
   * Id of another chart on the page whose table lists the same records (the same timeline with
   * other lanes): no second copy of the table here, and bins lead to that one. Ignored when this
   * chart's table is a summary, which differs by lane.
   */
  tableOf?: string;
  /** false: `data-pagefind-ignore` (see ChartProps). */
  searchable?: boolean;
  /** Table rows get ids (`<id>-record-<record>`) that links point to (see ChartProps). */
  rowAnchors?: boolean;
}

/** Where each record's mark and row lead, for the records the layout draws or lists. */
function hrefsOf(layout: ChartLayout, records: readonly DataRecord[], hrefFor: (record: DataRecord) => string, withTable: boolean): Map<string, string> {
  const byId = new Map(records.map((r) => [r.id, r]));
  const hrefs = new Map<string, string>();
  for (const mark of layout.marks) {
    const record = mark.recordId ? byId.get(mark.recordId) : undefined;
    if (record && mark.recordId) hrefs.set(mark.recordId, hrefFor(record));
  }
  for (const group of withTable ? layout.table.groups : []) {
    for (const row of group.rows) {
      const record = byId.get(row.recordId);
      if (record && !hrefs.has(row.recordId)) hrefs.set(row.recordId, hrefFor(record));
    }
  }
  return hrefs;
}

/** The chart, `<dw-chart>` to `</dw-chart>`, without its script (ChartFrame.astro adds it). */
export function chartFrameHtml(options: FrameOptions): string {
  const { layout, id, title, records, hrefFor, csvHref, links = [], zoomable = false, drillHref, tableOf, searchable = true, rowAnchors = false } = options;
  // The layout is shared by pages whose periods have pages and pages whose have none (or only some):
  // the sentence saying every one has a page is added here, where `drillHref` tells.
  const periods = layout.table.summary?.rows ?? [];
  const everyPeriodPaged = periods.length > 0 && periods.every((row) => drillHref?.(row.key) !== undefined);
  const description = everyPeriodPaged && layout.drillSentence ? `${layout.description} ${layout.drillSentence}` : layout.description;
  const timed = zoomable && layout.scale !== undefined;
  const sharedTable = tableOf && !layout.table.summary ? tableOf : undefined;
  const footer: ChartLink[] = [...(csvHref ? [{ href: csvHref, label: 'Download the data (CSV)', download: true }] : []), ...links];
  const hrefs = hrefsOf(layout, records, hrefFor, !sharedTable);
  // Records whose row in this chart's table links where their mark leads: the mark needs no data-href (element.ts reads the row).
  const listed = new Set(sharedTable ? [] : layout.table.groups.flatMap((g) => g.rows.map((r) => r.recordId)).filter((recordId) => Boolean(hrefs.get(recordId))));
  const { width, height, margin } = layout;
  const plot = { x: margin.left, y: 0, width: width - margin.left - margin.right, height };
  // Filters suit lanes of categories (kinds, platforms), not the claims chart's per-attack rows.
  const filterable = layout.lanes.length > 1 && layout.laneLabels === 'left';
  const left = layout.laneLabels === 'left';

  let out = `<dw-chart class="dw-chart"${attr('data-pagefind-ignore', searchable ? undefined : 'all')}${attr('data-zoomable', zoomable && layout.scale ? 'true' : undefined)}>`;
  out += `<figure class="dw-figure"${attr('aria-labelledby', `${id}-caption`)}><figcaption${attr('id', `${id}-caption`)} class="dw-caption">${text(title)}</figcaption>`;
  out += legendHtml(layout.legend);
  out += '<div class="dw-controls" hidden>';
  if (filterable) {
    out += '<fieldset class="dw-filters"><legend>Show lanes</legend>';
    for (const lane of layout.lanes) out += `<label class="dw-filter"><input type="checkbox"${attr('value', lane.id)} checked> ${text(lane.label)} (${text(formatCount(lane.count))})</label>`;
    out += '</fieldset>';
  }
  if (zoomable && layout.scale) out += ZOOM_BUTTONS_HTML;
  out += '</div><div class="dw-scroll">';
  out +=
    `<svg class="dw-svg" data-pagefind-ignore="all" role="img"${attr('aria-labelledby', `${id}-title`)}${attr('aria-describedby', `${id}-desc`)}` +
    `${attr('viewBox', `0 0 ${width} ${height}`)}${attr('width', width)}${attr('height', height)}${attr('data-scale', layout.scale ? JSON.stringify(layout.scale) : undefined)}${attr('data-clip', `${id}-clip`)}>`;
  out += `<title${attr('id', `${id}-title`)}>${text(title)}</title><desc${attr('id', `${id}-desc`)}>${text(description)}</desc>`;
  out += `<defs><clipPath${attr('id', `${id}-clip`)}><rect${attr('x', plot.x - 12)}${attr('y', plot.y)}${attr('width', plot.width + 24)}${attr('height', plot.height)}></rect></clipPath></defs>`;
  out += '<g class="dw-lanes">';
  layout.lanes.forEach((lane, i) => {
    out += `<g${attr('class', `dw-lane${i % 2 ? ' is-odd' : ''}`)}${attr('data-lane', lane.id)}>`;
    out += `<rect class="dw-lane-band"${attr('x', left ? 0 : margin.left)}${attr('y', lane.y)}${attr('width', left ? width : width - margin.left - margin.right)}${attr('height', lane.height)}></rect>`;
    if (left) out += `<text class="dw-lane-label"${attr('x', margin.left - 10)}${attr('y', lane.y + lane.height / 2)} dy="0.35em" text-anchor="end">${text(lane.label)}</text>`;
    else if (lane.label) out += `<text class="dw-lane-label is-top"${attr('x', margin.left + 8)}${attr('y', lane.y + 14)}>${text(lane.label)}</text>`;
    out += '</g>';
  });
  out += '</g>';
  for (const h of layout.headings ?? []) out += `<text class="dw-heading"${attr('x', h.x)}${attr('y', h.y)}>${text(h.text)}</text>`;
  for (const axis of layout.axes) {
    out += `<g${attr('class', `dw-axis${axis.zoomable ? ' is-zoomable' : ''}`)}${attr('data-y', axis.y)}${attr('data-top', axis.top)}>`;
    out += `<line class="dw-axis-line"${attr('x1', margin.left)}${attr('x2', width - margin.right)}${attr('y1', axis.y)}${attr('y2', axis.y)}></line>`;
    for (const tick of axis.ticks) {
      out +=
        `<g class="dw-tick"${attr('transform', `translate(${tick.x},0)`)}><line class="dw-grid"${attr('y1', axis.top)}${attr('y2', axis.y)}></line>` +
        `<text class="dw-tick-label"${attr('y', axis.y + 16)}${attr('text-anchor', tick.anchor ?? 'middle')}>${text(tick.label)}</text></g>`;
    }
    out += '</g>';
  }
  out += `<g class="dw-plot"${attr('clip-path', layout.scale ? `url(#${id}-clip)` : undefined)}>`;
  for (const lane of layout.lanes) {
    if (!lane.end) continue;
    out +=
      `<g class="dw-lane-end"${attr('data-lane', lane.id)}${attr('data-t', timed ? lane.end.t : undefined)}${attr('transform', `translate(${lane.end.x},${lane.y})`)}>` +
      `<title>${text(lane.end.label)}</title><line class="dw-lane-end-line" x1="0" x2="0" y1="0"${attr('y2', lane.height)}></line>` +
      '<text class="dw-lane-end-label" x="-3" y="10" text-anchor="end">closed</text></g>';
  }
  out += marksSvg(layout.marks, { hrefs, id: sharedTable ?? id, chartId: id, lanes: layout.lanes, listed, drillHref, timed });
  out += '</g>';
  if (layout.empty) out += `<text class="dw-empty"${attr('x', width / 2)}${attr('y', height / 2)} text-anchor="middle">${text(layout.empty)}</text>`;
  out += '</svg></div>';
  out += sharedTable
    ? `<p class="dw-table-note"><a${attr('href', `#${sharedTable}-table`)}>The data table above</a> lists the same records.</p>`
    : dataTableHtml(layout.table, { hrefs, id, drillHref, rowAnchors });
  out += chartLinksHtml(footer);
  return out + '</figure></dw-chart>';
}
