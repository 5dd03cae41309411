/** Words for numbers and durations, in one place so charts, tooltips and tables agree. */

// Counts are the data's words as much as the charts' (record cards say them too): they live in
// src/data/counts.ts, and charts take them from here with the durations.
export { countKind, countsByKind, formatCount, plural } from '../../data/counts.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration as readers say it: "+1 d 2 h", "+45 min", "+3 d". Two units at most; a third would
 * claim a precision the sources rarely have.
 */
export function formatLatency(ms: number): string {
  const sign = ms < 0 ? '−' : '+';
  let rest = Math.round(Math.abs(ms) / MINUTE) * MINUTE;
  const days = Math.floor(rest / DAY);
  rest -= days * DAY;
  const hours = Math.floor(rest / HOUR);
  rest -= hours * HOUR;
  const minutes = Math.round(rest / MINUTE);
  const parts: string[] = [];
  if (days) parts.push(`${days} d`);
  if (hours) parts.push(`${hours} h`);
  if (minutes && !days) parts.push(`${minutes} min`);
  if (parts.length === 0) return '+0 min';
  return sign + parts.slice(0, 2).join(' ');
}

/** A latency known only as a range (a claim dated to the day): "+10 h to +1 d 10 h". */
export function formatLatencyRange(min: number, max: number): string {
  // Bounds a few seconds apart read the same: say it once.
  const [from, to] = [formatLatency(min), formatLatency(max)];
  return from === to ? from : `${from} to ${to}`;
}
