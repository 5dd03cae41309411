/**
 * The map's layout, pure: records → marks in output units, a legend, a table, in words.
 *
 * How well a place is known decides how it is drawn: a point (exact, place) is a mark; a city or a
 * region is its circle of uncertainty (d3.geoCircle, true on the equal-area projection); a
 * country is the country's shape, hatched; never a point for what is not known to a point. The
 * level drawn is the coarser of `precision` and `publish`, and the coordinates are those the data
 * layer published (src/data/places.ts): this module never sees the exact ones of a snapped place.
 * A disputed location is a ghost mark joined to the record's own. Past `binThreshold` located
 * records, hexagonal bins (d3-hexbin) count them and lead to a page per country.
 */
import { geoCircle, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { hexbin as hexbinOf } from 'd3-hexbin';
import { countryCentroid, countryMainland, countryShape } from '../../data/geography.ts';
import { levelsOf } from '../../data/places.ts';
import { formatDate } from '../../data/dates.ts';
import { LEVEL_RADIUS_KM, type DataRecord, type Location, type LocationLevel } from '../../schema/index.ts';
import { formatCount, plural } from '../shared/format.ts';
import { sourceNamer, spanOf, type ChartInput } from '../shared/records.ts';
import { round } from '../shared/round.ts';
import { symbolPath } from '../shared/shapes.ts';
import type { LegendItem, TableModel } from '../shared/types.ts';
import { BASE_HEIGHT, BASE_WIDTH, baseProjection, fitView, viewProjection, type MapView } from './projection.ts';
import { layoutOnce, type Defaults, type Filled } from '../shared/layout-once.ts';

export type MapMarkType = 'point' | 'circle' | 'country' | 'ghost' | 'bin';

export interface MapMark {
  /** Unique within the map; stable across builds. */
  key: string;
  type: MapMarkType;
  /** The record the mark stands for (absent for bins). */
  recordId?: string;
  /** Anchor in output units: the published point, a country's centroid, a bin's centre. */
  x: number;
  y: number;
  /** Circles, countries and bins: their outline, in output units (absolute; zoom scales it). */
  path?: string;
  /** Points and ghosts: a symbol around (0, 0), drawn at the anchor at any zoom. */
  symbol?: string;
  /** Ghosts: the anchor of the record's own mark, for the line that joins them. */
  link?: { x: number; y: number };
  /** Tooltip and accessible text; lines separated by "\n". */
  tip: string;
  classes: string[];
  /** Filters: the record's year and kind. */
  year?: string;
  kind?: string;
  /** Bins: how many records, and the country (alpha-2) most of them are in, whose page they lead to; countries: which. */
  count?: number;
  country?: string;
}

export interface MapLayout {
  width: number;
  height: number;
  /** The window of the shared world outline (projection.ts) the map shows. */
  view: MapView;
  marks: MapMark[];
  legend: LegendItem[];
  description: string;
  empty?: string;
  binned: boolean;
  table: TableModel;
  /** Filter values with counts, for the year and kind checkboxes. */
  years: { value: string; count: number }[];
  kinds: { value: string; count: number }[];
}

export interface MapOptions extends ChartInput {
  /** Past this many located records, hexagonal bins. */
  binThreshold?: number;
  /** Past this many records, the table counts them by country instead of listing them. */
  tableLimit?: number;
  /**
   * What the counts are by: `country` (the site-wide map, whose countries have pages), or `year`
   * (a country's page, whose records each year's page lists).
   */
  summaryBy?: 'country' | 'year';
}

export const MAP_BIN_THRESHOLD = 2000;
export const MAP_TABLE_LIMIT = 2000;
/** The smallest window, in base units (about 2,400 km across): a single point still shows its surroundings. */
const MIN_SPAN = 70;
/** Around a point, the fit keeps this much in view (km). */
const POINT_CONTEXT_KM = 150;
const KM_PER_DEGREE = 111.195;
const HEX_RADIUS = 12;

const countries = new Intl.DisplayNames(['en'], { type: 'region' });
export const countryName = (code: string): string => countries.of(code) ?? code;

const LEVEL_WORDS: Record<LocationLevel, string> = { exact: 'the exact point', place: 'the place', city: 'the city', region: 'the region', country: 'the country only' };

/** A record placed on the map: where, how well known, and how it is drawn. */
export interface Placed {
  record: DataRecord;
  location: Location;
  precision: LocationLevel;
  /** The level drawn and published: the coarser of precision and publish. */
  level: LocationLevel;
  /** [lon, lat] as published, if the record has coordinates. */
  point?: [number, number];
  /** What is drawn around it: a circle's radius, or the country's shape. */
  area?: { radiusKm: number } | { country: string };
}

const locationOf = (record: DataRecord): Location | undefined => ('location' in record ? (record.location as Location) : undefined);

/** How a record is placed, or undefined when it has no location or nothing to draw it by. */
export function place(record: DataRecord): Placed | undefined {
  const location = locationOf(record);
  if (!location) return undefined;
  const { precision, publish: level } = levelsOf(location);
  const point: [number, number] | undefined = location.lat !== undefined && location.lon !== undefined ? [location.lon, location.lat] : undefined;
  // No coordinates: the country is all the map can say.
  if (level === 'country' || !point) return countryShape(location.country) ? { record, location, precision, level: point ? level : 'country', point, area: { country: location.country } } : undefined;
  if (level === 'city' || level === 'region') {
    const own = location.uncertainty_km ?? LEVEL_RADIUS_KM[precision === 'country' ? 'region' : precision];
    return { record, location, precision, level, point, area: { radiusKm: Math.max(own, LEVEL_RADIUS_KM[level]) } };
  }
  return { record, location, precision, level, point };
}

const circle = (point: [number, number], km: number) => geoCircle().center(point).radius(km / KM_PER_DEGREE).precision(5)();

/** The geometry that shows how well a place is known, in longitude and latitude. */
function areaOf(placed: Placed): GeoPermissibleObjects | undefined {
  if (!placed.area) return undefined;
  if ('radiusKm' in placed.area) return circle(placed.point!, placed.area.radiusKm);
  return countryShape(placed.area.country);
}

const EARTH_RADIUS_KM = 6371;
const mainlandBoxes = new Map<string, [[number, number], [number, number]]>();

/**
 * The window of the base frame that holds every place, with a little room, no smaller than
 * MIN_SPAN. A circle counts as its centre and radius (in base units at the projection's nominal
 * scale), a country as its mainland's box, kept per country: at 100,000 records, projecting a
 * polygon per record took a minute.
 */
function fitBox(placed: readonly Placed[]): [[number, number], [number, number]] {
  const projection = baseProjection();
  const unitsPerKm = projection.scale() / EARTH_RADIUS_KM;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of placed) {
    let box: [[number, number], [number, number]];
    if (p.area && 'country' in p.area) {
      const code = p.area.country;
      box = mainlandBoxes.get(code) ?? mainlandBoxes.set(code, geoPath(projection).bounds(countryMainland(code)!)).get(code)!;
    } else {
      const [x, y] = projection(p.point!)!;
      const r = (p.area && 'radiusKm' in p.area ? p.area.radiusKm : POINT_CONTEXT_KM) * unitsPerKm;
      box = [[x - r, y - r], [x + r, y + r]];
    }
    [x0, y0, x1, y1] = [Math.min(x0, box[0][0]), Math.min(y0, box[0][1]), Math.max(x1, box[1][0]), Math.max(y1, box[1][1])];
  }
  if (!Number.isFinite(x0)) return [[0, 0], [BASE_WIDTH, BASE_HEIGHT]];
  const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
  const [w, h] = [Math.max(MIN_SPAN, (x1 - x0) * 1.1), Math.max(MIN_SPAN / 2, (y1 - y0) * 1.1)];
  return [[cx - w / 2, cy - h / 2], [cx + w / 2, cy + h / 2]];
}

/** "known to the city (±10 km); shown at city level" */
function levelText(p: Placed): string {
  const radius = p.area && 'radiusKm' in p.area ? ` (±${formatCount(Math.round(p.area.radiusKm))} km)` : '';
  const known = p.point ? `Known to ${LEVEL_WORDS[p.precision]}` : 'No coordinates: shown as the country';
  return `${known}${p.level === p.precision ? '' : `; shown at ${p.level} level`}${p.level === 'city' || p.level === 'region' ? radius : ''}`;
}

/** Coordinates as published: "51.51, -0.09", or a dash. */
export const coordinatesText = (p: Pick<Placed, 'point'>): string => (p.point ? `${p.point[1]}, ${p.point[0]}` : '—');

function tipOf(p: Placed): string {
  const span = spanOf(p.record.date);
  return [p.record.title, span ? formatDate(span) : p.record.date, `${p.location.place}, ${countryName(p.location.country)}`, levelText(p)].join('\n');
}

/** What a map is laid out with where its options leave it out. */
const MAP_DEFAULTS = { binThreshold: MAP_BIN_THRESHOLD, tableLimit: MAP_TABLE_LIMIT, summaryBy: 'country', width: 720 } as const satisfies Defaults<MapOptions>;

/**
 * The layout of `options`, MAP_DEFAULTS filled in: computed once for records several pages draw alike
 * (shared/layout-once.ts).
 */
export function layoutMap(options: MapOptions): MapLayout {
  return layoutOnce('map', options, MAP_DEFAULTS, drawMapLayout);
}

function drawMapLayout(options: Filled<MapOptions, keyof typeof MAP_DEFAULTS>): MapLayout {
  const width = options.width;
  const threshold = options.binThreshold;
  const placed = options.records.flatMap((r) => place(r) ?? []);
  const box = fitBox(placed);
  const aspect = (box[1][1] - box[0][1]) / (box[1][0] - box[0][0]);
  const height = Math.round(Math.min(520, Math.max(320, width * aspect)));
  const view = fitView(box, width, height, 16);
  const projection = viewProjection(view);
  const path = geoPath(projection).digits(1);
  const anchor = (p: Placed): [number, number] => {
    const at = p.point ?? countryCentroid(p.location.country) ?? [0, 0];
    const xy = projection(at)!;
    return [round(xy[0]), round(xy[1])];
  };
  const sourceName = sourceNamer(options.sources);
  const binned = placed.length > threshold;
  const marks: MapMark[] = [];

  if (binned) {
    const points = placed.map((p) => ({ p, xy: anchor(p) }));
    const bins = hexbinOf<(typeof points)[number]>()
      .x((d) => d.xy[0])
      .y((d) => d.xy[1])
      .radius(HEX_RADIUS)(points);
    const hexagon = hexbinOf().radius(HEX_RADIUS).hexagon();
    const most = Math.max(...bins.map((b) => b.length));
    for (const bin of bins.sort((a, b) => a.x - b.x || a.y - b.y)) {
      const byCountry = new Map<string, number>();
      for (const { p } of bin) byCountry.set(p.location.country, (byCountry.get(p.location.country) ?? 0) + 1);
      const [country] = [...byCountry].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
      const share = bin.length / most;
      marks.push({
        key: `bin-${round(bin.x)}-${round(bin.y)}`,
        type: 'bin',
        x: round(bin.x),
        y: round(bin.y),
        symbol: hexagon,
        // Where selecting it leads is the chart's to say (MapChart.astro): a country's page, or the table.
        tip: `${plural(bin.length, 'record', 'records')} here, most in ${countryName(country)}`,
        classes: ['dw-bin', 'dw-c1', share > 0.5 ? 'is-many' : share > 0.1 ? 'is-some' : 'is-few'],
        count: bin.length,
        country,
      });
    }
  } else {
    const drawn = placed.map((p) => ({ p, xy: anchor(p) })).sort((a, b) => a.xy[0] - b.xy[0] || a.xy[1] - b.xy[1] || a.p.record.id.localeCompare(b.p.record.id));
    const base = (p: Placed) => ({ recordId: p.record.id, tip: tipOf(p), year: yearOf(p.record), kind: p.record.kind });
    // Shapes first (behind), largest first, then points on top.
    const areas = drawn.filter(({ p }) => p.area);
    const area = (p: Placed) => (p.area && 'radiusKm' in p.area ? p.area.radiusKm : Infinity);
    // A country's outline is projected once, however many records it stands for.
    const countryPaths = new Map<string, string>();
    const outline = (p: Placed) => {
      if (!p.area || !('country' in p.area)) return path(areaOf(p)!) ?? '';
      const code = p.area.country;
      return countryPaths.get(code) ?? countryPaths.set(code, path(areaOf(p)!) ?? '').get(code)!;
    };
    for (const { p, xy } of [...areas].sort((a, b) => area(b.p) - area(a.p))) {
      const type = 'country' in p.area! ? 'country' : 'circle';
      const country = type === 'country' ? p.location.country : undefined;
      marks.push({ key: `${type}-${p.record.id}`, type, ...base(p), x: xy[0], y: xy[1], path: outline(p), country, classes: [`dw-${type}`, 'dw-c2', `is-${p.level}`] });
    }
    for (const { p, xy } of drawn) {
      if (p.area) continue;
      marks.push({ key: `point-${p.record.id}`, type: 'point', ...base(p), x: xy[0], y: xy[1], symbol: symbolPath('circle', 90), classes: ['dw-point', 'dw-c1', `is-${p.level}`] });
    }
    // Other places other sources give: a ghost joined to the record's own mark.
    for (const { p, xy } of drawn) {
      (p.record.disputed ?? []).forEach((d, i) => {
        if (d.field !== 'location' || typeof d.value !== 'object' || Array.isArray(d.value)) return;
        const other = place({ ...p.record, location: d.value } as DataRecord);
        if (!other) return;
        const [gx, gy] = anchor(other);
        const where = `${other.location.place}, ${countryName(other.location.country)}`;
        marks.push({
          key: `ghost-${p.record.id}-${i}`,
          type: 'ghost',
          ...base(p),
          tip: `${p.record.title}\nDisputed location: ${where}, according to ${[...new Set(d.sources.map(sourceName))].join(', ')}\n${levelText(other)}`,
          x: gx,
          y: gy,
          symbol: symbolPath('circle', 90),
          link: { x: xy[0], y: xy[1] },
          classes: ['dw-ghost', 'dw-c1', `is-${other.level}`],
        });
      });
    }
  }

  const counted = (values: (string | undefined)[]) => [...values.reduce((m, v) => (v ? m.set(v, (m.get(v) ?? 0) + 1) : m), new Map<string, number>())].map(([value, count]) => ({ value, count })).sort((a, b) => a.value.localeCompare(b.value));
  const levels = (test: (p: Placed) => boolean) => placed.filter(test).length;
  const points = levels((p) => !p.area);
  const circles = levels((p) => Boolean(p.area && 'radiusKm' in p.area));
  const shapes = placed.length - points - circles;
  const description = placed.length
    ? `A map of ${plural(placed.length, 'located record', 'located records')} on an equal-area projection${binned ? ', counted in hexagonal bins' : ''}: ${formatCount(points)} known to a point or a place, drawn as ${points === 1 ? 'a mark' : 'marks'}; ${formatCount(circles)} known to a city or a region, drawn as ${circles === 1 ? 'a circle' : 'circles'} of uncertainty; ${formatCount(shapes)} known only to the country, drawn as the country's shape, hatched.`
    : 'A map with no located records.';

  return {
    width,
    height,
    view,
    marks,
    legend: legendFor(placed, binned),
    description,
    empty: placed.length ? undefined : 'No records with a location',
    binned,
    table: tableOf(placed, options.records, options.tableLimit, options.summaryBy),
    years: counted(placed.map((p) => yearOf(p.record))),
    kinds: counted(placed.map((p) => p.record.kind)),
  };
}

function legendFor(placed: readonly Placed[], binned: boolean): LegendItem[] {
  if (binned) return [{ label: 'Hexagon: records counted where they fall (darker: more)', classes: ['dw-bin', 'dw-c1', 'is-some'], swatch: 'hexagon' }];
  const has = (test: (p: Placed) => boolean) => placed.some(test);
  const items: LegendItem[] = [];
  if (has((p) => !p.area)) items.push({ label: 'Known to a point or a place', classes: ['dw-point', 'dw-c1'], symbol: symbolPath('circle', 60), swatch: 'symbol' });
  if (has((p) => Boolean(p.area && 'radiusKm' in p.area))) items.push({ label: 'Known to a city or region: circle of uncertainty', classes: ['dw-circle', 'dw-c2'], swatch: 'area' });
  if (has((p) => Boolean(p.area && 'country' in p.area))) items.push({ label: 'Known only to the country: its shape, hatched', classes: ['dw-country', 'dw-c2'], swatch: 'hatch' });
  if (has((p) => (p.record.disputed ?? []).some((d) => d.field === 'location'))) items.push({ label: 'Place other sources give, joined to the record', classes: ['dw-ghost', 'dw-c1'], symbol: symbolPath('circle', 60), swatch: 'ghost' });
  return items;
}

/** The same records as a table: place, level, coordinates as published; by country past `limit`. */
/** The year a record's date starts in, as the map's year pages file it (pages.ts). */
function yearOf(r: DataRecord): string | undefined {
  const span = spanOf(r.date);
  return span ? String(new Date(span.start).getUTCFullYear()) : undefined;
}

function tableOf(placed: readonly Placed[], records: readonly DataRecord[], limit: number, by: 'country' | 'year'): TableModel {
  const columns = ['Record', 'Date', 'Place', 'Country', 'Level', 'Coordinates as published'];
  const caption = 'Located records: place, how well it is known, and the coordinates as published';
  const row = (p: Placed) => ({
    recordId: p.record.id,
    cells: [p.record.title, p.record.date, p.location.place, countryName(p.location.country), levelText(p), coordinatesText(p)],
  });
  // Records with a location the map cannot draw (a territory without a shape, no coordinates): listed, said so.
  const isPlaced = new Set(placed.map((p) => p.record));
  const unplaced = records.filter((r) => locationOf(r) && !isPlaced.has(r));
  const notDrawn = unplaced.map((r) => {
    const l = locationOf(r)!;
    return { recordId: r.id, cells: [r.title, r.date, l.place, countryName(l.country), 'Not on the map: no coordinates, and no shape for the country', '—'] };
  });
  if (placed.length <= limit) return { caption, columns, linkColumn: 0, groups: [{ rows: [...placed.map(row), ...notDrawn] }] };
  const counts = new Map<string, number>();
  const keyOf = by === 'year' ? (p: Placed) => yearOf(p.record) ?? '' : (p: Placed) => p.location.country;
  for (const p of placed) counts.set(keyOf(p), (counts.get(keyOf(p)) ?? 0) + 1);
  const rows =
    by === 'year'
      ? [...counts].filter(([year]) => year).sort((a, b) => a[0].localeCompare(b[0])).map(([year, count]) => ({ key: year, label: year, counts: [count] }))
      : [...counts].sort((a, b) => countryName(a[0]).localeCompare(countryName(b[0]))).map(([code, count]) => ({ key: code.toLowerCase(), label: countryName(code), counts: [count] }));
  return {
    caption,
    columns,
    linkColumn: 0,
    groups: notDrawn.length ? [{ rows: notDrawn }] : [],
    summary: { caption: by === 'year' ? 'Located records by year' : 'Located records by country', columns: ['Records'], rows, records: placed.length },
  };
}
