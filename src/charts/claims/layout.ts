/**
 * Claims of responsibility: two panels in one SVG.
 * A. Per attack (the most recent `maxAttacks` with claims): the attack at 0, then each claim in
 *    time order at its latency from the attack, labelled "+1 d 2 h · outlet · platforms". A
 *    claim dated only to the day has a latency range, drawn as a bar.
 * B. Across attacks: a dot plot of the latency to the first claim, on a log axis (minutes to
 *    months), one dot per claimed attack, stacked where they meet.
 *
 * With more than `binThreshold` claimed attacks, panel B is a histogram instead: one bar per
 * named latency range ("1 to 6 h"), saying how many attacks it stands for and leading to them in
 * the table, which is then grouped by the same ranges. With more than `tableLimit` table rows,
 * the table counts claimed attacks per period (and per latency range), each period leading to
 * its drill-down page.
 *
 * Stages: 1. parse and join claims to attacks · 2. panel A rows · 3. panel B dots · 4. words.
 */
import { scaleLog } from 'd3-scale';
import { formatDate } from '../../data/dates.ts';
import type { DateSpan } from '../../schema/edtf.ts';
import type { Attack, Claim } from '../../schema/records.ts';
import { dodgeRows } from '../shared/dodge.ts';
import { countKind, formatCount, formatLatencyRange, plural } from '../shared/format.ts';
import { legendForCategory } from '../shared/legend.ts';
import { KIND_STYLES } from '../shared/palette.ts';
import { precisionClasses, precisionGlyph } from '../shared/precision.ts';
import { byDate, disputeLines, namer, sourceNamer, spanOf, withDisputes } from '../shared/records.ts';
import type { ChartInput } from '../shared/records.ts';
import { round } from '../shared/round.ts';
import { symbolPath } from '../shared/shapes.ts';
import type { Axis, ChartLayout, Lane, LegendItem, Mark, TableGroup, TableRow } from '../shared/types.ts';
import type { DataRecord } from '../../schema/records.ts';
import { groupBy } from '../shared/bins.ts';
import { centreOf } from '../shared/periods.ts';
import type { Grain } from '../shared/periods.ts';
import { DEFAULT_TABLE_LIMIT, drillSentence, summarise } from '../shared/summary.ts';
import type { Filed } from '../shared/drill.ts';
import { latency, linearLatencyAxis, logLatencyAxis, ticksFor } from './latency.ts';
import type { Latency } from './latency.ts';
import { layoutOnce, type Defaults, type Filled } from '../shared/layout-once.ts';

export interface ClaimsOptions extends ChartInput {
  /** Panel A shows at most this many attacks (the most recent); panel B and the table show all. */
  maxAttacks?: number;
  /** Above this many claimed attacks, panel B is a histogram of latency ranges. */
  binThreshold?: number;
  /** Above this many table rows (claimed attacks and claims), the table summarises by period. */
  tableLimit?: number;
  /** 'year' (default) on a site-wide page, 'month' on a year's page, false on a month's page. */
  summaryGrain?: Grain | false;
}

export const DEFAULT_CLAIMS_BIN_THRESHOLD = 300;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** Latency ranges of the histogram: durations people name, [from, to). */
export const LATENCY_BINS: { from: number; to: number; label: string }[] = [
  { from: 0, to: 10 * MINUTE_MS, label: 'under 10 min' },
  { from: 10 * MINUTE_MS, to: HOUR_MS, label: '10 min to 1 h' },
  { from: HOUR_MS, to: 6 * HOUR_MS, label: '1 to 6 h' },
  { from: 6 * HOUR_MS, to: DAY_MS, label: '6 h to 1 d' },
  { from: DAY_MS, to: 7 * DAY_MS, label: '1 to 7 d' },
  { from: 7 * DAY_MS, to: 30 * DAY_MS, label: '7 to 30 d' },
  { from: 30 * DAY_MS, to: 365 * DAY_MS, label: '30 d to 1 y' },
  { from: 365 * DAY_MS, to: Infinity, label: '1 y or more' },
];

export function latencyBin(ms: number): number {
  const i = LATENCY_BINS.findIndex((b) => ms < b.to);
  return i === -1 ? LATENCY_BINS.length - 1 : i;
}

const MARGIN = { top: 28, right: 24, bottom: 36, left: 24 };
const HEADER = 22;
const ROW = 22;
const AXIS_GAP = 44;
const DOT_ROW = 14;
const DOT_ROWS = 8;
const HISTOGRAM_HEIGHT = 96;

interface ClaimEntry {
  record: Claim;
  span: DateSpan;
  latency: Latency;
}

interface AttackEntry {
  record: Attack;
  span: DateSpan;
  claims: ClaimEntry[];
}

/** What a claims chart is laid out with where its options leave it out. */
const CLAIMS_DEFAULTS = { maxAttacks: 20, binThreshold: DEFAULT_CLAIMS_BIN_THRESHOLD, tableLimit: DEFAULT_TABLE_LIMIT, summaryGrain: 'year', width: 960 } as const satisfies Defaults<ClaimsOptions>;

/**
 * The layout of `options`, CLAIMS_DEFAULTS filled in: computed once for records several pages draw alike
 * (shared/layout-once.ts).
 */
export function layoutClaims(options: ClaimsOptions): ChartLayout {
  return layoutOnce('claims', options, CLAIMS_DEFAULTS, drawClaimsLayout);
}

function drawClaimsLayout(options: Filled<ClaimsOptions, keyof typeof CLAIMS_DEFAULTS>): ChartLayout {
  const width = options.width;
  const maxAttacks = options.maxAttacks;
  const actorName = namer(options.actors);
  const platformName = namer(options.platforms);
  const sourceName = sourceNamer(options.sources);
  const disputed = (record: DataRecord) => disputeLines(record, sourceName, { platforms: platformName, actors: actorName }).map((line) => `\nSources disagree: ${line}`).join('');
  const threshold = options.binThreshold;
  const tableLimit = options.tableLimit;
  const summaryGrain = options.summaryGrain === false ? undefined : claimRows(options.records) > tableLimit ? options.summaryGrain : undefined;

  // 1. Join claims to the attacks they claim, in time order.
  const attacks = new Map<string, AttackEntry>();
  for (const record of options.records) {
    const span = spanOf(record.date);
    if (record.kind === 'attack' && span) attacks.set(record.id, { record, span, claims: [] });
  }
  const orphanRecords: Claim[] = [];
  for (const record of options.records) {
    if (record.kind !== 'claim') continue;
    const attack = attacks.get(record.attack);
    const span = spanOf(record.date);
    if (!attack || !span) {
      orphanRecords.push(record);
      continue;
    }
    attack.claims.push({ record, span, latency: latency(attack.span, span) });
  }
  for (const a of attacks.values()) a.claims.sort((x, y) => x.latency.min - y.latency.min || byDate(x, y));
  const claimed = [...attacks.values()].filter((a) => a.claims.length).sort(byDate);
  const unclaimed = attacks.size - claimed.length;
  const shown = claimed.slice(-maxAttacks);
  const orphans = orphanRecords.length;
  const binned = claimed.length > threshold || summaryGrain !== undefined;

  const x0 = MARGIN.left + 8;
  const x1 = width - MARGIN.right;
  const marks: Mark[] = [];
  const lanes: Lane[] = [];
  const axes: Axis[] = [];
  const headings: { text: string; x: number; y: number }[] = [];
  const claimStyle = KIND_STYLES.claim;
  let y = MARGIN.top;

  // 2. Panel A: a shared linear latency axis; the right third is left for the labels.
  if (shown.length) {
    headings.push({ text: shown.length < claimed.length ? `Claims after each attack (the ${shown.length} most recent of ${claimed.length} claimed attacks)` : 'Claims after each attack', x: MARGIN.left, y: y - 10 });
    const plotRight = x0 + (x1 - x0) * 0.6;
    const axis = linearLatencyAxis(Math.max(...shown.flatMap((a) => a.claims.map((c) => c.latency.max))), 5);
    const x = (ms: number) => x0 + (ms / axis.max) * (plotRight - x0);
    const top = y;
    for (const a of shown) {
      const laneTop = y;
      marks.push({
        key: `attack-${a.record.id}`,
        type: 'record',
        recordId: a.record.id,
        lane: a.record.id,
        x: round(x(0)),
        y: round(y + HEADER + ROW / 2),
        symbol: symbolPath(KIND_STYLES.attack.shape, 80),
        glyph: precisionGlyph(a.span),
        tip: `${a.record.title}\n${formatDate(a.span)} · Attack · ${countKind(a.claims.length, 'claim')}${disputed(a.record)}`,
        classes: ['dw-mark', KIND_STYLES.attack.className, ...precisionClasses(a.span), ...(a.record.disputed?.length ? ['has-dispute'] : [])],
      });
      y += HEADER;
      a.claims.forEach((c, i) => {
        const cy = round(y + (i + 0.5) * ROW);
        const cx = round(x(c.latency.mid));
        const ranged = c.latency.max > c.latency.min;
        const outlet = c.record.outlet ? actorName(c.record.outlet) : actorName(c.record.claimant);
        const where = (c.record.platforms ?? []).map(platformName).join(', ');
        const text = `${formatLatencyRange(c.latency.min, c.latency.max)} · ${outlet}${where ? ` · ${where}` : ''}`;
        marks.push({
          key: `claim-${c.record.id}`,
          type: 'record',
          recordId: c.record.id,
          lane: a.record.id,
          x: cx,
          y: cy,
          symbol: symbolPath(claimStyle.shape, 80),
          // The latency range of a day-dated claim is drawn like an interval on the timeline.
          span: ranged ? { t0: c.latency.min, t1: c.latency.max, x0: round(x(c.latency.min) - cx), x1: round(x(c.latency.max) - cx), style: 'imprecise' } : undefined,
          glyph: precisionGlyph(c.span),
          label: { text, dx: round(plotRight - cx + 12), dy: 4, anchor: 'start' },
          tip: `${c.record.title}\n${formatDate(c.span)} · ${text}\nClaimed by ${actorName(c.record.claimant)} · ${c.record.status}${disputed(c.record)}`,
          classes: ['dw-mark', claimStyle.className, `status-${c.record.status}`, ...precisionClasses(c.span), ...(c.record.disputed?.length ? ['has-dispute'] : [])],
        });
      });
      y += a.claims.length * ROW;
      lanes.push({ id: a.record.id, label: `${a.record.title} · ${formatDate(a.span)}`, y: round(laneTop), height: round(y - laneTop), count: a.claims.length + 1 });
    }
    axes.push({ y: round(y + 4), top, ticks: ticksFor(axis.values, x), zoomable: false });
    y += AXIS_GAP + 20;
  }

  // 3. Panel B: one dot per claimed attack at its latency to the first claim, on a log axis; or,
  // when there are too many, one bar per latency range.
  const firsts = claimed.map((a) => ({ a, first: a.claims[0]! }));
  const rangeOf = new Map(firsts.map((f) => [f.a, latencyBin(f.first.latency.mid)]));
  if (claimed.length && binned) {
    headings.push({ text: 'Time from attack to first claim, all claimed attacks', x: MARGIN.left, y: y - 10 });
    const { domain, values } = logLatencyAxis(Math.min(...firsts.map((f) => f.first.latency.mid)), Math.max(...firsts.map((f) => f.first.latency.mid)));
    const log = scaleLog().domain(domain).range([x0, x1]).clamp(true);
    const perRange = groupBy(firsts, (f) => rangeOf.get(f.a)!);
    const maxCount = Math.max(1, ...[...perRange.values()].map((l) => l.length));
    const base = y + 8 + HISTOGRAM_HEIGHT;
    for (const [i, list] of [...perRange].sort((p, q) => p[0] - q[0])) {
      const range = LATENCY_BINS[i]!;
      const left = round(log(Math.max(domain[0], range.from)));
      const right = round(log(Math.min(domain[1], range.to)));
      const h = round(Math.max(2, (list.length / maxCount) * HISTOGRAM_HEIGHT));
      const median = list.map((f) => f.first.latency.mid).sort((p, q) => p - q)[Math.floor(list.length / 2)]!;
      marks.push({
        key: `latency-${i}`,
        type: 'bin',
        lane: 'first-claims',
        x: left,
        y: round(base),
        rect: { width: Math.max(1, round(right - left - 1)), height: h, y: -h, t1: range.to },
        count: list.length,
        group: summaryGrain ? 'summary' : `lat-${i}`,
        tip: `${countKind(list.length, 'attack')} first claimed ${range.label} after the attack\nMedian ${formatLatencyRange(median, median)}`,
        classes: ['dw-bin', claimStyle.className],
      });
    }
    lanes.push({ id: 'first-claims', label: '', y: round(y), height: round(base - y), count: claimed.length });
    axes.push({ y: round(base + 4), top: y, ticks: ticksFor(values, (v) => log(v)), zoomable: false });
    y = base + 4;
  } else if (claimed.length) {
    headings.push({ text: 'Time from attack to first claim, all claimed attacks', x: MARGIN.left, y: y - 10 });
    const { domain, values } = logLatencyAxis(Math.min(...firsts.map((f) => f.first.latency.mid)), Math.max(...firsts.map((f) => f.first.latency.mid)));
    const log = scaleLog().domain(domain).range([x0, x1]).clamp(true);
    const xs = firsts.map((f) => round(log(Math.max(domain[0], f.first.latency.mid))));
    const rows = dodgeRows(xs.map((x) => ({ left: x - 5, right: x + 5 })), DOT_ROWS, 1);
    const rowCount = Math.max(1, ...rows.map((r) => r + 1));
    const base = y + 8 + rowCount * DOT_ROW;
    firsts.forEach(({ a, first }, i) => {
      marks.push({
        key: `first-${a.record.id}`,
        type: 'record',
        recordId: first.record.id,
        lane: 'first-claims',
        x: xs[i]!,
        y: round(base - ((rows[i] ?? 0) + 0.5) * DOT_ROW),
        symbol: symbolPath(claimStyle.shape, 50),
        tip: `${a.record.title}\n${firstClaimText(a.claims)}`,
        classes: ['dw-mark', claimStyle.className, 'dw-first-claim'],
      });
    });
    lanes.push({ id: 'first-claims', label: '', y: round(y), height: round(base - y), count: claimed.length });
    axes.push({ y: round(base + 4), top: y, ticks: ticksFor(values, (v) => log(v)), zoomable: false });
    y = base + 4;
  }

  /**
   * Who claimed first, and when. Claims dated to the day overlap in time: every claim that may
   * have come before the earliest-known one is named, rather than the one that sorts first.
   */
  function firstClaimText(claims: readonly ClaimEntry[]): string {
    const latest = Math.min(...claims.map((c) => c.latency.max));
    const maybeFirst = claims.filter((c) => c.latency.min <= latest);
    const earliest = Math.min(...maybeFirst.map((c) => c.latency.min));
    const names = [...new Set(maybeFirst.map((c) => `${actorName(c.record.claimant)}${c.record.outlet ? ` (${actorName(c.record.outlet)})` : ''}`))];
    const when = `First claimed ${formatLatencyRange(earliest, latest)} after the attack`;
    return names.length === 1 ? `${when}, by ${names[0]}` : `${when}; the sources do not tell which came first: ${names.join(' or ')}`;
  }

  // 4. Words.
  const rowsOf = (a: AttackEntry): TableRow[] => [
    { recordId: a.record.id, cells: [formatDate(a.span), 'Attack', '', '', '', a.record.title] },
    ...a.claims.map((c) => ({
      recordId: c.record.id,
      cells: [formatDate(c.span), formatLatencyRange(c.latency.min, c.latency.max), c.record.outlet ? `${actorName(c.record.claimant)} (${actorName(c.record.outlet)})` : actorName(c.record.claimant), (c.record.platforms ?? []).map(platformName).join(', '), c.record.status, c.record.title],
    })),
  ];
  const orphanGroup: TableGroup[] = orphans
    ? [{ id: 'unmatched', heading: 'Claims not matched to a dated attack', rows: orphanRecords.map((c) => ({ recordId: c.id, cells: [spanOf(c.date) ? formatDate(spanOf(c.date)!) : String(c.date), '', c.outlet ? `${actorName(c.claimant)} (${actorName(c.outlet)})` : actorName(c.claimant), (c.platforms ?? []).map(platformName).join(', '), c.status, c.title] })) }]
    : [];
  let groups: TableGroup[];
  if (summaryGrain) groups = orphanGroup;
  else if (binned) {
    groups = [...groupBy(claimed, (a) => rangeOf.get(a)!)]
      .sort((p, q) => p[0] - q[0])
      .map(([i, list]) => ({ id: `lat-${i}`, heading: `First claimed ${LATENCY_BINS[i]!.label} after the attack: ${countKind(list.length, 'attack')}`, rows: list.flatMap(rowsOf) }));
    groups.push(...orphanGroup);
  } else {
    groups = [...claimed.map((a) => ({ heading: `${a.record.title} · ${formatDate(a.span)}`, rows: rowsOf(a) })), ...orphanGroup];
  }
  const presentRanges = LATENCY_BINS.map((_, i) => i).filter((i) => claimed.some((a) => rangeOf.get(a) === i));
  const summary = summaryGrain
    ? summarise(claimed, {
        grain: summaryGrain,
        instant: (a) => centreOf(a.span),
        columns: [
          { label: 'Claimed attacks', count: () => 1 },
          { label: 'Claims', count: (a) => a.claims.length },
          ...presentRanges.map((i) => ({ label: `First claim ${LATENCY_BINS[i]!.label}`, count: (a: AttackEntry) => (rangeOf.get(a) === i ? 1 : 0) })),
        ],
        caption: `${plural(claimed.length, 'claimed attack', 'claimed attacks')} by ${summaryGrain}: their claims, and the time to their first claim`,
        records: claimed.length + claimed.reduce((n, a) => n + a.claims.length, 0),
      })
    : undefined;
  const claimCount = claimed.reduce((n, a) => n + a.claims.length, 0);
  const legend: LegendItem[] = claimed.length ? [legendForCategory(KIND_STYLES.attack), legendForCategory(claimStyle)] : [];
  if (shown.some((a) => a.claims.some((c) => c.latency.max > c.latency.min))) legend.push({ label: 'Bar: the delay is known only as a range (a claim dated to the day)', classes: ['dw-mark', 'dw-neutral', 'is-month'], symbol: symbolPath('circle'), swatch: 'whisker' });
  return {
    width,
    height: claimed.length ? round(y + MARGIN.bottom) : MARGIN.top + 60 + MARGIN.bottom,
    margin: MARGIN,
    lanes,
    laneLabels: 'top',
    marks,
    axes,
    headings,
    legend,
    description: describe(claimed, shown, unclaimed, orphans, actorName, binned ? presentRanges.map((i) => `${formatCount([...rangeOf.values()].filter((r) => r === i).length)} ${LATENCY_BINS[i]!.label}`) : undefined, summaryGrain),
    empty: claimed.length ? undefined : 'No claims of responsibility to show.',
    binned,
    summarised: summary !== undefined,
    drillSentence: drillSentence(summaryGrain),
    table: withDisputes(
      {
        summary,
        caption: summary ? `${countKind(orphans, 'claim')} not matched to a dated attack` : `${countKind(claimCount, 'claim')} of ${countKind(claimed.length, 'attack')}`,
        columns: ['Date', 'After the attack', 'Claimed by', 'Platforms', 'Status', 'Title'],
        linkColumn: 5,
        groups,
      },
      options.records,
      sourceName,
      { platforms: platformName, actors: actorName },
    ),
  };
}

function describe(claimed: AttackEntry[], shown: AttackEntry[], unclaimed: number, orphans: number, actorName: (id: string) => string, ranges: string[] | undefined, summaryGrain: Grain | undefined): string {
  if (!claimed.length) {
    if (!unclaimed) return 'There are no claims of responsibility to show.';
    return unclaimed === 1 ? 'The one attack shown has no recorded claim of responsibility.' : `None of the ${countKind(unclaimed, 'attack')} has a recorded claim of responsibility.`;
  }
  const parts = [`Claims of responsibility for ${countKind(claimed.length, 'attack')}, with the time from each attack to each claim.`];
  for (const a of shown.slice(-5)) {
    parts.push(`${a.record.title} (${formatDate(a.span)}): ${a.claims.map((c) => `${c.record.outlet ? actorName(c.record.outlet) : actorName(c.record.claimant)} ${formatLatencyRange(c.latency.min, c.latency.max)}`).join('; ')}.`);
  }
  if (ranges) parts.push(`Time to the first claim, in attacks: ${ranges.join(', ')}.`);
  if (summaryGrain) parts.push(`The table counts claimed attacks and claims by ${summaryGrain}.`);
  else if (claimed.length > 5) parts.push('The table lists every claim.');
  if (unclaimed) parts.push(`${plural(unclaimed, 'attack has', 'attacks have')} no recorded claim.`);
  if (orphans) parts.push(`${countKind(orphans, 'claim')} could not be matched to a dated attack and ${orphans === 1 ? 'is' : 'are'} not drawn, only listed in the table.`);
  return parts.join(' ');
}

/**
 * The records a claims chart shows, each filed under its attack's date (a claim with no dated
 * attack under its own), so an attack and its claims are always on the same drill-down page.
 */
export function fileForClaims(records: readonly DataRecord[]): Filed[] {
  const attackT = new Map<string, number>();
  for (const r of records) {
    if (r.kind !== 'attack') continue;
    const span = spanOf(r.date);
    if (span) attackT.set(r.id, centreOf(span));
  }
  const filed: Filed[] = [];
  for (const record of records) {
    if (record.kind === 'attack') filed.push({ record, t: attackT.get(record.id) });
    else if (record.kind === 'claim') {
      const own = spanOf(record.date);
      filed.push({ record, t: attackT.get(record.attack) ?? (own ? centreOf(own) : undefined) });
    }
  }
  return filed;
}

/** How many rows a claims chart's table of these records lists: claimed attacks and all claims. */
export function claimRows(records: readonly DataRecord[]): number {
  const attacks = new Set<string>();
  const claimedAttacks = new Set<string>();
  let claims = 0;
  for (const r of records) {
    if (r.kind === 'attack' && spanOf(r.date)) attacks.add(r.id);
  }
  for (const r of records) {
    if (r.kind !== 'claim') continue;
    claims++;
    if (attacks.has(r.attack) && spanOf(r.date)) claimedAttacks.add(r.attack);
  }
  return claims + claimedAttacks.size;
}
