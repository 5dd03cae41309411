/**
 * Coordinates that contradict their country: a point outside the country's outline is a typo, and
 * most often latitude and longitude swapped (51.5, -0.09 written as -0.09, 51.5), which the
 * message says when the swapped point lies in the country. The other location rules (half a
 * coordinate, `publish` finer than `precision`) are the schema's own (src/schema/common.ts).
 */
import type { Entry, PathSegment } from '../../data/files.ts';
import { inCountry } from '../../data/geography.ts';
import type { Location } from '../../schema/index.ts';
import type { Problem } from '../../data/problems.ts';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** Problems with one location of an entry, written at `path` (`['location']`, a disputed value's). */
export function locationProblems(entry: Entry, path: PathSegment[], place: Location): Problem[] {
  const { lat, lon, country } = place;
  if (lat === undefined || lon === undefined || inCountry(country, [lon, lat]) !== false) return [];
  const swapped = Math.abs(lon) <= 90 && inCountry(country, [lat, lon]) === true;
  const name = regionNames.of(country) ?? country;
  const hint = swapped ? `: did you swap lat and lon? (lat: ${lon}, lon: ${lat} is in ${name})` : '';
  return [
    {
      file: entry.file,
      ...entry.locate([...path, 'lat']),
      severity: 'error',
      message: `the point lat: ${lat}, lon: ${lon} is outside ${name} (${country})${hint}`,
      rule: 'location-outside-country',
    },
  ];
}

/** The locations of valid records (their disputed locations too) and write-ups, judged. */
export function everyLocationProblem(entries: readonly { entry: Entry; value: { location?: Location; disputed?: readonly { field: string; value: unknown }[] } }[]): Problem[] {
  return entries.flatMap(({ entry, value }) => [
    ...(value.location ? locationProblems(entry, ['location'], value.location) : []),
    ...(value.disputed ?? []).flatMap((d, i) => (d.field === 'location' && d.value && typeof d.value === 'object' ? locationProblems(entry, ['disputed', i, 'value'], d.value as Location) : [])),
  ]);
}
