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
 */
import { scaleSqrt } from 'd3-scale';
import { formatDate } from '../../data/dates.ts';
import type { DateSpan } from '../../data/dates.ts';
import type { Migration, Scope, Takedown } from '../../schema/records.ts';
import { INITIATORS } from '../../schema/records.ts';
import { dodgeRows } from '../shared/dodge.ts';
import { formatCount, plural } from '../shared/format.ts';
import { legendForCategory } from '../shared/legend.ts';
import { INITIATOR_STYLES, KIND_STYLES, OUTCOME_LABELS } from '../shared/palette.ts';
import { spanGeometry } from '../shared/precision.ts';
import { byDate, namer, spanOf } from '../shared/records.ts';
import type { ChartInput } from '../shared/records.ts';
import { round } from '../shared/round.ts';
import { project, timeScale } from '../shared/scale.ts';
import { symbolPath } from '../shared/shapes.ts';
import { timeTicks } from '../shared/ticks.ts';
import type { Axis, ChartLayout, Lane, LegendItem, Mark, TableGroup, TableRow } from '../shared/types.ts';
import type { DataRecord } from '../../schema/records.ts';
import { binGrid, binnedLanes, binRangeText, binBudget, binTarget, capLanes, groupBy, OTHER_LANE } from '../shared/bins.ts';
import { centreOf, periodKey } from '../shared/periods.ts';
import type { Grain } from '../shared/periods.ts';
import { DEFAULT_TABLE_LIMIT, summarise } from '../shared/summary.ts';
import type { Filed } from '../shared/drill.ts';

export interface TakedownsOptions extends ChartInput {
  /** Above this many marks (takedowns and migrations), they aggregate into bars with counts. */
  binThreshold?: number;
  /** Above this many records, the table summarises by period (see the timeline's option). */
  tableLimit?: number;
  /** 'year' (default) on a site-wide page, 'month' on a year's page, false on a month's page. */
  summaryGrain?: Grain | false;
}

export const DEFAULT_TAKEDOWN_BIN_THRESHOLD = 300;
const MIGRATIONS_LANE = '(migrations)';

const MARGIN = { top: 12, right: 24, bottom: 40, left: 120 };
const R_MIN = 4;
const R_MAX = 18;
/** A scope known only in words gets a middling, fixed size: big enough to see, never a guess. */
const R_WORDS = 9;
const R_NONE = 6;
const ROW_HEIGHT = 2 * R_MAX + 20;
const MAX_ROWS = 4;
const CHAR_WIDTH = 6.2;

type TakedownEntry = { record: Takedown; span: DateSpan };
type MigrationEntry = { record: Migration; span: DateSpan };

export function layoutTakedowns(options: TakedownsOptions): ChartLayout {
  const width = options.width ?? 960;
  const platformName = namer(options.platforms);
  const actorName = namer(options.actors);
  const threshold = options.binThreshold ?? DEFAULT_TAKEDOWN_BIN_THRESHOLD;
  const tableLimit = Math.max(threshold, options.tableLimit ?? DEFAULT_TABLE_LIMIT);
  const rowCount = takedownRows(options.records);
  const summaryGrain = options.summaryGrain === false ? undefined : rowCount > tableLimit ? (options.summaryGrain ?? 'year') : undefined;

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
  if (all.length > threshold || summaryGrain) return layoutBinned({ width, takedowns, migrations, all, undatedGroup, summaryGrain, platformName, actorName });

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
        const labelText = scopeText(e.record.scope);
        const half = Math.max(size.r + 2, (labelText.length * CHAR_WIDTH) / 2);
        return { e, g, size, labelText, left: g.x + Math.min(-half, g.span?.x0 ?? 0), right: g.x + Math.max(half, g.span?.x1 ?? 0) };
      });
    const rows = dodgeRows(items, MAX_ROWS, 6);
    const rowCount = Math.max(1, ...rows.map((r) => r + 1));
    const laneHeight = rowCount * ROW_HEIGHT;
    laneCentre.set(id, y + ROW_HEIGHT / 2 - 6);
    items.forEach((item, i) => {
      const cy = round(y + (rows[i] ?? 0) * ROW_HEIGHT + ROW_HEIGHT / 2 - 6);
      marks.push(takedownMark(item.e, item.g, item.size, item.labelText, cy, platformName, actorName));
    });
    const migrationCount = migrations.filter((m) => m.record.from === id || m.record.to === id).length;
    lanes.push({ id, label: platformName(id), y: round(y), height: laneHeight, count: items.length + migrationCount });
    y += laneHeight;
  }

  // 5. Migration arrows from the `from` lane at the start of the move to the `to` lane at its end.
  const takedownById = new Map(takedowns.map((t) => [t.record.id, t]));
  migrations.forEach((m) => marks.push(migrationMark(m, scale!, laneCentre, platformName, actorName, takedownById)));

  // 6. Words.
  const initiators = INITIATORS.filter((i) => takedowns.some((t) => t.record.initiator === i));
  const rows: TableRow[] = all.map((e) => tableRow(e, platformName, actorName));
  return {
    width,
    height: all.length ? round(y + MARGIN.bottom) : MARGIN.top + 60 + MARGIN.bottom,
    margin: MARGIN,
    scale,
    lanes,
    laneLabels: 'left',
    marks,
    axes: scale ? [{ y: round(y), top: MARGIN.top, ticks: timeTicks(scale), zoomable: false } satisfies Axis] : [],
    legend: legend(initiators, takedowns, migrations.length > 0),
    description: describe(takedowns, migrations, lanes, platformName),
    empty: all.length ? undefined : 'No takedowns or migrations to show.',
    binned: false,
    summarised: false,
    table: {
      caption: `${plural(takedowns.length, 'takedown', 'takedowns')} and ${plural(migrations.length, 'migration', 'migrations')}, by date`,
      columns: TABLE_COLUMNS,
      linkColumn: 6,
      groups: [{ rows }, ...undatedGroup],
    },
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
}): ChartLayout {
  const { width, takedowns, migrations, all, undatedGroup, summaryGrain, platformName, actorName } = input;
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
  const grid = binGrid(scale, binTarget(plotRange[1] - plotRange[0]), summaryGrain, binBudget(laneIds.length));
  const binIds = [...new Set(all.map((e) => grid.start(centreOf(e.span))))].sort((a, b) => a - b);
  const binIndex = new Map(binIds.map((t, i) => [t, i]));
  const drawn = binnedLanes<Entry>({
    scale,
    grid,
    top: MARGIN.top,
    lanes: laneIds.map((id) => ({ id, label: laneLabel(id), className: id === MIGRATIONS_LANE ? KIND_STYLES.migration.className : KIND_STYLES.takedown.className, items: byLane.get(id) ?? [] })),
    instant: (e) => centreOf(e.span),
    group: (t0) => (summaryGrain ? `p-${periodKey(t0, summaryGrain)}` : `bin-${binIndex.get(t0)}`),
    period: summaryGrain,
    detail: (items) => binDetail(items, platformName),
  });
  const y = drawn.y;
  const summary = summaryGrain
    ? summarise(all, {
        grain: summaryGrain,
        instant: (e) => centreOf(e.span),
        columns: [...laneIds.map((id) => ({ label: laneLabel(id), count: (e: Entry) => (laneOf(e) === id ? 1 : 0) })), { label: 'Total', count: () => 1 }],
        caption: `${plural(takedowns.length, 'takedown', 'takedowns')} and ${plural(migrations.length, 'migration', 'migrations')} by ${summaryGrain} and platform`,
        records: all.length,
      })
    : undefined;
  const groups: TableGroup[] = summaryGrain
    ? []
    : [...groupBy(all, (e) => grid.start(centreOf(e.span)))].map(([t0, list]) => ({
        id: `bin-${binIndex.get(t0)}`,
        heading: `${binRangeText(t0, grid.end(t0))}: ${plural(list.length, 'record', 'records')}`,
        rows: list.map((e) => tableRow(e, platformName, actorName)),
      }));
  const flows = [...groupBy(migrations, (m) => `${platformName(m.record.from)} → ${platformName(m.record.to)}`)].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const first = all[0]!.span;
  const last = all.reduce((a, e) => (e.span.end > a.end ? e.span : a), first);
  const parts = [
    `${plural(takedowns.length, 'takedown', 'takedowns')} and ${plural(migrations.length, 'migration', 'migrations')} from ${formatDate(first)} to ${formatDate(last)}, too many to draw one by one: each bar counts the records of one period in one lane.`,
    `Lanes: ${drawn.lanes.map((l) => `${l.label} (${formatCount(l.count)})`).join(', ')}.`,
  ];
  if (others.length) parts.push(`The lane of other platforms holds ${others.join(', ')}.`);
  if (flows.length) parts.push(`Most frequent moves: ${flows.slice(0, 5).map(([flow, list]) => `${flow} (${formatCount(list.length)})`).join(', ')}.`);
  parts.push(summaryGrain ? `The table counts them by ${summaryGrain}; each ${summaryGrain} leads to a page that shows its records.` : 'The table lists them all, grouped by the same periods.');
  return {
    width,
    height: round(y + MARGIN.bottom),
    margin: MARGIN,
    scale,
    lanes: drawn.lanes,
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
    table: {
      caption: summary ? `${plural(undatedGroup[0]?.rows.length ?? 0, 'record', 'records')} whose date cannot be drawn` : `${plural(takedowns.length, 'takedown', 'takedowns')} and ${plural(migrations.length, 'migration', 'migrations')}, by date`,
      columns: TABLE_COLUMNS,
      linkColumn: 6,
      groups: [...groups, ...undatedGroup],
      summary,
    },
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

interface ScopeSize {
  r: number;
  /** How the scope is known: drives the drawing, never the size of a guessed number. */
  kind: 'exact' | 'approximate' | 'at-least' | 'unknown-precision' | 'words' | 'none';
}

export function scopeSize(scope: Scope | undefined, radius: (n: number) => number): ScopeSize {
  if (!scope) return { r: R_NONE, kind: 'none' };
  if (scope.count === undefined) return { r: R_WORDS, kind: 'words' };
  const r = Math.max(R_MIN, radius(scope.count));
  const precision = scope.precision ?? 'unknown';
  return { r, kind: precision === 'unknown' ? 'unknown-precision' : precision };
}

/** "at least 26,000 items", "about 5,000 accounts", "hundreds of accounts". */
export function scopeText(scope: Scope | undefined): string {
  if (!scope) return '';
  const unit = scope.unit ?? '';
  if (scope.count === undefined) return `${scope.text ?? ''}${unit ? ` of ${unit}` : ''}`;
  const n = `${formatCount(scope.count)}${unit ? ` ${unit}` : ''}`;
  switch (scope.precision) {
    case 'approximate':
      return `about ${n}`;
    case 'at-least':
      return `at least ${n}`;
    case 'exact':
      return n;
    default:
      return `${n} (precision unknown)`;
  }
}

function takedownMark(e: TakedownEntry, g: ReturnType<typeof spanGeometry>, size: ScopeSize, labelText: string, cy: number, platformName: (id: string) => string, actorName: (id: string) => string): Mark {
  const style = INITIATOR_STYLES[e.record.initiator];
  const area = Math.PI * size.r * size.r;
  const disputedOutcome = (e.record.disputed ?? []).filter((d) => d.field === 'outcome').map((d) => `Some sources say: ${String(d.value)} (${d.sources.join(', ')})`);
  const tip = [
    e.record.title,
    `${formatDate(e.span)} · ${platformName(e.record.platform)}`,
    `Initiator: ${style.label}${e.record.referrer ? ` (${actorName(e.record.referrer)})` : ''} · ${OUTCOME_LABELS[e.record.outcome]}`,
    `Scope: ${labelText || 'not published'}`,
    ...disputedOutcome,
  ];
  return {
    key: `takedown-${e.record.id}`,
    type: 'record',
    recordId: e.record.id,
    lane: e.record.platform,
    x: g.x,
    y: cy,
    t: g.t,
    symbol: symbolPath(style.shape, area),
    halo: size.kind === 'at-least' ? symbolPath(style.shape, Math.PI * (size.r + 5) ** 2) : undefined,
    span: g.span,
    glyph: g.glyph,
    label: labelText ? { text: labelText, dx: 0, dy: round(size.r + 13), anchor: 'middle' } : undefined,
    tip: tip.join('\n'),
    classes: ['dw-mark', style.className, `dw-initiator-${e.record.initiator}`, `outcome-${e.record.outcome}`, `scope-${size.kind}`, ...g.classes],
  };
}

function migrationMark(m: MigrationEntry, scale: NonNullable<ChartLayout['scale']>, laneCentre: Map<string, number>, platformName: (id: string) => string, actorName: (id: string) => string, takedowns: Map<string, TakedownEntry>): Mark {
  const x0 = project(scale, m.span.start);
  const x1 = Math.max(project(scale, m.span.end), x0 + 12);
  const y0 = laneCentre.get(m.record.from) ?? 0;
  const y1 = laneCentre.get(m.record.to) ?? 0;
  const cx = round((x0 + x1) / 2);
  const cy = round((y0 + y1) / 2);
  // A gentle S-curve; the head points along the last segment.
  const dir = y1 >= y0 ? 1 : -1;
  const tipY = y1 - dir * 8;
  const rel = (x: number, yy: number) => `${round(x - cx)},${round(yy - cy)}`;
  const midY = (y0 + tipY) / 2;
  const path = `M${rel(x0, y0)}C${rel(x0, midY)} ${rel(x1, midY)} ${rel(x1, tipY - dir * 6)}`;
  const head = `M${rel(x1, tipY)}L${rel(x1 - 5, tipY - dir * 8)}L${rel(x1 + 5, tipY - dir * 8)}Z`;
  const trigger = m.record.trigger ? takedowns.get(m.record.trigger) : undefined;
  const who = m.record.actors.map(actorName).join(', ');
  return {
    key: `migration-${m.record.id}`,
    type: 'arrow',
    recordId: m.record.id,
    lane: m.record.to,
    x: cx,
    y: cy,
    t: Math.round((m.span.start + m.span.end) / 2),
    path,
    head,
    label: { text: `${who}: ${platformName(m.record.from)} → ${platformName(m.record.to)}`, dx: 8, dy: 4, anchor: 'start' },
    tip: [m.record.title, `${formatDate(m.span)} · Migration · ${platformName(m.record.from)} → ${platformName(m.record.to)}`, `Who: ${who}`, ...(trigger ? [`Set off by: ${trigger.record.title}`] : [])].join('\n'),
    classes: ['dw-arrow', KIND_STYLES.migration.className, 'dw-kind-migration'],
  };
}

function tableRow(e: TakedownEntry | MigrationEntry, platformName: (id: string) => string, actorName: (id: string) => string): TableRow {
  if (e.record.kind === 'migration') {
    return { recordId: e.record.id, cells: [formatDate(e.span), `${platformName(e.record.from)} → ${platformName(e.record.to)}`, 'Migration', '', '', e.record.actors.map(actorName).join(', '), e.record.title] };
  }
  const r = e.record;
  return {
    recordId: r.id,
    cells: [formatDate(e.span), platformName(r.platform), 'Takedown', INITIATOR_STYLES[r.initiator].label + (r.referrer ? ` (${actorName(r.referrer)})` : ''), OUTCOME_LABELS[r.outcome], scopeText(r.scope) || 'not published', r.title],
  };
}

function legend(initiators: readonly (typeof INITIATORS)[number][], takedowns: TakedownEntry[], hasMigrations: boolean): LegendItem[] {
  const items: LegendItem[] = initiators.map((i) => legendForCategory(INITIATOR_STYLES[i], ['outcome-removed', 'scope-exact']));
  const neutral = symbolPath('square');
  const has = (f: (t: TakedownEntry) => boolean) => takedowns.some(f);
  const kinds = new Set(takedowns.map((t) => scopeSize(t.record.scope, () => 0).kind));
  if (has((t) => t.record.outcome === 'removed')) items.push({ label: 'Solid: removed', classes: ['dw-mark', 'dw-neutral', 'outcome-removed'], symbol: neutral, swatch: 'symbol' });
  if (has((t) => t.record.outcome === 'referred')) items.push({ label: 'Hollow: referred, not (yet) a removal', classes: ['dw-mark', 'dw-neutral', 'outcome-referred'], symbol: neutral, swatch: 'symbol' });
  if (has((t) => t.record.outcome === 'restored')) items.push({ label: 'Hollow with a dot: restored', classes: ['dw-mark', 'dw-neutral', 'outcome-restored'], symbol: neutral, swatch: 'symbol' });
  if (has((t) => t.record.outcome === 'unknown')) items.push({ label: 'Faint: outcome unknown', classes: ['dw-mark', 'dw-neutral', 'outcome-unknown'], symbol: neutral, swatch: 'symbol' });
  if (kinds.has('exact') || kinds.has('approximate') || kinds.has('at-least') || kinds.has('unknown-precision')) items.push({ label: 'Area: number of items or accounts', classes: ['dw-mark', 'dw-neutral', 'outcome-removed'], symbol: symbolPath('square', 400), swatch: 'symbol' });
  if (kinds.has('approximate')) items.push({ label: 'Dashed: an approximate count', classes: ['dw-mark', 'dw-neutral', 'scope-approximate'], symbol: neutral, swatch: 'symbol' });
  if (kinds.has('at-least')) items.push({ label: 'Open ring: at least this many', classes: ['dw-mark', 'dw-neutral', 'scope-at-least'], symbol: neutral, swatch: 'ring' });
  if (kinds.has('words')) items.push({ label: 'Dotted, fixed size: only words known ("hundreds")', classes: ['dw-mark', 'dw-neutral', 'scope-words'], symbol: neutral, swatch: 'symbol' });
  if (kinds.has('none')) items.push({ label: 'Small: scope not published', classes: ['dw-mark', 'dw-neutral', 'scope-none'], symbol: symbolPath('square', 40), swatch: 'symbol' });
  if (hasMigrations) items.push({ label: 'Arrow: migration from one platform to another', classes: ['dw-arrow', KIND_STYLES.migration.className], swatch: 'arrow' });
  return items;
}

function describe(takedowns: TakedownEntry[], migrations: MigrationEntry[], lanes: Lane[], platformName: (id: string) => string): string {
  if (!takedowns.length && !migrations.length) return 'There are no takedowns or migrations to show.';
  const parts = [`${plural(takedowns.length, 'takedown', 'takedowns')} and ${plural(migrations.length, 'migration', 'migrations')} over time, one lane per platform: ${lanes.map((l) => l.label).join(', ')}.`];
  for (const t of takedowns) {
    parts.push(`${formatDate(t.span)}, ${platformName(t.record.platform)}: ${INITIATOR_STYLES[t.record.initiator].label.toLowerCase()}, ${OUTCOME_LABELS[t.record.outcome].toLowerCase()}${t.record.scope ? `, ${scopeText(t.record.scope)}` : ''}.`);
    if (parts.length > 12) break;
  }
  for (const m of migrations.slice(0, 5)) parts.push(`${formatDate(m.span)}: move from ${platformName(m.record.from)} to ${platformName(m.record.to)}.`);
  if (takedowns.length > 11 || migrations.length > 5) parts.push('The table lists them all.');
  return parts.join(' ');
}
