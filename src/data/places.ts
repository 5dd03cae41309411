/**
 * What a location publishes. `precision` says how well the sources place it, `publish` how much of
 * that the site may show: coordinates are snapped to the `publish` level here, once, when the
 * site's data is built (src/data/queries.ts), so no page, feed, download or search index can
 * write the exact ones. The grid of each level is the schema's (LEVEL_GRID_DEGREES), so
 * docs/data-model.md states it.
 */
import { finerThan, LEVEL_GRID_DEGREES, type DataRecord, type Location, type LocationLevel } from '../schema/index.ts';
import { countryCentroid } from './geography.ts';

/** The coarser of two levels. */
export const coarser = (a: LocationLevel, b: LocationLevel): LocationLevel => (finerThan(a, b) ? b : a);

/** How well the place is known, and how finely it is shown: the defaults resolved. */
export function levelsOf(place: Pick<Location, 'precision' | 'publish'>): { precision: LocationLevel; publish: LocationLevel } {
  const precision = place.precision ?? 'exact';
  return { precision, publish: place.publish ? coarser(place.publish, precision) : precision };
}

/** A coordinate on a grid of `step` degrees, written without float noise (51.5, not 51.50000000000001). */
function snap(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return Number((Math.round(value / step) * step).toFixed(decimals)) + 0; // + 0: no -0 in the downloads
}

/**
 * The location as the site shows it: coordinates snapped to the publish level (a grid, or the
 * country's centroid), or dropped when the country has no shape to centre them on. `floor` is a
 * level the result is never finer than (a disputed location is shown no finer than its record's).
 */
export function publishedLocation(place: Location, floor: LocationLevel = 'exact'): Location {
  const { publish } = levelsOf(place);
  const level = coarser(publish, floor);
  if (level === 'exact' || place.lat === undefined || place.lon === undefined) return level === publish ? place : { ...place, publish: level };
  let snapped: [number, number] | undefined;
  if (level !== 'country') snapped = [snap(place.lat, LEVEL_GRID_DEGREES[level]), snap(place.lon, LEVEL_GRID_DEGREES[level])];
  else {
    const centre = countryCentroid(place.country);
    if (centre) snapped = [snap(centre[1], 0.01), snap(centre[0], 0.01)];
  }
  // Spelled out, in the editor's order (place, country, lat, lon, …), for the downloads.
  const { place: name, country, lat: _lat, lon: _lon, ...rest } = place;
  return { place: name, country, ...(snapped ? { lat: snapped[0], lon: snapped[1] } : {}), ...rest, publish: level };
}

/** A record with its location, and any disputed location, as published. */
export function publishedRecord(record: DataRecord): DataRecord {
  if (record.kind !== 'attack') return record;
  const location = publishedLocation(record.location);
  if (location === record.location && !record.disputed?.some((d) => d.field === 'location')) return record;
  const floor = levelsOf(location).publish;
  const disputed = record.disputed?.map((d) => (d.field === 'location' && isLocation(d.value) ? { ...d, value: publishedLocation(d.value, floor) } : d));
  return { ...record, location, ...(disputed ? { disputed } : {}) };
}

const isLocation = (value: unknown): value is Location => typeof value === 'object' && value !== null && !Array.isArray(value) && 'country' in value;

/**
 * A location in words, with how well it is known and, when it is shown coarser, at which level:
 * "London, GB (known to the place; shown at city level)".
 */
export function locationText(place: Location): string {
  const { precision, publish } = levelsOf(place);
  const levels = [precision !== 'exact' ? `known to the ${precision}` : '', publish !== precision ? `shown at ${publish} level` : ''].filter(Boolean).join('; ');
  return `${place.place}, ${place.country}${levels ? ` (${levels})` : ''}`;
}
