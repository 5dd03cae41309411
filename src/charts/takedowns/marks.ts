/**
 * The takedowns chart's parts for one record: a takedown's symbol, sized by its scope and never
 * by a guessed number; a migration's arrow between lanes; their table rows, the legend and the
 * description. ./layout.ts places them.
 */
import type { DateSpan } from '../../schema/edtf.ts';
import { formatDate } from '../../data/dates.ts';
import { formatScope } from '../../data/facts.ts';
import { disputeLines } from '../shared/records.ts';
import type { Migration, Scope, Takedown } from '../../schema/records.ts';
import { INITIATORS } from '../../schema/records.ts';
import { countKind, formatCount } from '../shared/format.ts';
import { legendForCategory } from '../shared/legend.ts';
import { INITIATOR_STYLES, KIND_STYLES, OUTCOME_LABELS } from '../shared/palette.ts';
import type { spanGeometry } from '../shared/precision.ts';
import { round } from '../shared/round.ts';
import { project } from '../shared/scale.ts';
import { symbolPath } from '../shared/shapes.ts';
import type { ChartLayout, Lane, LegendItem, Mark, TableRow } from '../shared/types.ts';

export type TakedownEntry = { record: Takedown; span: DateSpan };
export type MigrationEntry = { record: Migration; span: DateSpan };

const R_MIN = 4;
export const R_MAX = 18;
/** A scope known only in words gets a middling, fixed size: big enough to see, never a guess. */
const R_WORDS = 9;
const R_NONE = 6;

export interface ScopeSize {
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

/** About how wide a 12 px label of `chars` characters is (about half an em a character, in a sans-serif). */
const text12 = (chars: number) => chars * 5.8;

/**
 * A migration's label sits beside the arrow's start, where the curve leaves upright (across its
 * middle, label and curve crossed): to its right, or to its left when it would run out of the
 * chart. Offsets are from the mark's centre.
 */
function migrationLabel(text: string, dx: number, dy: number, tooLong: boolean): NonNullable<Mark['label']> {
  return tooLong ? { text, dx: round(dx - 8), dy: round(dy + 4), anchor: 'end' } : { text, dx: round(dx + 8), dy: round(dy + 4), anchor: 'start' };
}

export function takedownMark(e: TakedownEntry, g: ReturnType<typeof spanGeometry>, size: ScopeSize, labelText: string, cy: number, platformName: (id: string) => string, actorName: (id: string) => string, sourceName: (id: string) => string): Mark {
  const style = INITIATOR_STYLES[e.record.initiator];
  const area = Math.PI * size.r * size.r;
  const disputed = disputeLines(e.record, sourceName, { platforms: platformName, actors: actorName });
  const tip = [
    e.record.title,
    `${formatDate(e.span)} · ${platformName(e.record.platform)}`,
    `Initiator: ${style.label}${e.record.referrer ? ` (${actorName(e.record.referrer)})` : ''} · ${OUTCOME_LABELS[e.record.outcome]}`,
    `Scope: ${labelText || 'not published'}`,
    ...disputed.map((line) => `Sources disagree: ${line}`),
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
    classes: ['dw-mark', style.className, `dw-initiator-${e.record.initiator}`, `outcome-${e.record.outcome}`, `scope-${size.kind}`, ...g.classes, ...(disputed.length ? ['has-dispute'] : [])],
  };
}

export function migrationMark(m: MigrationEntry, scale: NonNullable<ChartLayout['scale']>, laneCentre: Map<string, number>, platformName: (id: string) => string, actorName: (id: string) => string, takedowns: Map<string, TakedownEntry>, width: number): Mark {
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
  const labelText = `${who}: ${platformName(m.record.from)} → ${platformName(m.record.to)}`;
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
    label: migrationLabel(labelText, x0 - cx, y0 - cy, x0 + 8 + text12(labelText.length) > width),
    tip: [m.record.title, `${formatDate(m.span)} · Migration · ${platformName(m.record.from)} → ${platformName(m.record.to)}`, `Who: ${who}`, ...(trigger ? [`Set off by: ${trigger.record.title}`] : [])].join('\n'),
    classes: ['dw-arrow', KIND_STYLES.migration.className],
  };
}

export function tableRow(e: TakedownEntry | MigrationEntry, platformName: (id: string) => string, actorName: (id: string) => string): TableRow {
  if (e.record.kind === 'migration') {
    return { recordId: e.record.id, cells: [formatDate(e.span), `${platformName(e.record.from)} → ${platformName(e.record.to)}`, 'Migration', '', '', e.record.actors.map(actorName).join(', '), e.record.title] };
  }
  const r = e.record;
  return {
    recordId: r.id,
    cells: [formatDate(e.span), platformName(r.platform), 'Takedown', INITIATOR_STYLES[r.initiator].label + (r.referrer ? ` (${actorName(r.referrer)})` : ''), OUTCOME_LABELS[r.outcome], formatScope(r.scope) || 'not published', r.title],
  };
}

export function legend(initiators: readonly (typeof INITIATORS)[number][], takedowns: TakedownEntry[], hasMigrations: boolean): LegendItem[] {
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

export function describe(takedowns: TakedownEntry[], migrations: MigrationEntry[], lanes: Lane[], platformName: (id: string) => string): string {
  if (!takedowns.length && !migrations.length) return 'There are no takedowns or migrations to show.';
  const parts = [`${countKind(takedowns.length, 'takedown')} and ${countKind(migrations.length, 'migration')} over time, one lane per platform: ${lanes.map((l) => l.label).join(', ')}.`];
  for (const t of takedowns) {
    parts.push(`${formatDate(t.span)}, ${platformName(t.record.platform)}: ${INITIATOR_STYLES[t.record.initiator].label.toLowerCase()}, ${OUTCOME_LABELS[t.record.outcome].toLowerCase()}${t.record.scope ? `, ${formatScope(t.record.scope)}` : ''}.`);
    if (parts.length > 12) break;
  }
  for (const m of migrations.slice(0, 5)) parts.push(`${formatDate(m.span)}: move from ${platformName(m.record.from)} to ${platformName(m.record.to)}.`);
  if (takedowns.length > 11 || migrations.length > 5) parts.push('The table lists them all.');
  return parts.join(' ');
}
