/** Snapping a location to its `publish` level: what every page and file of the site is given. */
import { describe, expect, it } from 'vitest';
import { countryCentroid, countryShape, inCountry } from '../../src/data/geography.ts';
import { NUMERIC_OF } from '../../src/data/iso-numeric.ts';
import { levelsOf, publishedLocation, publishedRecord } from '../../src/data/places.ts';
import { buildSiteData } from '../../src/data/queries.ts';
import type { DataRecord } from '../../src/schema/index.ts';

const bridge = { place: 'London Bridge', country: 'GB', lat: 51.50791, lon: -0.08774 };

describe('publishedLocation', () => {
  it('keeps an exact location as written', () => {
    expect(publishedLocation(bridge)).toBe(bridge);
  });

  it('snaps to the grid of the publish level, and says which level it is', () => {
    expect(publishedLocation({ ...bridge, publish: 'place' })).toEqual({ ...bridge, lat: 51.51, lon: -0.09, publish: 'place' });
    expect(publishedLocation({ ...bridge, publish: 'city' })).toEqual({ ...bridge, lat: 51.5, lon: -0.1, publish: 'city' });
    expect(publishedLocation({ ...bridge, publish: 'region' })).toEqual({ ...bridge, lat: 52, lon: 0, publish: 'region' });
  });

  it('publishes at the precision when publish is not given: a city-level point is not shown finer', () => {
    expect(publishedLocation({ ...bridge, precision: 'city' })).toEqual({ ...bridge, lat: 51.5, lon: -0.1, precision: 'city', publish: 'city' });
  });

  it('moves a country-level location to the centroid of the country’s largest polygon', () => {
    const published = publishedLocation({ ...bridge, publish: 'country' });
    expect(published).toMatchObject({ place: 'London Bridge', country: 'GB', publish: 'country' });
    expect(inCountry('GB', [published.lon!, published.lat!])).toBe(true);
    expect(published.lat).not.toBe(bridge.lat);
    // France's centroid is in France, not in the Atlantic between it and Guiana.
    const [lon, lat] = countryCentroid('FR')!;
    expect(lat).toBeGreaterThan(42);
    expect(lon).toBeGreaterThan(-5);
  });

  it('drops coordinates it cannot centre on a country with no shape', () => {
    expect(countryShape('GI')).toBeUndefined();
    const published = publishedLocation({ place: 'Gibraltar', country: 'GI', lat: 36.14, lon: -5.35, publish: 'country' });
    expect(published).toEqual({ place: 'Gibraltar', country: 'GI', publish: 'country' });
  });

  it('shows a disputed location no finer than the record’s own', () => {
    const record = {
      id: 'a',
      kind: 'attack',
      date: '2019-11-29',
      title: 'A',
      sources: ['s'],
      location: { ...bridge, precision: 'place', publish: 'city' },
      disputed: [{ field: 'location', value: { place: 'Cannon Street', country: 'GB', lat: 51.51133, lon: -0.09046 }, sources: ['s'] }],
    } as DataRecord;
    const published = publishedRecord(record) as Extract<DataRecord, { kind: 'attack' }>;
    expect(published.location).toMatchObject({ lat: 51.5, lon: -0.1, publish: 'city' });
    expect(published.disputed![0]!.value).toMatchObject({ lat: 51.5, lon: -0.1, publish: 'city' });
    expect(JSON.stringify(published)).not.toMatch(/51\.507|51\.511|0\.087|0\.090/);
  });

  it('is applied to every record and write-up the site is given', () => {
    const site = buildSiteData(
      {
        site: { title: 'T', description: 'D', licence: 'CC BY 4.0', language: 'en', defang: [] },
        platforms: [],
        actors: [],
        sources: [],
        records: [{ id: 'a', kind: 'attack', date: '2019-11-29', title: 'A', sources: ['s'], location: { ...bridge, publish: 'city' } } as DataRecord],
        incidents: [{ id: 'i', title: 'I', date: '2019-11-29', summary: 'S', status: 'published', location: { ...bridge, publish: 'region' } }],
      },
      { includeDrafts: false },
    );
    expect(JSON.stringify(site.records)).not.toContain('51.507');
    expect(site.incidents[0]!.location).toMatchObject({ lat: 52, lon: 0 });
  });
});

describe('levelsOf', () => {
  it('resolves the defaults: exact, and publish at the precision', () => {
    expect(levelsOf({})).toEqual({ precision: 'exact', publish: 'exact' });
    expect(levelsOf({ precision: 'region' })).toEqual({ precision: 'region', publish: 'region' });
    expect(levelsOf({ precision: 'place', publish: 'country' })).toEqual({ precision: 'place', publish: 'country' });
  });
});

describe('the alpha-2 to numeric table', () => {
  it('names, for every code Natural Earth draws, the country Intl names for it', () => {
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    // Natural Earth abbreviates ("Dem. Rep. Congo", "Eq. Guinea") or uses another name: these differ in words only.
    const otherwiseNamed = new Set(['AU', 'BL', 'CD', 'CV', 'EH', 'FO', 'GQ', 'GS', 'IO', 'LC', 'MF', 'MK', 'MP', 'PF', 'SH', 'SS', 'SZ', 'TF', 'TR']);
    let drawn = 0;
    for (const code of NUMERIC_OF.keys()) {
      const shape = countryShape(code);
      if (!shape) continue;
      drawn++;
      expect(shape.properties.code).toBe(code);
      if (!otherwiseNamed.has(code)) expect(shape.properties.name.slice(0, 4), code).toBe(names.of(code)!.slice(0, 4));
    }
    expect(drawn).toBeGreaterThan(230);
    expect(countryShape('XK')).toBeDefined();
    // Each centroid lies in its country (atolls' fall in their lagoons: large countries only).
    for (const code of ['GB', 'US', 'RU', 'FR', 'NZ', 'DE', 'IQ', 'SY', 'NG', 'ID']) expect(inCountry(code, countryCentroid(code)!), code).toBe(true);
  });
});
