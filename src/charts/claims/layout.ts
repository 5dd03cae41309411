/**
 * Claims of responsibility: two panels in one SVG.
 * A. Per attack (the most recent `maxAttacks` with claims): the attack at 0, then each claim in
 *    time order at its latency from the attack, labelled "+1 d 2 h · outlet · platforms". A
 *    claim dated only to the day has a latency range, drawn as a bar.
 * B. Across attacks: a dot plot of the latency to the first claim, on a log axis (minutes to
 *    months), one dot per claimed attack, stacked where they meet.
 *
 * Stages: 1. parse and join claims to attacks · 2. panel A rows · 3. panel B dots · 4. words.
 */
import { scaleLog } from 'd3-scale';
import { formatDate } from '../../data/dates.ts';
import type { DateSpan } from '../../data/dates.ts';
import type { Attack, Claim } from '../../schema/records.ts';
import { dodgeRows } from '../shared/dodge.ts';
import { formatLatencyRange, plural } from '../shared/format.ts';
import { legendForCategory } from '../shared/legend.ts';
import { KIND_STYLES } from '../shared/palette.ts';
import { precisionClasses, precisionGlyph } from '../shared/precision.ts';
import { byDate, namer, spanOf } from '../shared/records.ts';
import type { ChartInput } from '../shared/records.ts';
import { round } from '../shared/round.ts';
import { symbolPath } from '../shared/shapes.ts';
import type { Axis, ChartLayout, Lane, LegendItem, Mark, TableGroup } from '../shared/types.ts';
import { latency, linearLatencyAxis, logLatencyAxis, ticksFor } from './latency.ts';
import type { Latency } from './latency.ts';

export interface ClaimsOptions extends ChartInput {
  /** Panel A shows at most this many attacks (the most recent); panel B and the table show all. */
  maxAttacks?: number;
}

const MARGIN = { top: 28, right: 24, bottom: 36, left: 24 };
const HEADER = 22;
const ROW = 22;
const AXIS_GAP = 44;
const DOT_ROW = 14;
const DOT_ROWS = 8;

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

export function layoutClaims(options: ClaimsOptions): ChartLayout {
  const width = options.width ?? 960;
  const maxAttacks = options.maxAttacks ?? 20;
  const actorName = namer(options.actors);
  const platformName = namer(options.platforms);

  // 1. Join claims to the attacks they claim, in time order.
  const attacks = new Map<string, AttackEntry>();
  for (const record of options.records) {
    const span = spanOf(record.date);
    if (record.kind === 'attack' && span) attacks.set(record.id, { record, span, claims: [] });
  }
  let orphans = 0;
  for (const record of options.records) {
    if (record.kind !== 'claim') continue;
    const attack = attacks.get(record.attack);
    const span = spanOf(record.date);
    if (!attack || !span) {
      orphans++;
      continue;
    }
    attack.claims.push({ record, span, latency: latency(attack.span, span) });
  }
  for (const a of attacks.values()) a.claims.sort((x, y) => x.latency.min - y.latency.min || byDate(x, y));
  const claimed = [...attacks.values()].filter((a) => a.claims.length).sort(byDate);
  const unclaimed = attacks.size - claimed.length;
  const shown = claimed.slice(-maxAttacks);

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
        tip: `${a.record.title}\n${formatDate(a.span)} · Attack · ${plural(a.claims.length, 'claim', 'claims')}`,
        classes: ['dw-mark', KIND_STYLES.attack.className, 'dw-kind-attack', ...precisionClasses(a.span)],
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
          tip: `${c.record.title}\n${formatDate(c.span)} · ${text}\nClaimed by ${actorName(c.record.claimant)} · ${c.record.status}`,
          classes: ['dw-mark', claimStyle.className, 'dw-kind-claim', `status-${c.record.status}`, ...precisionClasses(c.span)],
        });
      });
      y += a.claims.length * ROW;
      lanes.push({ id: a.record.id, label: `${a.record.title} · ${formatDate(a.span)}`, y: round(laneTop), height: round(y - laneTop), count: a.claims.length + 1 });
    }
    axes.push({ y: round(y + 4), top, ticks: ticksFor(axis.values, x), zoomable: false });
    y += AXIS_GAP + 20;
  }

  // 3. Panel B: one dot per claimed attack at its latency to the first claim, on a log axis.
  if (claimed.length) {
    headings.push({ text: 'Time from attack to first claim, all claimed attacks', x: MARGIN.left, y: y - 10 });
    const firsts = claimed.map((a) => ({ a, first: a.claims[0]! }));
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
        tip: `${a.record.title}\nFirst claimed ${formatLatencyRange(first.latency.min, first.latency.max)} after the attack, by ${actorName(first.record.claimant)}${first.record.outlet ? ` (${actorName(first.record.outlet)})` : ''}`,
        classes: ['dw-mark', claimStyle.className, 'dw-kind-claim', 'dw-first-claim'],
      });
    });
    lanes.push({ id: 'first-claims', label: '', y: round(y), height: round(base - y), count: claimed.length });
    axes.push({ y: round(base + 4), top: y, ticks: ticksFor(values, (v) => log(v)), zoomable: false });
    y = base + 4;
  }

  // 4. Words.
  const groups: TableGroup[] = claimed.map((a) => ({
    heading: `${a.record.title} · ${formatDate(a.span)}`,
    rows: [
      { recordId: a.record.id, cells: [formatDate(a.span), 'Attack', '', '', '', a.record.title] },
      ...a.claims.map((c) => ({
        recordId: c.record.id,
        cells: [formatDate(c.span), formatLatencyRange(c.latency.min, c.latency.max), c.record.outlet ? `${actorName(c.record.claimant)} (${actorName(c.record.outlet)})` : actorName(c.record.claimant), (c.record.platforms ?? []).map(platformName).join(', '), c.record.status, c.record.title],
      })),
    ],
  }));
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
    description: describe(claimed, shown, unclaimed, orphans, actorName),
    empty: claimed.length ? undefined : 'No claims of responsibility to show.',
    binned: false,
    table: {
      caption: `${plural(claimCount, 'claim', 'claims')} of ${plural(claimed.length, 'attack', 'attacks')}`,
      columns: ['Date', 'After the attack', 'Claimed by', 'Platforms', 'Status', 'Title'],
      linkColumn: 5,
      groups,
    },
  };
}

function describe(claimed: AttackEntry[], shown: AttackEntry[], unclaimed: number, orphans: number, actorName: (id: string) => string): string {
  if (!claimed.length) {
    if (!unclaimed) return 'There are no claims of responsibility to show.';
    return unclaimed === 1 ? 'The one attack shown has no recorded claim of responsibility.' : `None of the ${plural(unclaimed, 'attack', 'attacks')} has a recorded claim of responsibility.`;
  }
  const parts = [`Claims of responsibility for ${plural(claimed.length, 'attack', 'attacks')}, with the time from each attack to each claim.`];
  for (const a of shown.slice(-5)) {
    parts.push(`${a.record.title} (${formatDate(a.span)}): ${a.claims.map((c) => `${c.record.outlet ? actorName(c.record.outlet) : actorName(c.record.claimant)} ${formatLatencyRange(c.latency.min, c.latency.max)}`).join('; ')}.`);
  }
  if (claimed.length > 5) parts.push('The table lists every claim.');
  if (unclaimed) parts.push(`${plural(unclaimed, 'attack has', 'attacks have')} no recorded claim.`);
  if (orphans) parts.push(`${plural(orphans, 'claim', 'claims')} could not be matched to a dated attack and ${orphans === 1 ? 'is' : 'are'} not drawn.`);
  return parts.join(' ');
}
