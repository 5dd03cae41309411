/**
 * Time bins for charts with too many marks to draw one by one (the timeline, takedowns): one
 * grid of calendar steps shared by every lane, so a table group or a summary row serves all
 * lanes. Bins never straddle a drill-down period (a year on the site-wide page, a month on a
 * year's page), so a bin leads to exactly one drill-down page.
 */
import { dateInWords, rangeInWords, timeInWords } from '../../data/date-words.ts';
import { utcTickInterval } from 'd3-time';
import { plural } from './format.ts';
import { periodBounds, periodKey } from './periods.ts';
import type { Grain } from './periods.ts';
import { round } from './round.ts';
import { project } from './scale.ts';
import type { ExposedScale, Lane, Mark } from './types.ts';

/** Target width of one bin in SVG units: narrow enough to show shape, wide enough to hover. */
export const BIN_WIDTH = 8;
/**
 * At most this many bars in one chart, whatever the number of lanes: each bar costs about 60
 * bytes of gzipped HTML, and a page must stay under 300 KB. More lanes → coarser bins.
 */
export const MAX_BIN_MARKS = 1_200;
export const BIN_LANE_HEIGHT = 56;
const LANE_PADDING = 8;
const DAY = 86_400_000;

export interface BinGrid {
  /** Start of the bin holding `t`. */
  start(t: number): number;
  /** First instant after the bin that starts at `t0`. */
  end(t0: number): number;
}

/**
 * A calendar grid over the scale's domain with about `target` steps (d3's tick intervals: hours,
 * days, weeks, months, years), cut at the boundaries of `split` periods.
 */
export function binGrid(scale: ExposedScale, target: number, split?: Grain, maxBins = Infinity): BinGrid {
  const [d0, d1] = scale.domain;
  let count = Math.max(1, Math.floor(target));
  let interval = utcTickInterval(new Date(d0), new Date(d1), count);
  // d3 picks the calendar step nearest the target, which may give more bins than a budget allows.
  while (interval && count > 1 && stepsOf(interval, d0, d1, split) > maxBins) {
    count = Math.floor(count * 0.7);
    interval = utcTickInterval(new Date(d0), new Date(d1), count);
  }
  const floor = (t: number) => (interval ? +interval.floor(new Date(t)) : t);
  const next = (t0: number) => (interval ? +interval.offset(new Date(floor(t0)), 1) : t0 + 1);
  return {
    start(t) {
      const s = floor(t);
      return split ? Math.max(s, periodBounds(t, split)[0]) : s;
    },
    end(t0) {
      const e = next(t0);
      return split ? Math.min(e, periodBounds(t0, split)[1]) : e;
    },
  };
}

function stepsOf(interval: NonNullable<ReturnType<typeof utcTickInterval>>, d0: number, d1: number, split: Grain | undefined): number {
  // Cut at periods, a grid gains at most one bin per period boundary.
  const periods = split === 'year' ? new Date(d1).getUTCFullYear() - new Date(d0).getUTCFullYear() : split === 'month' ? Math.ceil((d1 - d0) / (28 * DAY)) : 0;
  return interval.range(new Date(d0), new Date(d1)).length + 1 + periods;
}

/** Bins per lane a chart over `plotWidth` units can show: about one per BIN_WIDTH units. */
export function binTarget(plotWidth: number): number {
  return Math.max(1, Math.floor(plotWidth / BIN_WIDTH));
}

/**
 * Records a bar of a chart that counts holds on average, at least, where its records allow. Sized
 * by width alone, an incident page of 100 records over three months that counts them
 * (`recordListLimit`) drew a bar per day and lane, 100 bars of one record each: as many bytes as a
 * mark per record, and nothing counted.
 */
export const RECORDS_PER_BAR = 2;

/** One record drawn in a lane at an instant: what a bar counts. */
export interface LaneInstant {
  lane: string;
  t: number;
}

/**
 * binGrid with the finest step, from about `target` steps down, whose bars hold RECORDS_PER_BAR
 * `items` on average (a record once per lane it is in), or the coarsest d3 offers. A chart whose
 * bars already hold that many keeps the grid its width gives: one pass over its records.
 */
export function filledGrid(scale: ExposedScale, target: number, items: readonly LaneInstant[], split?: Grain, maxBins = Infinity): BinGrid {
  let count = Math.max(1, Math.floor(target));
  for (;;) {
    const grid = binGrid(scale, count, split, maxBins);
    if (count === 1 || items.length === 0) return grid;
    const bars = new Set<string>();
    for (const item of items) bars.add(`${item.lane}\u0000${grid.start(item.t)}`);
    if (items.length >= RECORDS_PER_BAR * bars.size) return grid;
    count = Math.max(1, Math.floor(count * 0.7));
  }
}

/** Bins per lane the page can afford with `lanes` lanes (MAX_BIN_MARKS in all). */
export function binBudget(lanes: number): number {
  return Math.max(1, Math.floor(MAX_BIN_MARKS / Math.max(1, lanes)));
}


/**
 * A bin [t0, t1) in words, as formatDate writes dates: "2019", "March 2019", "3–9 November 2019",
 * "28 October – 3 November 2019"; times for bins shorter than a day. No date parsing: a chart
 * of 100,000 records has a thousand bins.
 */
export function binRangeText(t0: number, t1: number): string {
  if (t1 - t0 < DAY) return `${dateInWords(t0, 'day')}, ${timeInWords(t0)}–${timeInWords(t1)} UTC`;
  // The last day the bin holds.
  const last = t1 - DAY;
  const a = new Date(t0);
  const b = new Date(last);
  const wholeMonths = a.getUTCDate() === 1 && new Date(t1).getUTCDate() === 1 && t0 % DAY === 0 && t1 % DAY === 0;
  const sameYear = a.getUTCFullYear() === b.getUTCFullYear();
  if (wholeMonths && sameYear && a.getUTCMonth() === 0 && b.getUTCMonth() === 11) return dateInWords(t0, 'year');
  if (wholeMonths && sameYear) return rangeInWords(t0, last, 'month');
  return rangeInWords(t0, last, 'day');
}

export interface BinLane<T> {
  id: string;
  label: string;
  /** Colour class of the lane's bars. */
  className: string;
  items: T[];
  /** Count shown in the lane filter; the number of items by default. */
  count?: number;
}

export interface BinnedLanes {
  marks: Mark[];
  lanes: Lane[];
  /** Bottom of the last lane. */
  y: number;
}

/**
 * One bar per lane and bin that holds something, its height linear in the count (on one scale
 * for all lanes), at least 2 units so a bin of one never vanishes.
 */
export function binnedLanes<T>(options: {
  scale: ExposedScale;
  grid: BinGrid;
  lanes: BinLane<T>[];
  top: number;
  instant: (item: T) => number;
  /** Table group or summary row the bin of `t0` leads to. */
  group: (t0: number) => string;
  /** Drill-down grain: bins then carry the period they fall in. */
  period?: Grain;
  /** Tooltip lines after the count and lane ("12 records · Attacks"). */
  detail?: (items: T[]) => string[];
  noun?: [string, string];
}): BinnedLanes {
  const { scale, grid, instant, noun = ['record', 'records'] } = options;
  const counted = options.lanes.map((lane) => {
    const bins = new Map<number, T[]>();
    for (const item of lane.items) {
      const t0 = grid.start(instant(item));
      let list = bins.get(t0);
      if (!list) bins.set(t0, (list = []));
      list.push(item);
    }
    return { lane, bins: [...bins].sort((a, b) => a[0] - b[0]) };
  });
  let maxCount = 1;
  for (const { bins } of counted) for (const [, items] of bins) maxCount = Math.max(maxCount, items.length);
  const marks: Mark[] = [];
  const lanes: Lane[] = [];
  let y = options.top;
  for (const { lane, bins } of counted) {
    const base = round(y + BIN_LANE_HEIGHT - LANE_PADDING / 2);
    for (const [t0, items] of bins) {
      const t1 = grid.end(t0);
      const x0 = round(project(scale, t0));
      const h = round(Math.max(2, (items.length / maxCount) * (BIN_LANE_HEIGHT - LANE_PADDING)));
      marks.push({
        key: `bin-${lane.id}-${t0}`,
        type: 'bin',
        lane: lane.id,
        x: x0,
        y: base,
        t: t0,
        rect: { width: Math.max(1, round(project(scale, t1) - x0 - 1)), height: h, y: -h, t1 },
        count: items.length,
        group: options.group(t0),
        period: options.period ? periodKey(t0, options.period) : undefined,
        tip: [`${plural(items.length, noun[0], noun[1])} · ${lane.label}`, binRangeText(t0, t1), ...(options.detail?.(items) ?? [])].join('\n'),
        classes: ['dw-bin', lane.className],
      });
    }
    lanes.push({ id: lane.id, label: lane.label, y: round(y), height: BIN_LANE_HEIGHT, count: lane.count ?? lane.items.length });
    y += BIN_LANE_HEIGHT;
  }
  return { marks, lanes, y };
}

/** Group items by a key in one pass, keys in first-seen order. */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    let list = groups.get(k);
    if (!list) groups.set(k, (list = []));
    list.push(item);
  }
  return groups;
}

/** Lane id of the lane that gathers the categories past a lane cap. */
export const OTHER_LANE = '(other)';

/**
 * Lane for each category when at most `max` lanes fit: the `max - 1` largest keep their own lane
 * (in their given order), the rest share OTHER_LANE. Every category keeps a lane to count in.
 */
export function capLanes(ids: readonly string[], counts: Map<string, number>, max: number): Map<string, string> {
  if (ids.length <= max) return new Map(ids.map((id) => [id, id]));
  const kept = new Set([...ids].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || (a < b ? -1 : 1)).slice(0, max - 1));
  return new Map(ids.map((id) => [id, kept.has(id) ? id : OTHER_LANE]));
}

/**
 * The id of a bin's rows in a chart's table: from the time the bin starts, not its place in the
 * list, so that the chart's other grouping (lanes by platform rather than by kind: fewer records,
 * so other bins) leads to the same rows. `bin-20191117T000000`.
 */
export function binGroupId(t0: number): string {
  return `bin-${new Date(t0).toISOString().replace(/[-:]|\.\d+Z$/g, '')}`;
}
