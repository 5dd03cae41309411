/**
 * Which lane a mark is in, from where it is drawn: the lane whose band holds its anchor's y. The
 * build (marks-svg.ts) leaves data-lane off a mark whose lane this rule finds, and the browser
 * (element.ts) puts it back by the same rule; both read the same numbers, the band's y and height
 * and the mark's translate, as they are written in the SVG.
 */

/** What of a lane the rule needs: its id and where its band is. */
export interface LaneBand {
  id: string;
  y: number;
  height: number;
}

/** The lane whose band holds `y` (top inclusive, bottom exclusive), the first if bands overlap. */
export function laneAt(lanes: readonly LaneBand[], y: number): string | undefined {
  return lanes.find((lane) => y >= lane.y && y < lane.y + lane.height)?.id;
}
