/**
 * The one projection every map shares: Equal Earth (equal-area, so a circle of uncertainty keeps
 * its true area wherever it is), fitted to a base frame of BASE_WIDTH units. The world outline is
 * drawn once in this frame (world.ts, served as one cached SVG file); a map shows a window of it,
 * fitted to its records, by scaling and translating: `view`.
 */
import { geoEqualEarth, type GeoProjection } from 'd3-geo';

export const BASE_WIDTH = 1000;

const base = geoEqualEarth().fitWidth(BASE_WIDTH, { type: 'Sphere' });
const [BASE_SCALE, [BASE_TX, BASE_TY]] = [base.scale(), base.translate()];
export const BASE_HEIGHT = Math.ceil(2 * BASE_TY);

/** The base projection (the frame of the shared world outline). */
export const baseProjection = (): GeoProjection => geoEqualEarth().scale(BASE_SCALE).translate([BASE_TX, BASE_TY]);

/** A window of the base frame: output = (base − [x0, y0]) × k. */
export interface MapView {
  x0: number;
  y0: number;
  k: number;
}

/** The projection that draws straight into a view's output units. */
export function viewProjection(view: MapView): GeoProjection {
  return geoEqualEarth()
    .scale(BASE_SCALE * view.k)
    .translate([(BASE_TX - view.x0) * view.k, (BASE_TY - view.y0) * view.k]);
}

/**
 * The view that shows a box of the base frame ([[x0, y0], [x1, y1]]) in a `width` × `height`
 * output with `pad` units around it, centred.
 */
export function fitView(box: [[number, number], [number, number]], width: number, height: number, pad: number): MapView {
  const [[x0, y0], [x1, y1]] = box;
  const k = Math.min((width - 2 * pad) / Math.max(x1 - x0, 1e-6), (height - 2 * pad) / Math.max(y1 - y0, 1e-6));
  return { k, x0: (x0 + x1) / 2 - width / 2 / k, y0: (y0 + y1) / 2 - height / 2 / k };
}
