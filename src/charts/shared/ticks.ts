/**
 * Time ticks whose step and labels suit the span, from hours to decades. Shared by the server
 * and the browser (zoom redraws the axis), so it imports only d3-time, which is small.
 */
import { SHORT_MONTH_NAMES } from '../../data/date-words.ts';
import { utcTicks } from 'd3-time';
import type { ExposedScale, Tick } from './types.ts';
import { project } from './scale.ts';
import { round } from './round.ts';

const DAY = 86_400_000;

/** How finely the ticks step, which decides how much of the date each label needs. */
export type TickGrain = 'time' | 'day' | 'month' | 'year';

export function tickGrain(step: number): TickGrain {
  if (step < DAY) return 'time';
  if (step < 28 * DAY) return 'day';
  if (step < 365 * DAY) return 'month';
  return 'year';
}

/**
 * A label says only what changed since the previous tick: "14:00", then "30 Nov" at midnight;
 * "Dec", then "2020" in January. The first tick carries the full context.
 */
export function tickLabel(t: number, grain: TickGrain, previous: number | undefined): string {
  const d = new Date(t);
  const p = previous === undefined ? undefined : new Date(previous);
  const year = d.getUTCFullYear();
  const month = SHORT_MONTH_NAMES[d.getUTCMonth()] ?? '';
  const day = d.getUTCDate();
  const newYear = !p || p.getUTCFullYear() !== year;
  if (grain === 'year') return String(year);
  if (grain === 'month') return newYear ? `${month} ${year}` : month;
  if (grain === 'day') return newYear ? `${day} ${month} ${year}` : `${day} ${month}`;
  const newDay = !p || Math.floor(+p / DAY) !== Math.floor(t / DAY);
  if (newDay && (!p || (d.getUTCHours() === 0 && d.getUTCMinutes() === 0))) {
    return newYear ? `${day} ${month} ${year}` : `${day} ${month}`;
  }
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

/** Half the width of a tick label, about: 12 px text is about 6.8 px a character. */
const halfLabel = (label: string) => label.length * 3.4;

/** About one tick per `spacing` units of width. */
export function timeTicks(scale: ExposedScale, spacing = 90): Tick[] {
  const [d0, d1] = scale.domain;
  const width = Math.abs(scale.range[1] - scale.range[0]);
  const end = Math.max(scale.range[0], scale.range[1]);
  const count = Math.max(2, Math.floor(width / spacing));
  const dates = utcTicks(new Date(d0), new Date(d1), count).map(Number);
  const step = dates.length > 1 ? (dates[1] as number) - (dates[0] as number) : d1 - d0;
  const grain = tickGrain(step);
  return dates.map((value, i) => {
    const tick: Tick = { value, x: round(project(scale, value)), label: tickLabel(value, grain, dates[i - 1]) };
    // The axis ends a margin short of the SVG's edge, less than half a long label ("5 Jan 2020").
    if (tick.x + halfLabel(tick.label) > end) tick.anchor = 'end';
    return tick;
  });
}
