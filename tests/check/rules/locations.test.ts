/**
 * The location rules, each triggered by one edit to the minimal fixture, with the line the editor
 * sees: half a coordinate, `publish` finer than `precision`, a point outside its country (and the
 * swap hint when latitude and longitude were written the wrong way round).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/data/problems.ts';
import { checkProject } from '../../../src/check/validate.ts';
import { fixture, removeFixture, replaceOnce } from '../../helpers/fixture.ts';

const made: string[] = [];
afterAll(() => made.forEach(removeFixture));

const RECORDS = 'data/records/main.yaml';
const LONDON = 'location: {place: London, country: GB}';

function errorsWith(location: string): string[] {
  const dir = fixture('minimal', { [RECORDS]: replaceOnce(LONDON, `location: ${location}`) });
  made.push(dir);
  return checkProject(dir).problems.filter((p) => p.severity === 'error').map(formatProblem);
}

describe('location rules', () => {
  it('accept a point in its country at every level, and publish coarser than precision', () => {
    expect(errorsWith('{place: London Bridge, country: GB, lat: 51.5079, lon: -0.0877}')).toEqual([]);
    expect(errorsWith('{place: London, country: GB, lat: 51.5079, lon: -0.0877, precision: place, publish: city}')).toEqual([]);
    expect(errorsWith('{place: Ardgour, country: GB, lat: 56.72, lon: -5.3, precision: region, uncertainty_km: 40}')).toEqual([]);
    // A coastal town just off the coarse 1:50m coast (Lerwick, Shetland).
    expect(errorsWith('{place: Lerwick, country: GB, lat: 60.155, lon: -1.145}')).toEqual([]);
  });

  it('reject a latitude without a longitude, at the latitude', () => {
    expect(errorsWith('{place: London, country: GB, lat: 51.5}')).toEqual([
      `${RECORDS}:5:47  error  "location.lat" must come with lon: give both coordinates, or neither  location-coordinates`,
    ]);
  });

  it('reject publish finer than precision', () => {
    expect(errorsWith('{place: London, country: GB, lat: 51.5, lon: -0.1, precision: city, publish: exact}')).toEqual([
      `${RECORDS}:5:90  error  "location.publish" must not be finer than the precision "city": a place known to the city cannot be published as "exact" (publish city or coarser)  publish-finer-than-precision`,
    ]);
  });

  it('reject a point outside its country, with a hint when lat and lon were swapped', () => {
    expect(errorsWith('{place: London, country: GB, lat: -0.0877, lon: 51.5079}')).toEqual([
      `${RECORDS}:5:47  error  the point lat: -0.0877, lon: 51.5079 is outside United Kingdom (GB): did you swap lat and lon? (lat: 51.5079, lon: -0.0877 is in United Kingdom)  location-outside-country`,
    ]);
    expect(errorsWith('{place: London, country: GB, lat: 48.85, lon: 2.35}')).toEqual([
      `${RECORDS}:5:47  error  the point lat: 48.85, lon: 2.35 is outside United Kingdom (GB)  location-outside-country`,
    ]);
  });

  it('hold a disputed location to the same rules', () => {
    const dispute = `\n  disputed:\n    - field: location\n      value: {place: Paris, country: FR, lat: 2.35, lon: 48.85}\n      sources: [news-1]`;
    const dir = fixture('minimal', { [RECORDS]: replaceOnce(`  killed: 2`, `  killed: 2${dispute}`) });
    made.push(dir);
    const errors = checkProject(dir).problems.filter((p) => p.severity === 'error').map(formatProblem);
    expect(errors).toEqual([expect.stringMatching(/:\d+:\d+  error  the point lat: 2.35, lon: 48.85 is outside France \(FR\): did you swap lat and lon\? .* location-outside-country$/)]);
  });
});
