/**
 * Timeline layout: records → lanes (by kind or by platform), marks, ticks, legend and table.
 *
 * Stages: 1. parse dates · 2. assign lanes · 3. scale and ticks · 4. marks (one per record and
 * lane, or bins when too dense) · 5. stack lanes vertically · 6. words: legend, description,
 * table. Pure: no DOM, same input → same output.
 */
import { formatDate } from '../../data/dates.ts';
import type { DateSpan } from '../../schema/edtf.ts';
import type { DataRecord, RecordKind } from '../../schema/records.ts';
import { dodgeRows } from '../shared/dodge.ts';
import { countsByKind, formatCount, plural } from '../shared/format.ts';
import { KIND_LANE_LABELS, KIND_ORDER, KIND_STYLES } from '../shared/palette.ts';
import { isImprecise, spanGeometry } from '../shared/precision.ts';
import { byDate, disputedDates, disputeLines, namer, platformsOf, sourceNamer, spanOf, withDisputes } from '../shared/records.ts';
import type { ChartInput } from '../shared/records.ts';
import { round } from '../shared/round.ts';
import { project, timeScale } from '../shared/scale.ts';
import { SYMBOL_AREA, symbolPath, symbolRadius } from '../shared/shapes.ts';
import { timeTicks } from '../shared/ticks.ts';
import type { Axis, ChartLayout, Lane, LegendItem, Mark, TableGroup, TableRow } from '../shared/types.ts';
import { legendForKinds, legendForPrecision } from '../shared/legend.ts';
import { binGrid, binGroupId, binnedLanes, binRangeText, binBudget, binTarget, capLanes, filledGrid, groupBy as groupItems, OTHER_LANE } from '../shared/bins.ts';
import { centreOf, periodKey } from '../shared/periods.ts';
import type { Grain } from '../shared/periods.ts';
import { DEFAULT_TABLE_LIMIT, drillSentence, summarise } from '../shared/summary.ts';
import type { Filed } from '../shared/drill.ts';
import { endLanes } from '../shared/lane-ends.ts';
import { layoutOnce, type Defaults, type Filled } from '../shared/layout-once.ts';

export { binRangeText };

export type TimelineGrouping = 'kind' | 'platform';

export interface TimelineOptions extends ChartInput {
  groupBy?: TimelineGrouping;
  /** Above this many marks, marks aggregate into bins that say how many records they hold. */
  binThreshold?: number;
  /**
   * Above this many records, the table counts records per period and lane (each period leading
   * to its drill-down page) instead of listing them. A summarised table's marks are bins, whatever
   * `binThreshold` says: each bar leads to its period (a site's `recordListLimit` can be below it).
   */
  tableLimit?: number;
  /**
   * The periods the summary counts by: 'year' on a site-wide page (the default), 'month' on a
   * year's page; `false` on the last level of drill-down, which always lists its records.
   */
  summaryGrain?: Grain | false;
}

export const DEFAULT_BIN_THRESHOLD = 400;
const MARGIN = { top: 12, right: 24, bottom: 40, left: 140 };
const ROW_HEIGHT = 22;
const MAX_ROWS = 6;
const LANE_PADDING = 8;
const NO_PLATFORM = '(none)';
/** Lanes by platform, when binned: the busiest platforms, then one lane for the rest. */
const MAX_BIN_LANES = 12;
const GLYPH_SPACE = 12;

interface Entry {
  record: DataRecord;
  span: DateSpan;
}

interface Placement extends Entry {
  lane: string;
}

/** What a timeline is laid out with where its options leave it out. */
const TIMELINE_DEFAULTS = { groupBy: 'kind', binThreshold: DEFAULT_BIN_THRESHOLD, tableLimit: DEFAULT_TABLE_LIMIT, summaryGrain: 'year', width: 960 } as const satisfies Defaults<TimelineOptions>;

/**
 * The layout of `options`, TIMELINE_DEFAULTS filled in: computed once for records several pages draw alike
 * (shared/layout-once.ts).
 */
export function layoutTimeline(options: TimelineOptions): ChartLayout {
  return layoutOnce('timeline', options, TIMELINE_DEFAULTS, drawTimelineLayout);
}

function drawTimelineLayout(options: Filled<TimelineOptions, keyof typeof TIMELINE_DEFAULTS>): ChartLayout {
  const width = options.width;
  const groupBy = options.groupBy;
  const threshold = options.binThreshold;
  const tableLimit = options.tableLimit;
  const platformName = namer(options.platforms);
  const sourceName = sourceNamer(options.sources);
  const names = { platforms: platformName, actors: namer(options.actors) };

  // 1. Parse dates. Undrawable dates stay in the table and are counted in the description.
  const entries: Entry[] = [];
  const undated: DataRecord[] = [];
  for (const record of options.records) {
    const span = spanOf(record.date);
    if (span) entries.push({ record, span });
    else undated.push(record);
  }
  entries.sort(byDate);

  // 2. Lanes: kinds in their canonical order, or platforms in order of first appearance.
  const laneOf = (e: Entry): string[] => {
    if (groupBy === 'kind') return [e.record.kind];
    const ids = platformsOf(e.record);
    return ids.length ? [...new Set(ids)] : [NO_PLATFORM];
  };
  let placements: Placement[] = entries.flatMap((e) => laneOf(e).map((lane) => ({ ...e, lane })));
  let laneIds = laneOrder(placements, groupBy);
  const summaryGrain = options.summaryGrain === false ? undefined : timelineRows(options.records) > tableLimit ? options.summaryGrain : undefined;
  // A summarised table needs bins that lead to its periods, whatever the number of marks. Counted
  // in records, not marks: the lanes-by-platform view (a record on two platforms is two marks)
  // must bin when the by-kind view does and only then, since its bars lead into that view's table.
  const binned = entries.length > threshold || summaryGrain !== undefined;
  let others: string[] = [];
  if (binned && groupBy === 'platform' && laneIds.length > MAX_BIN_LANES) {
    // Bars of many platforms: the busiest keep a lane, the rest share one (counted once each).
    const counts = new Map<string, number>();
    for (const p of placements) counts.set(p.lane, (counts.get(p.lane) ?? 0) + 1);
    const capped = capLanes(laneIds.filter((id) => id !== NO_PLATFORM), counts, MAX_BIN_LANES - (counts.has(NO_PLATFORM) ? 1 : 0));
    others = [...capped].filter(([, lane]) => lane === OTHER_LANE).map(([id]) => platformName(id));
    const seen = new Set<string>();
    placements = placements.flatMap((p) => {
      const lane = capped.get(p.lane) ?? p.lane;
      const key = `${p.record.id}\u0000${lane}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ ...p, lane }];
    });
    laneIds = [...laneIds.filter((id) => id !== NO_PLATFORM && capped.get(id) === id), OTHER_LANE, ...(counts.has(NO_PLATFORM) ? [NO_PLATFORM] : [])];
  }
  const laneLabel = (id: string) => (groupBy === 'kind' ? KIND_LANE_LABELS[id as RecordKind] : id === NO_PLATFORM ? 'No platform' : id === OTHER_LANE ? `${others.length} other platforms` : platformName(id));

  // 3. Scale over every date drawn, disputed ones included, so a ghost is never off the chart.
  const extent = timeExtent(entries);
  const plotRange: [number, number] = [MARGIN.left, width - MARGIN.right];
  const scale = extent ? timeScale(extent[0], extent[1], plotRange) : undefined;
  const ticks = scale ? timeTicks(scale) : [];

  const byLane = groupItems(placements, (p) => p.lane);
  const lanes: Lane[] = [];
  const marks: Mark[] = [];
  let groups: TableGroup[];
  let y = MARGIN.top;
  const rowFor = (r: DataRecord) => tableRow(r, platformName);

  if (scale && binned) {
    // 4b. Bins: one time grid shared by all lanes, so a table group (or summary row) serves every
    // lane; cut at drill-down periods when the table summarises, so each bin leads to one page.
    // The mark budget (fewer bins with more lanes) and the bars' fill (RECORDS_PER_BAR) apply to
    // summaries only: a listed table has few records, and the same grid in both groupings lets
    // the by-platform view use its groups.
    const target = binTarget(plotRange[1] - plotRange[0]);
    const grid = summaryGrain
      ? filledGrid(scale, target, placements.map((p) => ({ lane: p.lane, t: centreOf(p.span) })), summaryGrain, binBudget(laneIds.length))
      : binGrid(scale, target);
    const drawn = binnedLanes({
      scale,
      grid,
      top: y,
      lanes: laneIds.map((id) => ({ id, label: laneLabel(id), className: groupBy === 'kind' ? KIND_STYLES[id as RecordKind].className : 'dw-c1', items: byLane.get(id) ?? [] })),
      instant: (p) => centreOf(p.span),
      group: (t0) => (summaryGrain ? `p-${periodKey(t0, summaryGrain)}` : binGroupId(t0)),
      period: summaryGrain,
    });
    marks.push(...drawn.marks);
    lanes.push(...drawn.lanes);
    y = drawn.y;
    groups = summaryGrain
      ? []
      : [...groupItems(entries, (e) => grid.start(centreOf(e.span)))].map(([t0, list]) => ({
          id: binGroupId(t0),
          heading: `${binRangeText(t0, grid.end(t0))}: ${plural(list.length, 'record', 'records')}`,
          rows: list.map((e) => rowFor(e.record)),
        }));
  } else {
    // 4a. One mark per record and lane, stacked into rows where they would overlap.
    const radius = symbolRadius();
    for (const id of laneIds) {
      const items = (byLane.get(id) ?? []).map((p) => {
        const g = spanGeometry(p.span, scale!);
        const ghosts = disputedDates(p.record).map((d) => ({ ...d, geometry: spanGeometry(d.span, scale!) }));
        const xs = [g.x + (g.span?.x0 ?? 0) - radius, g.x + (g.span?.x1 ?? 0) + radius + (g.glyph ? GLYPH_SPACE : 0), ...ghosts.flatMap((h) => [h.geometry.x - radius, h.geometry.x + radius + GLYPH_SPACE])];
        return { p, g, ghosts, left: Math.min(...xs), right: Math.max(...xs) };
      });
      const rows = dodgeRows(items, MAX_ROWS);
      const rowCount = Math.max(1, ...rows.map((r) => r + 1));
      const laneHeight = rowCount * ROW_HEIGHT + LANE_PADDING;
      items.forEach((item, i) => {
        const cy = round(y + LANE_PADDING / 2 + ((rows[i] ?? 0) + 0.5) * ROW_HEIGHT);
        marks.push(recordMark(item.p, item.g, cy, platformName, (record) => disputeLines(record, sourceName, names)));
        item.ghosts.forEach((ghost, j) => {
          marks.push({
            key: `ghost-${item.p.record.id}-${id}-${j}`,
            type: 'ghost',
            recordId: item.p.record.id,
            lane: id,
            x: ghost.geometry.x,
            y: cy,
            t: ghost.geometry.t,
            symbol: symbolPath(KIND_STYLES[item.p.record.kind].shape, SYMBOL_AREA),
            span: ghost.geometry.span,
            link: { dx: round(item.g.x - ghost.geometry.x), t: item.g.t },
            glyph: ghost.geometry.glyph,
            tip: [`Disputed date of: ${item.p.record.title}`, `${formatDate(ghost.span)} according to ${ghost.sources.map(sourceName).join(', ')}`, `(recorded date: ${formatDate(item.p.span)})`, ghost.note].filter(Boolean).join('\n'),
            classes: ['dw-ghost', KIND_STYLES[item.p.record.kind].className, ...ghost.geometry.classes],
          });
        });
      });
      lanes.push({ id, label: laneLabel(id), y: round(y), height: laneHeight, count: items.length });
      y += laneHeight;
    }
    groups = [{ rows: entries.map((e) => rowFor(e.record)) }];
  }
  if (undated.length) groups.push({ id: 'undated', heading: 'Dates that cannot be drawn', rows: undated.map((r) => rowFor(r)) });

  // 6. Words.
  const firstPlacement = new Set<Placement>();
  if (summaryGrain) {
    const seen = new Set<string>();
    for (const p of placements) if (!seen.has(p.record.id)) (seen.add(p.record.id), firstPlacement.add(p));
  }
  const summary = summaryGrain
    ? summarise(placements, {
        grain: summaryGrain,
        instant: (p) => centreOf(p.span),
        columns: [
          ...laneIds.map((id) => ({ label: laneLabel(id), count: (p: Placement) => (p.lane === id ? 1 : 0) })),
          // A record in several lanes counts once in the total: at its first placement.
          ...(laneIds.length > 1 ? [{ label: 'Total', count: (p: Placement) => (firstPlacement.has(p) ? 1 : 0) }] : []),
        ],
        caption: `${plural(entries.length, 'dated record', 'dated records')} by ${summaryGrain} and ${groupBy === 'kind' ? 'kind' : 'platform'}`,
        records: entries.length,
      })
    : undefined;
  const height = round(y + MARGIN.bottom);
  // A platform that closed ends its lane (lanes by platform only: a kind has no closing day).
  const ended = groupBy === 'platform' ? endLanes(lanes, options.platforms, scale) : { lanes, sentence: '' };
  const disputes = entries.reduce((n, e) => n + disputedDates(e.record).length, 0);
  const hasDisputes = disputes > 0;
  return {
    width,
    height: entries.length ? height : MARGIN.top + 60 + MARGIN.bottom,
    margin: MARGIN,
    scale,
    lanes: ended.lanes,
    laneLabels: 'left',
    marks,
    axes: ticks.length ? [{ y: round(y), top: MARGIN.top, ticks, zoomable: true } satisfies Axis] : [],
    legend: timelineLegend(entries, binned, hasDisputes),
    description: [describe(entries, undated.length, groupBy, lanes, binned, disputes, summaryGrain, others), ended.sentence].filter(Boolean).join(' '),
    empty: entries.length ? undefined : 'No dated records to show.',
    binned,
    summarised: summary !== undefined,
    drillSentence: drillSentence(summaryGrain),
    table: withDisputes(
      {
        summary,
        caption: summary ? `${plural(undated.length, 'record', 'records')} whose date cannot be drawn` : `${plural(options.records.length, 'record', 'records')}, by date`,
        columns: ['Date', 'Kind', 'Platform', 'Title'],
        linkColumn: 3,
        groups,
      },
      options.records,
      sourceName,
      names,
    ),
  };
}

function laneOrder(placements: Placement[], groupBy: TimelineGrouping): string[] {
  const present = new Set(placements.map((p) => p.lane));
  if (groupBy === 'kind') return KIND_ORDER.filter((k) => present.has(k));
  // First appearance in time reads as the story of a move from one platform to the next.
  const order = [...new Set(placements.map((p) => p.lane))].filter((id) => id !== NO_PLATFORM);
  return present.has(NO_PLATFORM) ? [...order, NO_PLATFORM] : order;
}

function timeExtent(entries: Entry[]): [number, number] | undefined {
  if (!entries.length) return undefined;
  let lo = Infinity;
  let hi = -Infinity;
  for (const e of entries) {
    for (const s of [e.span, ...disputedDates(e.record).map((d) => d.span)]) {
      lo = Math.min(lo, s.start);
      hi = Math.max(hi, s.end);
    }
  }
  return [lo, hi];
}

function recordMark(p: Placement, g: ReturnType<typeof spanGeometry>, cy: number, platformName: (id: string) => string, disputesOf: (record: DataRecord) => string[]): Mark {
  const style = KIND_STYLES[p.record.kind];
  const platforms = platformsOf(p.record).map(platformName);
  const disputed = disputesOf(p.record);
  const tip = [p.record.title, `${formatDate(p.span)} · ${style.label}${platforms.length ? ` · ${platforms.join(', ')}` : ''}`, ...disputed.map((line) => `Sources disagree: ${line}`)];
  return {
    key: `rec-${p.record.id}-${p.lane}`,
    type: 'record',
    recordId: p.record.id,
    lane: p.lane,
    x: g.x,
    y: cy,
    t: g.t,
    symbol: symbolPath(style.shape),
    span: g.span,
    glyph: g.glyph,
    tip: tip.join('\n'),
    classes: ['dw-mark', style.className, ...g.classes, ...(disputed.length ? ['has-dispute'] : [])],
  };
}

function tableRow(record: DataRecord, platformName: (id: string) => string): TableRow {
  const span = spanOf(record.date);
  return {
    recordId: record.id,
    cells: [
      span ? formatDate(span) : String(record.date),
      KIND_STYLES[record.kind].label,
      platformsOf(record).map(platformName).join(record.kind === 'migration' ? ' → ' : ', '),
      record.title,
    ],
  };
}

function timelineLegend(entries: Entry[], binned: boolean, disputes: boolean): LegendItem[] {
  const kinds = KIND_ORDER.filter((k) => entries.some((e) => e.record.kind === k));
  const items = legendForKinds(kinds);
  if (binned) {
    items.push({ label: 'Bar height: number of records in the period', classes: ['dw-bin', 'dw-c1'], swatch: 'bin' });
    return items;
  }
  items.push(...legendForPrecision(entries.map((e) => e.span), disputes));
  return items;
}

function describe(entries: Entry[], undated: number, groupBy: TimelineGrouping, lanes: Lane[], binned: boolean, disputes: number, summaryGrain: Grain | undefined, others: string[]): string {
  if (!entries.length) return undated ? `None of the ${plural(undated, 'record has', 'records have')} a date that can be drawn; see the table.` : 'There are no records to show.';
  const first = entries[0]!.span;
  const last = entries.reduce((a, e) => (e.span.end > a.end ? e.span : a), first);
  const parts = [
    `Timeline of ${plural(entries.length, 'record', 'records')} from ${formatDate(first)} to ${formatDate(last)}: ${countsByKind(entries.map((e) => e.record))}.`,
    groupBy === 'kind' ? 'One lane per kind of record.' : `One lane per platform: ${lanes.map((l) => `${l.label} (${formatCount(l.count)})`).join(', ')}; a record on several platforms appears in each of their lanes.`,
  ];
  if (others.length) parts.push(`The lane of other platforms holds ${others.join(', ')}.`);
  if (summaryGrain) parts.push(`Records are too many to draw or list one by one, so each bar counts the records of one period in one lane; the table counts them by ${summaryGrain}.`);
  else if (binned) parts.push('Records are too many to draw one by one, so each bar counts the records of one period in one lane; the table lists them all, grouped by the same periods.');
  else {
    const intervals = entries.filter((e) => e.span.interval).length;
    const imprecise = entries.filter((e) => isImprecise(e.span)).length;
    const qualified = entries.filter((e) => e.span.approximate || e.span.uncertain).length;
    if (intervals) parts.push(`${plural(intervals, 'record spans', 'records span')} several days, drawn as bars.`);
    if (imprecise) parts.push(`${plural(imprecise, 'record is', 'records are')} dated only to a month or year, drawn hollow over the whole period.`);
    if (qualified) parts.push(`${plural(qualified, 'date is', 'dates are')} approximate or uncertain, drawn with a dashed outline.`);
    if (disputes) parts.push(`${plural(disputes, 'other date', 'other dates')} given by other sources ${disputes === 1 ? 'is' : 'are'} drawn as faint linked marks.`);
  }
  if (undated) parts.push(`${plural(undated, 'record has', 'records have')} a date that cannot be drawn and ${undated === 1 ? 'is' : 'are'} listed in the table only.`);
  return parts.join(' ');
}

/** The records a timeline shows, each with the instant it is filed under, for drill-down pages. */
export function fileForTimeline(records: readonly DataRecord[]): Filed[] {
  return records.map((record) => {
    const span = spanOf(record.date);
    return { record, t: span ? centreOf(span) : undefined };
  });
}

/** How many rows a timeline's table of these records lists (its summary switch counts these). */
export function timelineRows(records: readonly DataRecord[]): number {
  return records.length;
}
