/**
 * The map as one string (shared/html.ts says why), from layoutMap: the shared world outline (one
 * cached SVG file, referenced with <use>), circles of uncertainty and hatched countries, marks for
 * points, ghosts for disputed places, or hexagonal bins past a few thousand records; a legend and
 * a data table of the same records. Complete without JavaScript; <dw-chart> (element.ts,
 * map-zoom.ts) adds tooltips, one tab stop with arrow keys, zoom and pan, and the year and kind
 * filters. MapChart.astro prints it with `set:html`.
 */
import type { DataRecord } from '../../schema/records.ts';
import type { ChartLink } from '../shared/props.ts';
import { formatCount } from '../shared/format.ts';
import { attr, text } from '../shared/html.ts';
import { chartLinksHtml, legendHtml, ZOOM_BUTTONS_HTML } from '../shared/frame-html.ts';
import { dataTableHtml } from '../shared/table-html.ts';
import { label } from '../../data/labels.ts';
import { withBase } from '../../data/urls.ts';
import { countryName, type MapLayout, type MapMark } from './layout.ts';
import { WORLD_ID, WORLD_PATH } from './world.ts';

export interface MapHtmlOptions {
  layout: MapLayout;
  records: readonly DataRecord[];
  hrefFor: (record: DataRecord) => string;
  title: string;
  /** Unique per page: prefixes every id inside the map. */
  id: string;
  csvHref?: string;
  links?: readonly ChartLink[];
  /**
   * The page a summarised map's counts lead to: a country's (and its bins lead there too), or,
   * with `summaryBy: 'year'` (a country's page), a year's, which lists its records.
   */
  drillHref?: (key: string) => string;
  summaryBy: 'country' | 'year';
  searchable: boolean;
}

/** The map, `<dw-chart>` to `</dw-chart>`, without its script (MapChart.astro adds it). */
export function mapChartHtml(options: MapHtmlOptions): string {
  const { layout, records, hrefFor, title, id, csvHref, links = [], drillHref, summaryBy, searchable } = options;
  const byId = new Map(records.map((r) => [r.id, r]));
  const hrefs = new Map<string, string>();
  for (const record of records) if ('location' in record) hrefs.set(record.id, hrefFor(record));
  /** A hexagon leads to its country's page where countries have pages, else to the table's counts. */
  const toCountry = (m: MapMark) => m.type === 'bin' && drillHref !== undefined && summaryBy === 'country';
  const linkOf = (m: MapMark) => (m.type === 'bin' ? (toCountry(m) ? drillHref!(m.country!.toLowerCase()) : `#${id}-table`) : m.recordId && byId.has(m.recordId) ? hrefs.get(m.recordId) : undefined);
  /** A hexagon's tooltip ends with where selecting it leads. */
  const tipOf = (m: MapMark) => (m.type === 'bin' ? `${m.tip}\n${toCountry(m) ? `Select for the page of ${countryName(m.country!)}` : 'Select for the counts in the table below'}` : m.tip);
  // A mark leading to its record's card on the page that lists it carries no link (as marks-svg.ts).
  const hrefOf = (m: MapMark) => {
    const h = linkOf(m);
    return h !== undefined && h === `#record-${m.recordId}` ? undefined : h;
  };
  const { width: w, height: h, view } = layout;
  const areas = layout.marks.filter((m) => m.path);
  // A country's outline is written once, in <defs>, and each record it stands for uses it.
  const shapeId = (code: string) => `${id}-shape-${code.toLowerCase()}`;
  const shapes = new Map(areas.flatMap((m) => (m.type === 'country' && m.country ? [[m.country, m.path!] as const] : [])));
  const marks = layout.marks.filter((m) => !m.path);
  const footer = [...(csvHref ? [{ href: csvHref, label: 'Download the data (CSV)', download: true }] : []), ...links];
  const filters = [
    { name: 'year', legend: 'Show years', values: layout.years },
    { name: 'kind', legend: 'Show kinds', values: layout.kinds },
  ].filter((f) => f.values.length > 1 && !layout.binned);
  // Three decimals: at the closest zoom a tenth of a base unit is over a pixel.
  const worldTransform = `scale(${Number(view.k.toFixed(4))}) translate(${Number((-view.x0).toFixed(3))},${Number((-view.y0).toFixed(3))})`;
  const markAttrs = (m: MapMark) => `${attr('class', m.classes.join(' '))}${attr('data-record', m.recordId)}${attr('data-href', hrefOf(m))}${attr('data-year', m.year)}${attr('data-kind', m.kind)}`;

  let out = `<dw-chart class="dw-chart dw-map"${attr('data-pagefind-ignore', searchable ? undefined : 'all')} data-zoomable="map">`;
  out += `<figure class="dw-figure"${attr('aria-labelledby', `${id}-caption`)}><figcaption${attr('id', `${id}-caption`)} class="dw-caption">${text(title)}</figcaption>`;
  out += legendHtml(layout.legend);
  out += '<div class="dw-controls" hidden>';
  for (const f of filters) {
    out += `<fieldset class="dw-filters"><legend>${text(f.legend)}</legend>`;
    for (const v of f.values) {
      out += `<label class="dw-filter"><input type="checkbox"${attr('name', f.name)}${attr('value', v.value)} checked> ${text(f.name === 'kind' ? label(v.value) : v.value)} (${text(formatCount(v.count))})</label>`;
    }
    out += '</fieldset>';
  }
  out += `${ZOOM_BUTTONS_HTML}</div><div class="dw-scroll">`;
  out += `<svg class="dw-svg" data-pagefind-ignore="all" role="img"${attr('aria-labelledby', `${id}-title`)}${attr('aria-describedby', `${id}-desc`)}${attr('viewBox', `0 0 ${w} ${h}`)}${attr('width', w)}${attr('height', h)}>`;
  out += `<title${attr('id', `${id}-title`)}>${text(title)}</title><desc${attr('id', `${id}-desc`)}>${text(layout.description)}</desc>`;
  out += `<defs><pattern${attr('id', `${id}-hatch`)} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><line class="dw-hatch-line" x1="0" y1="0" x2="0" y2="6"></line></pattern>`;
  for (const [code, d] of shapes) out += `<path${attr('id', shapeId(code))}${attr('d', d)} vector-effect="non-scaling-stroke"></path>`;
  out += '</defs><g class="dw-map-zoom">';
  out += `<use class="dw-world"${attr('href', `${withBase(WORLD_PATH)}#${WORLD_ID}`)}${attr('transform', worldTransform)}></use>`;
  for (const m of areas) {
    out += `<g${markAttrs(m)}${attr('data-x', m.x)}${attr('data-y', m.y)}><title>${text(tipOf(m))}</title>`;
    out += m.type === 'country' && m.country ? `<use class="dw-area"${attr('href', `#${shapeId(m.country)}`)}${attr('fill', `url(#${id}-hatch)`)}></use>` : `<path class="dw-area"${attr('d', m.path)}></path>`;
    out += '</g>';
  }
  out += '</g><g class="dw-map-marks">';
  for (const m of marks) {
    out += `<g${markAttrs(m)}${attr('data-count', m.count)}${attr('data-x', m.x)}${attr('data-y', m.y)}${attr('transform', `translate(${m.x},${m.y})`)}><title>${text(tipOf(m))}</title>`;
    if (m.link) out += `<line class="dw-link" x1="0" y1="0"${attr('x2', Math.round((m.link.x - m.x) * 10) / 10)}${attr('y2', Math.round((m.link.y - m.y) * 10) / 10)}></line>`;
    out += `<path${attr('class', m.type === 'bin' ? 'dw-hex' : 'dw-symbol')}${attr('d', m.symbol)}></path></g>`;
  }
  out += '</g>';
  if (layout.empty) out += `<text class="dw-empty"${attr('x', w / 2)}${attr('y', h / 2)} text-anchor="middle">${text(layout.empty)}</text>`;
  out += '</svg></div>';
  out += dataTableHtml(layout.table, { hrefs, id, drillHref, drillsTo: { noun: summaryBy, lists: false } });
  out += chartLinksHtml(footer);
  return out + '</figure></dw-chart>';
}
