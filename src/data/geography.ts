/**
 * Country shapes from Natural Earth (world-atlas, 1:50m), read once at build time through
 * topojson-client: the shape of a country for a country-level record, its bounds for the check,
 * its centroid for a location published at country level. Nothing here runs in a browser.
 */
import { geoArea, geoBounds, geoCentroid, geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import countries50m from 'world-atlas/countries-50m.json' with { type: 'json' };
import { NAMED_SHAPES, NUMERIC_OF } from './iso-numeric.ts';

type Polygon = GeoJSON.Polygon;
type MultiPolygon = GeoJSON.MultiPolygon;
export type CountryShape = GeoJSON.Feature<Polygon | MultiPolygon, { code: string; name: string }>;

let shapes: Map<string, CountryShape> | undefined;

/** Every country Natural Earth draws, by alpha-2 code; features sharing a code are merged. */
function allShapes(): Map<string, CountryShape> {
  if (shapes) return shapes;
  const topology = countries50m as unknown as Parameters<typeof feature>[0];
  const collection = feature(topology, topology.objects.countries!) as unknown as GeoJSON.FeatureCollection<Polygon | MultiPolygon | null, { name: string }>;
  const codeOf = new Map<string, string>([...NUMERIC_OF].map(([alpha, numeric]) => [numeric, alpha]));
  const named = new Map(Object.entries(NAMED_SHAPES).map(([alpha, name]) => [name, alpha]));
  shapes = new Map();
  for (const item of collection.features) {
    const code = (item.id !== undefined && codeOf.get(String(item.id))) || named.get(item.properties.name);
    const geometry = item.geometry as Polygon | MultiPolygon | null;
    if (!code || !geometry) continue;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    const known = shapes.get(code);
    const merged = known ? [...(known.geometry as MultiPolygon).coordinates, ...polygons] : polygons;
    shapes.set(code, { type: 'Feature', properties: { code, name: known?.properties.name ?? item.properties.name }, geometry: { type: 'MultiPolygon', coordinates: merged } });
  }
  return shapes;
}

/** The country's shape, or undefined for the few territories Natural Earth draws as part of another (GF, RE) or not at all. */
export function countryShape(code: string): CountryShape | undefined {
  return allShapes().get(code);
}

const mainlands = new Map<string, Polygon | undefined>();

/** The country's largest polygon: France without Guiana, for centring and fitting a map. */
export function countryMainland(code: string): Polygon | undefined {
  if (mainlands.has(code)) return mainlands.get(code);
  const shape = countryShape(code);
  const largest = shape
    ? (shape.geometry as MultiPolygon).coordinates.map((rings): Polygon => ({ type: 'Polygon', coordinates: rings })).reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a))
    : undefined;
  mainlands.set(code, largest);
  return largest;
}

/**
 * Where a country-level location is drawn and published: the centroid of the country's largest
 * polygon, so France's is in France and not in the Atlantic between it and Guiana.
 */
export function countryCentroid(code: string): [number, number] | undefined {
  // Once per country: every map of every page asks again (1 s of a 1,000-incident build).
  if (centroids.has(code)) return centroids.get(code);
  const mainland = countryMainland(code);
  const centroid = mainland ? (geoCentroid(mainland) as [number, number]) : undefined;
  centroids.set(code, centroid);
  return centroid;
}
const centroids = new Map<string, [number, number] | undefined>();

/** How far past a country's outline a point may lie and still count as in it: the 1:50m coast is coarse. */
const MARGIN_DEGREES = 0.25;

/**
 * Whether a point [lon, lat] lies in the country: within its outline, or within its bounding box
 * grown by a margin (coastal towns fall outside a simplified coast). `undefined` when the country
 * has no shape to judge by.
 */
export function inCountry(code: string, point: [number, number]): boolean | undefined {
  const shape = countryShape(code);
  if (!shape) return undefined;
  // Datasets repeat places (a city's coordinates on every attack there): each is judged once.
  const key = `${code} ${point[0]} ${point[1]}`;
  let known = judged.get(key);
  if (known === undefined) judged.set(key, (known = judge(shape, point)));
  return known;
}

const judged = new Map<string, boolean>();
const bounds = new Map<string, [[number, number], [number, number]]>();

function judge(shape: CountryShape, point: [number, number]): boolean {
  if (geoContains(shape, point)) return true;
  const code = shape.properties.code;
  let box = bounds.get(code);
  if (!box) bounds.set(code, (box = geoBounds(shape)));
  const [[west, south], [east, north]] = box;
  const [lon, lat] = point;
  if (lat < south - MARGIN_DEGREES || lat > north + MARGIN_DEGREES) return false;
  // A box across the antimeridian (Russia, Fiji) has west > east.
  const inLon = west <= east ? lon >= west - MARGIN_DEGREES && lon <= east + MARGIN_DEGREES : lon >= west - MARGIN_DEGREES || lon <= east + MARGIN_DEGREES;
  return inLon && nearOutline(shape, point);
}

/** Within MARGIN_DEGREES of the country: a small circle around the point touches its outline. */
function nearOutline(shape: CountryShape, [lon, lat]: [number, number]): boolean {
  for (const [dx, dy] of [[MARGIN_DEGREES, 0], [-MARGIN_DEGREES, 0], [0, MARGIN_DEGREES], [0, -MARGIN_DEGREES], [MARGIN_DEGREES, MARGIN_DEGREES], [-MARGIN_DEGREES, -MARGIN_DEGREES], [MARGIN_DEGREES, -MARGIN_DEGREES], [-MARGIN_DEGREES, MARGIN_DEGREES]]) {
    if (geoContains(shape, [lon + dx!, lat + dy!])) return true;
  }
  return false;
}
