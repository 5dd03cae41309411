/**
 * Latency from an attack to a claim, as a range: dates known only to the day make "how long
 * after" a span, not a number. A latency axis steps in durations people use.
 */
import type { DateSpan } from '../../schema/edtf.ts';
import { round } from '../shared/round.ts';
import type { Tick } from '../shared/types.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface Latency {
  /** Shortest and longest delay the two dates allow (ms); never below zero. */
  min: number;
  max: number;
  /** Middle, for placing a single dot. */
  mid: number;
}

export function latency(attack: DateSpan, claim: DateSpan): Latency {
  const min = Math.max(0, claim.start - attack.end);
  const max = Math.max(min, claim.end + 1 - attack.start);
  return { min, max, mid: (min + max) / 2 };
}

const STEPS = [15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 91 * DAY, 365 * DAY];

export function durationLabel(ms: number): string {
  if (ms === 0) return '0';
  if (ms >= 365 * DAY && ms % (365 * DAY) === 0) return `+${ms / (365 * DAY)} y`;
  if (ms >= 7 * DAY && ms % (7 * DAY) === 0) return `+${ms / (7 * DAY)} w`;
  if (ms >= DAY && ms % DAY === 0) return `+${ms / DAY} d`;
  if (ms >= HOUR && ms % HOUR === 0) return `+${ms / HOUR} h`;
  return `+${Math.round(ms / MINUTE)} min`;
}

/** A linear latency axis from 0 to a nice maximum at or above `max`, about `count` ticks. */
export function linearLatencyAxis(max: number, count: number): { max: number; values: number[] } {
  const step = STEPS.find((s) => max / s <= count) ?? Math.ceil(max / count / (365 * DAY)) * 365 * DAY;
  const top = Math.max(step, Math.ceil(max / step) * step);
  const values: number[] = [];
  for (let v = 0; v <= top; v += step) values.push(v);
  return { max: top, values };
}

/** A log axis for latencies spanning minutes to months: durations people name. */
const LOG_TICKS = [MINUTE, 10 * MINUTE, HOUR, 6 * HOUR, DAY, 7 * DAY, 30 * DAY, 365 * DAY, 3650 * DAY];

export function logLatencyAxis(min: number, max: number): { domain: [number, number]; values: number[] } {
  // One named duration of air on each side, so a lone dot sits inside a readable axis.
  const below = LOG_TICKS.filter((t) => t <= Math.max(MINUTE, min)).length - 1;
  const above = LOG_TICKS.findIndex((t) => t >= max * 1.05);
  const lo = LOG_TICKS[Math.max(0, below - 1)] ?? MINUTE;
  const hi = above === -1 ? 3650 * DAY : (LOG_TICKS[Math.min(LOG_TICKS.length - 1, above + 1)] ?? 3650 * DAY);
  const domain: [number, number] = [lo, hi];
  return { domain, values: LOG_TICKS.filter((t) => t >= domain[0] && t <= domain[1]) };
}

export function ticksFor(values: number[], x: (v: number) => number): Tick[] {
  return values.map((value) => ({ value, x: round(x(value)), label: durationLabel(value) }));
}
