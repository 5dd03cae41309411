/**
 * Takedowns and migrations: one lane per platform over time. A takedown's symbol area grows with
 * its scope count (a sqrt scale on the radius, so area is proportional to the count); its shape
 * and colour say who initiated it; its fill says what came of it (solid: removed, hollow:
 * referred). Scopes that are not exact counts are drawn distinctly and never turned into a
 * number: approximate (dashed), at least (an open ring around), words only ("hundreds": a
 * fixed-size dotted symbol with the words beside it). Migrations are arrows between lanes.
 *
 * Too many to draw one by one (more than `binThreshold` marks), they aggregate: one lane of bars
 * per platform (the busiest platforms; the rest share a lane) and one for migrations, each bar
 * counting the records of one period. Too many to list (more than `tableLimit`), the table
 * counts them per period and lane, each period leading to its drill-down page.
 *
 * Stages: 1. parse · 2. lanes · 3. scales · 4. takedown marks, stacked · 5. arrows · 6. words.
 * The parts drawn for each record (symbol, arrow, table row) and the words come from ./marks.ts.
 */
import { scaleSqrt } from 'd3-scale';
import { formatDate } from '../../data/dates.ts';
import { formatScope } from '../../data/facts.ts';
import type { Migration, Takedown } from '../../schema/records.ts';
import { INITIATORS } from '../../schema/records.ts';
import { dodgeRows } from '../shared/dodge.ts';
import { countKind, formatCount, plural } from '../shared/format.ts';
import { KIND_STYLES, OUTCOME_LABELS } from '../shared/palette.ts';
import { spanGeometry } from '../shared/precision.ts';
import { byDate, namer, sourceNamer, spanOf, withDisputes } from '../shared/records.ts';
import type { ChartInput } from '../shared/records.ts';
import { round } from '../shared/round.ts';
import { timeScale } from '../shared/scale.ts';
import { timeTicks } from '../shared/ticks.ts';
import type { Axis, ChartLayout, Lane, Mark, TableGroup, TableRow } from '../shared/types.ts';
import type { DataRecord } from '../../schema/records.ts';
import { binGrid, binGroupId, binnedLanes, binRangeText, binBudget, binTarget, capLanes, filledGrid, groupBy, OTHER_LANE } from '../shared/bins.ts';
import { centreOf, periodKey } from '../shared/periods.ts';
import type { Grain } from '../shared/periods.ts';
import { DEFAULT_TABLE_LIMIT, drillSentence, summarise } from '../shared/summary.ts';
import type { Filed } from '../shared/drill.ts';
import { endLanes } from '../shared/lane-ends.ts';
import { describe, legend, migrationMark, R_MAX, scopeSize, tableRow, takedownMark, type MigrationEntry, type TakedownEntry } from './marks.ts';
import { layoutOnce, type Defaults, type Filled } from '../shared/layout-once.ts';

export interface TakedownsOptions extends ChartInput {
  /** Above this many marks (takedowns and migrations), they aggregate into bars with counts. */
  binThreshold?: number;
  /** Above this many records, the table summarises by period (see the timeline's option). */
  tableLimit?: number;
  /** 'year' (default) on a site-wide page, 'month' on a year's page, false on a month's page. */
  summaryGrain?: Grain | false;
}

// Each takedown carries a scope label ("26,000 items"): past about 150 marks, a month of a busy
// year at GTD scale drew 324 labels, 307 of them overlapping, in a chart 5,000 px tall. Bars then.
export const DEFAULT_TAKEDOWN_BIN_THRESHOLD = 150;
const MIGRATIONS_LANE = '(migrations)';

const MARGIN = { top: 12, right: 24, bottom: 40, left: 120 };
const ROW_HEIGHT = 2 * R_MAX + 20;
const MAX_ROWS = 4;
const CHAR_WIDTH = 6.2;


/** What a takedowns chart is laid out with where its options leave it out. */
const TAKEDOWNS_DEFAULTS = { binThreshold: DEFAULT_TAKEDOWN_BIN_THRESHOLD, tableLimit: DEFAULT_TABLE_LIMIT, summaryGrain: 'year', width: 960 } as const satisfies Defaults<TakedownsOptions>;

/**
 * The layout of `options`, TAKEDOWNS_DEFAULTS filled in: computed once for records several pages draw alike
 * (shared/layout-once.ts).
 */
export function layoutTakedowns(options: TakedownsOptions): ChartLayout {
  return layoutOnce('takedowns', options, TAKEDOWNS_DEFAULTS, drawTakedownsLayout);
}

function drawTakedownsLayout(options: Filled<TakedownsOptions, keyof typeof TAKEDOWNS_DEFAULTS>): ChartLayout {
  const width = options.width;
  const platformName = namer(options.platforms);
  const actorName = namer(options.actors);
  const sourceName = sourceNamer(options.sources);
  const threshold = options.binThreshold;
  const tableLimit = options.tableLimit;
  const rowCount = takedownRows(options.records);
  const summaryGrain = options.summaryGrain === false ? undefined : rowCount > tableLimit ? options.summaryGrain : undefined;

  // 1. Parse. Records whose date cannot be drawn are listed in the table, never dropped.
  const takedowns: TakedownEntry[] = [];
  const migrations: MigrationEntry[] = [];
  const undated: (Takedown | Migration)[] = [];
  for (const record of options.records) {
    if (record.kind !== 'takedown' && record.kind !== 'migration') continue;
    const span = spanOf(record.date);
    if (!span) undated.push(record);
    else if (record.kind === 'takedown') takedowns.push({ record, span });
    else migrations.push({ record, span });
  }
  takedowns.sort(byDate);
  migrations.sort(byDate);
  const all = [...takedowns, ...migrations].sort(byDate);
  const undatedGroup: TableGroup[] = undated.length
    ? [{ id: 'undated', heading: 'Dates that cannot be drawn', rows: undated.map((r) => ({ recordId: r.id, cells: [String(r.date), r.kind === 'takedown' ? platformName(r.platform) : `${platformName(r.from)} → ${platformName(r.to)}`, r.kind === 'takedown' ? 'Takedown' : 'Migration', '', '', '', r.title] })) }]
    : [];
  if (all.length > threshold || summaryGrain) return layoutBinned({ width, takedowns, migrations, all, undatedGroup, summaryGrain, platformName, actorName, records: options.records, platforms: options.platforms, sourceName });

  // 2. Lanes: platforms in order of first appearance, so a move reads downwards.
  const laneIds = [...new Set(all.flatMap((e) => (e.record.kind === 'takedown' ? [e.record.platform] : [e.record.from, e.record.to])))];

  // 3. Scales.
  const plotRange: [number, number] = [MARGIN.left, width - MARGIN.right];
  const scale = all.length ? timeScale(Math.min(...all.map((e) => e.span.start)), Math.max(...all.map((e) => e.span.end)), plotRange) : undefined;
  const maxCount = Math.max(1, ...takedowns.map((e) => e.record.scope?.count ?? 0));
  const radius = scaleSqrt().domain([0, maxCount]).range([0, R_MAX]);

  // 4. Takedown marks per lane, stacked into rows where they (or their labels) would collide.
  const lanes: Lane[] = [];
  const marks: Mark[] = [];
  const laneCentre = new Map<string, number>();
  let y = MARGIN.top;
  for (const id of laneIds) {
    const items = takedowns
      .filter((e) => e.record.platform === id)
      .map((e) => {
        const g = spanGeometry(e.span, scale!);
        const size = scopeSize(e.record.scope, radius);
        const labelText = formatScope(e.record.scope);
        const half = Math.max(size.r + 2, (labelText.length * CHAR_WIDTH) / 2);
        return { e, g, size, labelText, left: g.x + Math.min(-half, g.span?.x0 ?? 0), right: g.x + Math.max(half, g.span?.x1 ?? 0) };
      });
    const rows = dodgeRows(items, MAX_ROWS, 6);
    const rowCount = Math.max(1, ...rows.map((r) => r + 1));
    const laneHeight = rowCount * ROW_HEIGHT;
    laneCentre.set(id, y + ROW_HEIGHT / 2 - 6);
    items.forEach((item, i) => {
      const cy = round(y + (rows[i] ?? 0) * ROW_HEIGHT + ROW_HEIGHT / 2 - 6);
      marks.push(takedownMark(item.e, item.g, item.size, item.labelText, cy, platformName, actorName, sourceName));
    });
    const migrationCount = migrations.filter((m) => m.record.from === id || m.record.to === id).length;
    lanes.push({ id, label: platformName(id), y: round(y), height: laneHeight, count: items.length + migrationCount });
    y += laneHeight;
  }

  // 5. Migration arrows from the `from` lane at the start of the move to the `to` lane at its end.
  const takedownById = new Map(takedowns.map((t) => [t.record.id, t]));
  migrations.forEach((m) => marks.push(migrationMark(m, scale!, laneCentre, platformName, actorName, takedownById, width)));

  // 6. Words.
  const initiators = INITIATORS.filter((i) => takedowns.some((t) => t.record.initiator === i));
  const rows: TableRow[] = all.map((e) => tableRow(e, platformName, actorName));
  const ended = endLanes(lanes, options.platforms, scale);
  return {
    width,
    height: all.length ? round(y + MARGIN.bottom) : MARGIN.top + 60 + MARGIN.bottom,
    margin: MARGIN,
    scale,
    lanes: ended.lanes,
    laneLabels: 'left',
    marks,
    axes: scale ? [{ y: round(y), top: MARGIN.top, ticks: timeTicks(scale), zoomable: false } satisfies Axis] : [],
    legend: legend(initiators, takedowns, migrations.length > 0),
    description: [describe(takedowns, migrations, lanes, platformName), ended.sentence].filter(Boolean).join(' '),
    empty: all.length ? undefined : 'No takedowns or migrations to show.',
    binned: false,
    summarised: false,
    table: withDisputes(
      {
        caption: `${countKind(takedowns.length, 'takedown')} and ${countKind(migrations.length, 'migration')}, by date`,
        columns: TABLE_COLUMNS,
        linkColumn: 6,
        groups: [{ rows }, ...undatedGroup],
      },
      options.records,
      sourceName,
      { platforms: platformName, actors: actorName },
    ),
  };
}

const TABLE_COLUMNS = ['Date', 'Platform', 'What', 'Initiator', 'Outcome', 'Scope', 'Title'];
/** Platform lanes when binned: the busiest ones, then one lane for the rest. */
const MAX_PLATFORM_LANES = 12;

type Entry = TakedownEntry | MigrationEntry;

/** Bars instead of symbols: per platform lane (takedowns) and one migrations lane, counts per period. */
function layoutBinned(input: {
  width: number;
  takedowns: TakedownEntry[];
  migrations: MigrationEntry[];
  all: Entry[];
  undatedGroup: TableGroup[];
  summaryGrain: Grain | undefined;
  platformName: (id: string) => string;
  actorName: (id: string) => string;
  records: readonly DataRecord[];
  platforms: TakedownsOptions['platforms'];
  sourceName: (id: string) => string;
}): ChartLayout {
  const { width, takedowns, migrations, all, undatedGroup, summaryGrain, platformName, actorName, records, sourceName } = input;
  const plotRange: [number, number] = [MARGIN.left, width - MARGIN.right];
  let lo = Infinity;
  let hi = -Infinity;
  for (const e of all) {
    lo = Math.min(lo, e.span.start);
    hi = Math.max(hi, e.span.end);
  }
  const scale = timeScale(lo, hi, plotRange);
  const counts = new Map<string, number>();
  for (const t of takedowns) counts.set(t.record.platform, (counts.get(t.record.platform) ?? 0) + 1);
  const laneOfPlatform = capLanes([...counts.keys()], counts, MAX_PLATFORM_LANES);
  const laneOf = (e: Entry) => (e.record.kind === 'migration' ? MIGRATIONS_LANE : laneOfPlatform.get(e.record.platform)!);
  const byLane = groupBy(all, laneOf);
  const others = [...laneOfPlatform].filter(([, lane]) => lane === OTHER_LANE).map(([id]) => platformName(id));
  const laneIds = [...new Set(laneOfPlatform.values())].filter((id) => id !== OTHER_LANE);
  if (others.length) laneIds.push(OTHER_LANE);
  if (migrations.length) laneIds.push(MIGRATIONS_LANE);
  const laneLabel = (id: string) => (id === MIGRATIONS_LANE ? 'Migrations' : id === OTHER_LANE ? `${others.length} other platforms` : platformName(id));
  // A chart that counts (its table by period) fills its bars (RECORDS_PER_BAR); one whose table
  // lists its records keeps the grid its width gives.
  const target = binTarget(plotRange[1] - plotRange[0]);
  const grid = summaryGrain ? filledGrid(scale, target, all.map((e) => ({ lane: laneOf(e), t: centreOf(e.span) })), summaryGrain, binBudget(laneIds.length)) : binGrid(scale, target, undefined, binBudget(laneIds.length));
  const drawn = binnedLanes<Entry>({
    scale,
    grid,
    top: MARGIN.top,
    lanes: laneIds.map((id) => ({ id, label: laneLabel(id), className: id === MIGRATIONS_LANE ? KIND_STYLES.migration.className : KIND_STYLES.takedown.className, items: byLane.get(id) ?? [] })),
    instant: (e) => centreOf(e.span),
    group: (t0) => (summaryGrain ? `p-${periodKey(t0, summaryGrain)}` : binGroupId(t0)),
    period: summaryGrain,
    detail: (items) => binDetail(items, platformName),
  });
  const y = drawn.y;
  const summary = summaryGrain
    ? summarise(all, {
        grain: summaryGrain,
        instant: (e) => centreOf(e.span),
        columns: [...laneIds.map((id) => ({ label: laneLabel(id), count: (e: Entry) => (laneOf(e) === id ? 1 : 0) })), { label: 'Total', count: () => 1 }],
        caption: `${countKind(takedowns.length, 'takedown')} and ${countKind(migrations.length, 'migration')} by ${summaryGrain} and platform`,
        records: all.length,
      })
    : undefined;
  const groups: TableGroup[] = summaryGrain
    ? []
    : [...groupBy(all, (e) => grid.start(centreOf(e.span)))].map(([t0, list]) => ({
        id: binGroupId(t0),
        heading: `${binRangeText(t0, grid.end(t0))}: ${plural(list.length, 'record', 'records')}`,
        rows: list.map((e) => tableRow(e, platformName, actorName)),
      }));
  const flows = [...groupBy(migrations, (m) => `${platformName(m.record.from)} → ${platformName(m.record.to)}`)].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const first = all[0]!.span;
  const last = all.reduce((a, e) => (e.span.end > a.end ? e.span : a), first);
  const parts = [
    `${countKind(takedowns.length, 'takedown')} and ${countKind(migrations.length, 'migration')} from ${formatDate(first)} to ${formatDate(last)}, too many to draw one by one: each bar counts the records of one period in one lane.`,
    `Lanes: ${drawn.lanes.map((l) => `${l.label} (${formatCount(l.count)})`).join(', ')}.`,
  ];
  if (others.length) parts.push(`The lane of other platforms holds ${others.join(', ')}.`);
  if (flows.length) parts.push(`Most frequent moves: ${flows.slice(0, 5).map(([flow, list]) => `${flow} (${formatCount(list.length)})`).join(', ')}.`);
  parts.push(summaryGrain ? `The table counts them by ${summaryGrain}.` : 'The table lists them all, grouped by the same periods.');
  const ended = endLanes(drawn.lanes, input.platforms, scale);
  if (ended.sentence) parts.push(ended.sentence);
  return {
    width,
    height: round(y + MARGIN.bottom),
    margin: MARGIN,
    scale,
    lanes: ended.lanes,
    laneLabels: 'left',
    marks: drawn.marks,
    axes: [{ y: round(y), top: MARGIN.top, ticks: timeTicks(scale), zoomable: false }],
    legend: [
      { label: 'Bar height: number of takedowns in the period', classes: ['dw-bin', KIND_STYLES.takedown.className], swatch: 'bin' },
      ...(migrations.length ? [{ label: 'Bar height: number of migrations in the period', classes: ['dw-bin', KIND_STYLES.migration.className], swatch: 'bin' as const }] : []),
    ],
    description: parts.join(' '),
    binned: true,
    summarised: summary !== undefined,
    drillSentence: drillSentence(summaryGrain),
    table: withDisputes(
      {
        caption: summary ? `${plural(undatedGroup[0]?.rows.length ?? 0, 'record', 'records')} whose date cannot be drawn` : `${countKind(takedowns.length, 'takedown')} and ${countKind(migrations.length, 'migration')}, by date`,
        columns: TABLE_COLUMNS,
        linkColumn: 6,
        groups: [...groups, ...undatedGroup],
        summary,
      },
      records,
      sourceName,
      { platforms: platformName, actors: actorName },
    ),
  };
}

/** Tooltip lines of a bar: what came of the takedowns, or where the migrations went. */
function binDetail(items: Entry[], platformName: (id: string) => string): string[] {
  const outcomes = new Map<string, number>();
  const moves = new Map<string, number>();
  for (const e of items) {
    if (e.record.kind === 'takedown') outcomes.set(e.record.outcome, (outcomes.get(e.record.outcome) ?? 0) + 1);
    else {
      const flow = `${platformName(e.record.from)} → ${platformName(e.record.to)}`;
      moves.set(flow, (moves.get(flow) ?? 0) + 1);
    }
  }
  const lines: string[] = [];
  if (outcomes.size) lines.push([...outcomes].sort((a, b) => b[1] - a[1]).map(([o, n]) => `${formatCount(n)} ${OUTCOME_LABELS[o as keyof typeof OUTCOME_LABELS].toLowerCase()}`).join(', '));
  if (moves.size) lines.push([...moves].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([f, n]) => `${f} (${formatCount(n)})`).join(', ') + (moves.size > 3 ? ', …' : ''));
  return lines;
}

/** The records a takedowns chart shows, each with the instant it is filed under, for drill-down pages. */
export function fileForTakedowns(records: readonly DataRecord[]): Filed[] {
  return records.filter((r) => r.kind === 'takedown' || r.kind === 'migration').map((record) => {
    const span = spanOf(record.date);
    return { record, t: span ? centreOf(span) : undefined };
  });
}

/** How many rows a takedowns chart's table of these records lists. */
export function takedownRows(records: readonly DataRecord[]): number {
  let n = 0;
  for (const r of records) if (r.kind === 'takedown' || r.kind === 'migration') n++;
  return n;
}
