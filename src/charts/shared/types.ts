/**
 * The plain data every chart layout returns: records go in, pixels and words come out.
 * Nothing here touches the DOM, so layouts are unit-tested and the same result feeds the
 * build-time SVG (the .astro components) and the browser's zoom (element.ts).
 */

/** A UTC time scale as plain data (Observable Plot's exposeScale): linear from domain to range. */
export interface ExposedScale {
  type: 'utc';
  /** [first, last] instant in ms since the epoch (UTC). */
  domain: [number, number];
  /** [left, right] in SVG user units. */
  range: [number, number];
}

export interface Tick {
  /** The tick's instant (ms UTC) or, on a latency axis, its duration in ms. */
  value: number;
  x: number;
  label: string;
  /** `end` for a label that, centred, would run past the end of the axis (and out of the SVG). */
  anchor?: 'end';
}

export interface Axis {
  /** Baseline y of the axis; tick labels go below it, grid lines run up to `top`. */
  y: number;
  top: number;
  ticks: Tick[];
  /** A time axis that zoom redraws. */
  zoomable: boolean;
}

export interface Lane {
  id: string;
  label: string;
  /** Top of the lane band. */
  y: number;
  height: number;
  /** How many records the lane holds (shown in its label and the lane filter). */
  count: number;
  /** Where a platform's lane ends because the platform closed (shared/lane-ends.ts). */
  end?: LaneEnd;
}

/** The day a platform closed, on its lane: instant, x, and the words of its tooltip. */
export interface LaneEnd {
  t: number;
  x: number;
  label: string;
}

/** A bar behind a symbol: an interval, or the whole month or year an imprecise date covers. */
export interface SpanBar {
  /** Instants the bar covers, so the browser can redraw it when zooming. */
  t0: number;
  t1: number;
  /** Ends relative to the mark's x. */
  x0: number;
  x1: number;
  style: 'interval' | 'imprecise';
}

export type MarkType = 'record' | 'ghost' | 'bin' | 'arrow';

export interface Mark {
  /** Unique within the chart; stable across builds. */
  key: string;
  type: MarkType;
  /** The record the mark stands for (absent for bins, which stand for many). */
  recordId?: string;
  /** Lane id, for lane filters. */
  lane?: string;
  /** Anchor of the mark (symbol centre, or a bin's left edge). */
  x: number;
  y: number;
  /** Instant at `x`, when the x axis is a time axis (zoomable). */
  t?: number;
  /** Symbol path around (0, 0). */
  symbol?: string;
  span?: SpanBar;
  /** A bin's bar, relative to (x, y). */
  rect?: { width: number; height: number; y: number; t1: number };
  /** Path relative to (x, y): a migration arrow's line. */
  path?: string;
  /** Path relative to (x, y): a migration arrow's head. */
  head?: string;
  /** Symbol path relative to (x, y) drawn around the symbol: "at least this many". */
  halo?: string;
  /** Relative dashed link for a ghost: from the ghost to the record's mark at `linkT`. */
  link?: { dx: number; t: number };
  /** A short marker beside the symbol: `~` approximate, `?` uncertain. */
  glyph?: string;
  /** Visible text beside the mark, e.g. "hundreds" or "+1 d 2 h". */
  label?: { text: string; dx: number; dy: number; anchor?: 'start' | 'middle' | 'end' };
  /** Tooltip and accessible text; lines separated by "\n". */
  tip: string;
  classes: string[];
  /** Bins: how many records they stand for. */
  count?: number;
  /** Bins: the table group they lead to (an anchor in the chart's table). */
  group?: string;
  /**
   * Bins of a summarised chart: the drill-down period ("2019", "2019-03") they fall in; with a
   * drill-down page for it, the bin leads there instead of to the table.
   */
  period?: string;
}

export interface LegendItem {
  label: string;
  /** Classes for the swatch (colour and drawing style). */
  classes: string[];
  /** Symbol path around (0, 0), or a short drawing instruction for non-symbol encodings. */
  symbol?: string;
  /** `area`, `hatch`, `hexagon`: the map's circle of uncertainty, hatched country and bin. */
  swatch: 'symbol' | 'bar' | 'whisker' | 'ghost' | 'arrow' | 'bin' | 'ring' | 'text' | 'area' | 'hatch' | 'hexagon';
  /** Glyph drawn beside the swatch, e.g. "~". */
  glyph?: string;
}

export interface TableRow {
  recordId: string;
  cells: string[];
}

export interface TableGroup {
  /** Anchor id suffix for bins to link to; absent when the table is not grouped. */
  id?: string;
  heading?: string;
  rows: TableRow[];
}

export interface TableModel {
  caption: string;
  columns: string[];
  /** Index of the column whose text links to the record. */
  linkColumn: number;
  /** Record rows; with a summary, only those no period holds (dates that cannot be drawn). */
  groups: TableGroup[];
  /**
   * Too many records to list on one page: counts per period and lane instead, each period
   * leading to its drill-down page (or the CSV), and `groups` keeps only what no period holds.
   */
  summary?: SummaryTable;
}

export interface SummaryRow {
  /** Period key: "2019" or "2019-03"; the row's anchor and its drill-down page. */
  key: string;
  label: string;
  /** One count per summary column. */
  counts: number[];
}

export interface SummaryTable {
  caption: string;
  /** Headings of the count columns (after the period column); the last is usually "Total". */
  columns: string[];
  rows: SummaryRow[];
  /** How many records the summary stands for. */
  records: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  /** The time scale, when x is time (the timeline and takedowns); shipped to the browser. */
  scale?: ExposedScale;
  lanes: Lane[];
  /** Where lane labels go: in the left margin, or as a heading line on top of the lane. */
  laneLabels: 'left' | 'top';
  marks: Mark[];
  axes: Axis[];
  /** Headings inside the SVG (the claims chart's two panels). */
  headings?: { text: string; x: number; y: number }[];
  legend: LegendItem[];
  /** One paragraph for <desc>: what the chart shows, in words. */
  description: string;
  /**
   * A summarised chart's sentence on its periods' pages ("Each year leads to a page that lists
   * its records."), which the frame adds to the description where the periods have pages: kept
   * apart so that pages with and without them share one layout (shared/layout-once.ts).
   */
  drillSentence?: string;
  /** Shown in the SVG when there is nothing to draw. */
  empty?: string;
  /** Whether marks were aggregated into bins. */
  binned: boolean;
  /** Whether the table summarises by period instead of listing records (`table.summary`). */
  summarised: boolean;
  table: TableModel;
}
