/**
 * A platform that shut down ends its lane on every chart with a lane per platform (the takedowns
 * chart, and the timeline with lanes by platform): a line across the lane at the day it closed,
 * and a sentence in the chart's description, which also says when the closing falls outside the
 * period shown. Pure, like the layouts that call it; ChartFrame draws `lane.end`.
 */
import { formatDate } from '../../data/dates.ts';
import type { Platform } from '../../schema/platforms.ts';
import { spanOf } from './records.ts';
import { round } from './round.ts';
import { project } from './scale.ts';
import type { ExposedScale, Lane } from './types.ts';

export interface EndedLanes {
  lanes: Lane[];
  /** One sentence on every closed platform that has a lane; empty when none has. */
  sentence: string;
}

/** Lanes whose platform closed get `end` where that day is in view; the words cover them all. */
export function endLanes(lanes: readonly Lane[], platforms: readonly Platform[] | undefined, scale: ExposedScale | undefined): EndedLanes {
  const closedOf = new Map((platforms ?? []).flatMap((p) => (p.closed ? [[p.id, p] as const] : [])));
  const words: string[] = [];
  const ended = lanes.map((lane) => {
    const platform = closedOf.get(lane.id);
    const span = platform ? spanOf(platform.closed) : undefined;
    if (!platform || !span) return lane;
    const when = `${platform.name} closed on ${formatDate(span)}`;
    if (!scale || span.start < scale.domain[0]) {
      words.push(`${when}, before the period shown.`);
      return lane;
    }
    if (span.start > scale.domain[1]) {
      words.push(`${when}, after the period shown.`);
      return lane;
    }
    words.push(`${when}: its lane ends there.`);
    return { ...lane, end: { t: span.start, x: round(project(scale, span.start)), label: when } };
  });
  return { lanes: ended, sentence: words.join(' ') };
}
