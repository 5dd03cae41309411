/**
 * How a date's precision is drawn. One rule for every chart:
 * - a time of day or a day: a point (the symbol) at the middle of what the date covers;
 * - an interval (a/b): a bar from start to end, with the symbol at its middle;
 * - a month or a year: a thin whisker over the whole month or year, and a hollow symbol, so
 *   "some day in November" never looks like "30 November";
 * - approximate (~) and uncertain (?): a dashed outline and the EDTF glyph beside the symbol.
 */
import type { DateSpan } from '../../schema/edtf.ts';
import type { ExposedScale, SpanBar } from './types.ts';
import { project } from './scale.ts';
import { round } from './round.ts';

export interface SpanGeometry {
  /** Centre instant and its x. */
  t: number;
  x: number;
  span?: SpanBar;
  classes: string[];
  glyph?: string;
}

export function isImprecise(span: DateSpan): boolean {
  return span.precision === 'month' || span.precision === 'year';
}

export function precisionClasses(span: DateSpan): string[] {
  const classes: string[] = [];
  if (span.interval) classes.push('is-interval');
  if (isImprecise(span)) classes.push(`is-${span.precision}`);
  if (span.approximate) classes.push('is-approximate');
  if (span.uncertain) classes.push('is-uncertain');
  return classes;
}

/** The EDTF qualifier glyph shown beside a mark, or undefined. */
export function precisionGlyph(span: DateSpan): string | undefined {
  const glyph = (span.approximate ? '~' : '') + (span.uncertain ? '?' : '');
  return glyph || undefined;
}

export function spanGeometry(span: DateSpan, scale: ExposedScale): SpanGeometry {
  // The middle of a day is where a day-precision event most likely sits; for a time, start = end.
  const t = Math.round((span.start + span.end) / 2);
  const x = round(project(scale, t));
  const geometry: SpanGeometry = { t, x, classes: precisionClasses(span), glyph: precisionGlyph(span) };
  if (span.interval || isImprecise(span)) {
    geometry.span = {
      t0: span.start,
      t1: span.end,
      x0: round(project(scale, span.start) - x),
      x1: round(project(scale, span.end) - x),
      style: span.interval ? 'interval' : 'imprecise',
    };
  }
  return geometry;
}
