/**
 * Timeline layout: records → lanes (by kind or by platform), marks, ticks, legend and table.
 *
 * Stages: 1. parse dates · 2. assign lanes · 3. scale and ticks · 4. marks (one per record and
 * lane, or bins when too dense) · 5. stack lanes vertically · 6. words: legend, description,
 * table. Pure: no DOM, same input → same output.
 */
import { utcTickInterval } from 'd3-time';
import { formatDate } from '../../data/dates.ts';
import type { DateSpan } from '../../data/dates.ts';
import type { DataRecord, RecordKind } from '../../schema/records.ts';
import { dodgeRows } from '../shared/dodge.ts';
import { formatCount, plural } from '../shared/format.ts';
import { KIND_LANE_LABELS, KIND_ORDER, KIND_STYLES, kindLabelPlural } from '../shared/palette.ts';
import { isImprecise, spanGeometry } from '../shared/precision.ts';
import { byDate, disputedDates, namer, platformsOf, spanOf } from '../shared/records.ts';
import type { ChartInput } from '../shared/records.ts';
import { round } from '../shared/round.ts';
import { project, timeScale } from '../shared/scale.ts';
import { SYMBOL_AREA, symbolPath, symbolRadius } from '../shared/shapes.ts';
import { timeTicks } from '../shared/ticks.ts';
import type { Axis, ChartLayout, Lane, LegendItem, Mark, TableGroup, TableRow } from '../shared/types.ts';
import { legendForKinds, legendForPrecision } from '../shared/legend.ts';

export type TimelineGrouping = 'kind' | 'platform';

export interface TimelineOptions extends ChartInput {
  groupBy?: TimelineGrouping;
  /** Above this many marks, marks aggregate into bins that say how many records they hold. */
  binThreshold?: number;
}

export const DEFAULT_BIN_THRESHOLD = 400;
const MARGIN = { top: 12, right: 24, bottom: 40, left: 140 };
const ROW_HEIGHT = 22;
const MAX_ROWS = 6;
const LANE_PADDING = 8;
const BIN_LANE_HEIGHT = 56;
/** Target width of one bin in SVG units: narrow enough to show shape, wide enough to hover. */
const BIN_WIDTH = 8;
const NO_PLATFORM = '(none)';
const GLYPH_SPACE = 12;

interface Entry {
  record: DataRecord;
  span: DateSpan;
}

interface Placement extends Entry {
  lane: string;
}

export function layoutTimeline(options: TimelineOptions): ChartLayout {
  const width = options.width ?? 960;
  const groupBy = options.groupBy ?? 'kind';
  const threshold = options.binThreshold ?? DEFAULT_BIN_THRESHOLD;
  const platformName = namer(options.platforms);

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
  const placements: Placement[] = entries.flatMap((e) => laneOf(e).map((lane) => ({ ...e, lane })));
  const laneIds = laneOrder(placements, groupBy);
  const laneLabel = (id: string) => (groupBy === 'kind' ? KIND_LANE_LABELS[id as RecordKind] : id === NO_PLATFORM ? 'No platform' : platformName(id));

  // 3. Scale over every date drawn, disputed ones included, so a ghost is never off the chart.
  const extent = timeExtent(entries);
  const plotRange: [number, number] = [MARGIN.left, width - MARGIN.right];
  const scale = extent ? timeScale(extent[0], extent[1], plotRange) : undefined;
  const ticks = scale ? timeTicks(scale) : [];

  const binned = placements.length > threshold;
  const byLane = new Map(laneIds.map((id) => [id, placements.filter((p) => p.lane === id)]));
  const lanes: Lane[] = [];
  const marks: Mark[] = [];
  let groups: TableGroup[];
  let y = MARGIN.top;
  const rowFor = (r: DataRecord) => tableRow(r, platformName);

  if (scale && binned) {
    // 4b. Bins: one time grid shared by all lanes, so a table group serves every lane.
    const interval = utcTickInterval(new Date(scale.domain[0]), new Date(scale.domain[1]), Math.max(1, Math.floor((plotRange[1] - plotRange[0]) / BIN_WIDTH)));
    const binStart = (t: number) => +(interval ?? { floor: (d: Date) => d }).floor(new Date(t));
    const binEnd = (t0: number) => (interval ? +interval.offset(new Date(t0), 1) : t0 + 1);
    const centre = (e: Entry) => Math.round((e.span.start + e.span.end) / 2);
    const binIds = [...new Set(entries.map((e) => binStart(centre(e))))].sort((a, b) => a - b);
    const binIndex = new Map(binIds.map((t, i) => [t, i]));
    const counts = laneIds.map((id) => countBy(byLane.get(id) ?? [], (p) => binStart(centre(p))));
    const maxCount = Math.max(1, ...counts.flatMap((m) => [...m.values()]));
    laneIds.forEach((id, i) => {
      const laneTop = y;
      const base = laneTop + BIN_LANE_HEIGHT - LANE_PADDING / 2;
      const label = laneLabel(id);
      for (const [t0, count] of [...(counts[i] ?? new Map<number, number>())].sort((a, b) => a[0] - b[0])) {
        const t1 = binEnd(t0);
        const x0 = round(project(scale, t0));
        // Linear heights are honest for counts; at least 2 units so a bin of one never vanishes.
        const h = round(Math.max(2, (count / maxCount) * (BIN_LANE_HEIGHT - LANE_PADDING)));
        const range = binRangeText(t0, t1);
        marks.push({
          key: `bin-${id}-${t0}`,
          type: 'bin',
          lane: id,
          x: x0,
          y: round(base),
          t: t0,
          rect: { width: Math.max(1, round(project(scale, t1) - x0 - 1)), height: h, y: -h, t1 },
          count,
          group: `bin-${binIndex.get(t0)}`,
          tip: `${plural(count, 'record', 'records')} · ${label}\n${range}`,
          classes: ['dw-bin', ...(groupBy === 'kind' ? [KIND_STYLES[id as RecordKind].className] : ['dw-c1'])],
        });
      }
      lanes.push({ id, label, y: round(laneTop), height: BIN_LANE_HEIGHT, count: byLane.get(id)?.length ?? 0 });
      y += BIN_LANE_HEIGHT;
    });
    groups = binIds.map((t0, i) => {
      const rows = entries.filter((e) => binStart(centre(e)) === t0).map((e) => rowFor(e.record));
      return { id: `bin-${i}`, heading: `${binRangeText(t0, binEnd(t0))}: ${plural(rows.length, 'record', 'records')}`, rows };
    });
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
        marks.push(recordMark(item.p, item.g, cy, platformName));
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
            tip: [`Disputed date of: ${item.p.record.title}`, `${formatDate(ghost.span)} according to ${ghost.sources.join(', ')}`, `(recorded date: ${formatDate(item.p.span)})`, ghost.note].filter(Boolean).join('\n'),
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
  const height = round(y + MARGIN.bottom);
  const disputes = entries.reduce((n, e) => n + disputedDates(e.record).length, 0);
  const hasDisputes = disputes > 0;
  return {
    width,
    height: entries.length ? height : MARGIN.top + 60 + MARGIN.bottom,
    margin: MARGIN,
    scale,
    lanes,
    laneLabels: 'left',
    marks,
    axes: ticks.length ? [{ y: round(y), top: MARGIN.top, ticks, zoomable: true } satisfies Axis] : [],
    legend: timelineLegend(entries, binned, hasDisputes),
    description: describe(entries, undated.length, groupBy, lanes, binned, disputes),
    empty: entries.length ? undefined : 'No dated records to show.',
    binned,
    table: {
      caption: `${plural(options.records.length, 'record', 'records')}, by date`,
      columns: ['Date', 'Kind', 'Platform', 'Title', ...(hasDisputes ? ['Other dates given'] : [])],
      linkColumn: 3,
      groups: hasDisputes ? groups : groups.map((g) => ({ ...g, rows: g.rows.map((r) => ({ ...r, cells: r.cells.slice(0, 4) })) })),
    },
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

function recordMark(p: Placement, g: ReturnType<typeof spanGeometry>, cy: number, platformName: (id: string) => string): Mark {
  const style = KIND_STYLES[p.record.kind];
  const platforms = platformsOf(p.record).map(platformName);
  const disputed = disputedDates(p.record);
  const tip = [
    p.record.title,
    `${formatDate(p.span)} · ${style.label}${platforms.length ? ` · ${platforms.join(', ')}` : ''}`,
    ...disputed.map((d) => `Disputed: ${formatDate(d.span)} according to ${d.sources.join(', ')}`),
  ];
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
    classes: ['dw-mark', style.className, `dw-kind-${p.record.kind}`, ...g.classes, ...(disputed.length ? ['has-dispute'] : [])],
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
      disputedDates(record).map((d) => `${formatDate(d.span)} (${d.sources.join(', ')})`).join('; '),
    ],
  };
}

function countBy<T>(items: T[], key: (item: T) => number): Map<number, number> {
  const counts = new Map<number, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** "3–9 November 2019" for a bin [t0, t1) of days or longer; times for shorter bins. */
export function binRangeText(t0: number, t1: number): string {
  const DAY = 86_400_000;
  if (t1 - t0 < DAY) {
    const hhmm = (t: number) => new Date(t).toISOString().slice(11, 16);
    return `${formatDate(new Date(t0).toISOString().slice(0, 10))}, ${hhmm(t0)}–${hhmm(t1)} UTC`;
  }
  const first = new Date(t0).toISOString().slice(0, 10);
  const last = new Date(t1 - DAY).toISOString().slice(0, 10);
  return formatDate(first === last ? first : `${first}/${last}`);
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

function describe(entries: Entry[], undated: number, groupBy: TimelineGrouping, lanes: Lane[], binned: boolean, disputes: number): string {
  if (!entries.length) return undated ? `None of the ${plural(undated, 'record has', 'records have')} a date that can be drawn; see the table.` : 'There are no records to show.';
  const first = entries[0]!.span;
  const last = entries.reduce((a, e) => (e.span.end > a.end ? e.span : a), first);
  const kinds = KIND_ORDER.map((k) => [k, entries.filter((e) => e.record.kind === k).length] as const).filter(([, n]) => n > 0);
  const parts = [
    `Timeline of ${plural(entries.length, 'record', 'records')} from ${formatDate(first)} to ${formatDate(last)}: ${kinds.map(([k, n]) => kindLabelPlural(k, n)).join(', ')}.`,
    groupBy === 'kind' ? 'One lane per kind of record.' : `One lane per platform: ${lanes.map((l) => `${l.label} (${formatCount(l.count)})`).join(', ')}; a record on several platforms appears in each of their lanes.`,
  ];
  if (binned) parts.push('Records are too many to draw one by one, so each bar counts the records of one period in one lane; the table lists them all, grouped by the same periods.');
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
