/**
 * The world outline every map shares: Natural Earth's land and country borders (world-atlas,
 * 1:110m) drawn once in the base frame (projection.ts) and served as one SVG file, which each map
 * references with <use> and a transform. A browser fetches and caches it once; no page repeats it.
 *
 * The <use> element's shadow copy is out of reach of the page's style sheet, so the file sets no
 * colours: land takes `fill` and borders `color` from the <use> element, both inherited.
 */
import { geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import land110m from 'world-atlas/land-110m.json' with { type: 'json' };
import countries110m from 'world-atlas/countries-110m.json' with { type: 'json' };
import { BASE_HEIGHT, BASE_WIDTH, baseProjection } from './projection.ts';

/** The fragment id maps point their <use> at. */
export const WORLD_ID = 'world';

/** The site path of the shared outline, before the base path. */
export const WORLD_PATH = '/map/world.svg';

export function worldSvg(): string {
  const path = geoPath(baseProjection()).digits(1);
  const landTopology = land110m as unknown as Topology<{ land: GeometryCollection }>;
  const countryTopology = countries110m as unknown as Topology<{ countries: GeometryCollection }>;
  const land = path(feature(landTopology, landTopology.objects.land));
  const borders = path(mesh(countryTopology, countryTopology.objects.countries, (a, b) => a !== b));
  const sphere = path({ type: 'Sphere' });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${BASE_WIDTH} ${BASE_HEIGHT}">`,
    `<g id="${WORLD_ID}">`,
    `<path d="${sphere}" fill="none" stroke="currentColor" stroke-width="0.8" vector-effect="non-scaling-stroke"/>`,
    `<path d="${land}" stroke="none"/>`,
    `<path d="${borders}" fill="none" stroke="currentColor" stroke-width="0.6" stroke-linejoin="round" vector-effect="non-scaling-stroke"/>`,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}
