/**
 * Time scales for the server side. d3-scale does the "nice" domain; the browser only needs the
 * plain linear mapping (`project`), so it never ships d3-scale.
 */
import { scaleUtc } from 'd3-scale';
import type { ExposedScale } from './types.ts';

const HOUR = 3_600_000;
/** A chart of a single instant still shows a day around it, so its ticks read as hours. */
const MIN_SPAN = 24 * HOUR;

/** A nice UTC scale covering [min, max] with a little air on both sides. */
export function timeScale(min: number, max: number, range: [number, number], tickCount = 8): ExposedScale {
  let lo = min;
  let hi = max;
  if (hi - lo < MIN_SPAN) {
    const mid = (lo + hi) / 2;
    lo = mid - MIN_SPAN / 2;
    hi = mid + MIN_SPAN / 2;
  } else {
    const pad = (hi - lo) * 0.03;
    lo -= pad;
    hi += pad;
  }
  const scale = scaleUtc().domain([lo, hi]).range(range).nice(tickCount);
  const [d0, d1] = scale.domain() as [Date, Date];
  return { type: 'utc', domain: [+d0, +d1], range };
}

/** x for an instant; the same arithmetic runs in the browser after a zoom. */
export function project(scale: ExposedScale, t: number): number {
  const [d0, d1] = scale.domain;
  const [r0, r1] = scale.range;
  return r0 + ((t - d0) / (d1 - d0 || 1)) * (r1 - r0);
}
