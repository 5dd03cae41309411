/** Legend entries shared by charts: categories (colour + shape) and date-precision drawing. */
import type { DateSpan } from '../../schema/edtf.ts';
import type { RecordKind } from '../../schema/records.ts';
import { KIND_STYLES } from './palette.ts';
import type { CategoryStyle } from './palette.ts';
import { isImprecise } from './precision.ts';
import { symbolPath } from './shapes.ts';
import type { LegendItem } from './types.ts';

export function legendForCategory(style: CategoryStyle, extra: string[] = []): LegendItem {
  return { label: style.label, classes: ['dw-mark', style.className, ...extra], symbol: symbolPath(style.shape), swatch: 'symbol' };
}

export function legendForKinds(kinds: readonly RecordKind[]): LegendItem[] {
  return kinds.map((k) => legendForCategory(KIND_STYLES[k]));
}

/** Only the encodings that occur in the data, so the legend explains what is on screen. */
export function legendForPrecision(spans: DateSpan[], disputes: boolean): LegendItem[] {
  const items: LegendItem[] = [];
  const neutral = symbolPath('circle');
  if (spans.some((s) => s.interval)) items.push({ label: 'Several days (interval)', classes: ['dw-mark', 'dw-neutral', 'is-interval'], symbol: neutral, swatch: 'bar' });
  if (spans.some(isImprecise)) items.push({ label: 'Known only to the month or year', classes: ['dw-mark', 'dw-neutral', 'is-month'], symbol: neutral, swatch: 'whisker' });
  if (spans.some((s) => s.approximate)) items.push({ label: 'Approximate date (~)', classes: ['dw-mark', 'dw-neutral', 'is-approximate'], symbol: neutral, swatch: 'symbol', glyph: '~' });
  if (spans.some((s) => s.uncertain)) items.push({ label: 'Uncertain date (?)', classes: ['dw-mark', 'dw-neutral', 'is-uncertain'], symbol: neutral, swatch: 'symbol', glyph: '?' });
  if (disputes) items.push({ label: 'Date given by other sources (disputed)', classes: ['dw-ghost', 'dw-neutral'], symbol: neutral, swatch: 'ghost' });
  return items;
}
