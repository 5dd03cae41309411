/** The map's layout: how well a place is known decides what is drawn, and everything stays in view. */
import { geoCircle, geoPath } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { layoutMap, MAP_BIN_THRESHOLD, MAP_TABLE_LIMIT, place } from '../../src/charts/map/layout.ts';
import { mapLimits, mapPages } from '../../src/charts/map/pages.ts';
import { synthetic } from './fixtures.ts';
import { viewProjection } from '../../src/charts/map/projection.ts';
import { worldSvg } from '../../src/charts/map/world.ts';
import type { DataRecord, Location } from '../../src/schema/index.ts';

const attack = (id: string, location: Location, extra: Partial<DataRecord> = {}): DataRecord =>
  ({ id, kind: 'attack', date: '2019-11-29', title: `Attack ${id}`, sources: ['s'], location, ...extra }) as DataRecord;

const bridge = attack('bridge', { place: 'London Bridge', country: 'GB', lat: 51.51, lon: -0.09, precision: 'place' });
const manchester = attack('manchester', { place: 'Manchester', country: 'GB', lat: 53.5, lon: -2.2, precision: 'city' });
const france = attack('france', { place: 'Somewhere in France', country: 'FR', precision: 'country' });
const paris = attack('paris', { place: 'Paris', country: 'FR', lat: 48.86, lon: 2.35 }, {
  disputed: [{ field: 'location', value: { place: 'Lyon', country: 'FR', lat: 45.76, lon: 4.84 }, sources: ['s'] }],
} as Partial<DataRecord>);
const claim = { id: 'claim', kind: 'claim', date: '2019-11-30', title: 'A claim', sources: ['s'], attack: 'bridge', claimant: 'x', mode: 'video', status: 'claimed' } as DataRecord;

describe('layoutMap', () => {
  const layout = layoutMap({ records: [bridge, manchester, france, paris, claim] });
  const byRecord = (id: string) => layout.marks.filter((m) => m.recordId === id);

  it('draws every located record, and nothing for records without a place', () => {
    expect(new Set(layout.marks.map((m) => m.recordId))).toEqual(new Set(['bridge', 'manchester', 'france', 'paris']));
    expect(layout.table.groups[0]!.rows.map((r) => r.recordId).sort()).toEqual(['bridge', 'france', 'manchester', 'paris']);
  });

  it('draws a point for a place, a circle for a city, the country for a country, each inside the frame', () => {
    expect(byRecord('bridge').map((m) => m.type)).toEqual(['point']);
    expect(byRecord('manchester').map((m) => m.type)).toEqual(['circle']);
    expect(byRecord('france').map((m) => m.type)).toEqual(['country']);
    for (const m of layout.marks) {
      expect(m.x).toBeGreaterThan(0);
      expect(m.x).toBeLessThan(layout.width);
      expect(m.y).toBeGreaterThan(0);
      expect(m.y).toBeLessThan(layout.height);
    }
  });

  it('draws a city’s uncertainty as a true circle of 10 km on the projection', () => {
    const [circle] = byRecord('manchester');
    const expected = geoPath(viewProjection(layout.view)).digits(1)(geoCircle().center([-2.2, 53.5]).radius(10 / 111.195).precision(5)());
    expect(circle!.path).toBe(expected);
    // About 20 km across, in output units: the projection's scale at that latitude.
    const xs = circle!.path!.match(/-?\d+(\.\d+)?(?=,)/g)!.map(Number);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(1);
  });

  it('shades a country-level record with the country’s shape, hatched', () => {
    const [country] = byRecord('france');
    expect(country!.classes).toContain('dw-country');
    expect(country!.path!.length).toBeGreaterThan(1000);
    expect(country!.tip).toContain('No coordinates: shown as the country');
  });

  it('draws a disputed place as a ghost joined to the record’s own mark', () => {
    const [main, ghost] = byRecord('paris');
    expect(main!.type).toBe('point');
    expect(ghost!.type).toBe('ghost');
    expect(ghost!.link).toEqual({ x: main!.x, y: main!.y });
    expect(ghost!.tip).toContain('Disputed location: Lyon, France, according to s');
  });

  it('draws the coarser of precision and publish, and lists the coordinates as published', () => {
    const hidden = attack('hidden', { place: 'A street', country: 'GB', lat: 51.5, lon: -0.1, precision: 'exact', publish: 'city' });
    const map = layoutMap({ records: [hidden] });
    expect(map.marks.map((m) => m.type)).toEqual(['circle']);
    expect(map.table.groups[0]!.rows[0]!.cells).toEqual(['Attack hidden', '2019-11-29', 'A street', 'United Kingdom', 'Known to the exact point; shown at city level (±10 km)', '51.5, -0.1']);
  });

  it('lists a place it cannot draw, and says so', () => {
    const gibraltar = attack('gib', { place: 'Gibraltar', country: 'GI' });
    expect(place(gibraltar)).toBeUndefined();
    const map = layoutMap({ records: [gibraltar] });
    expect(map.marks).toEqual([]);
    expect(map.empty).toBe('No records with a location');
    expect(map.table.groups[0]!.rows[0]!.cells[4]).toContain('Not on the map');
  });

  it('offers the years and kinds it shows as filters', () => {
    expect(layout.years).toEqual([{ value: '2019', count: 4 }]);
    expect(layout.kinds).toEqual([{ value: 'attack', count: 4 }]);
  });
});

describe('at scale', () => {
  // 3,000 attacks on a grid over Western Europe, at every level.
  const levels = ['exact', 'place', 'city', 'region', 'country'] as const;
  const many = Array.from({ length: 3000 }, (_, i) =>
    attack(`a${i}`, { place: `P${i}`, country: i % 2 ? 'FR' : 'DE', lat: i % 2 ? 44 + (i % 50) / 10 : 48 + (i % 40) / 10, lon: i % 2 ? 0 + (i % 37) / 10 : 7 + (i % 43) / 10, precision: levels[i % 5]! }),
  );
  const layout = layoutMap({ records: many, binThreshold: 2000, tableLimit: 2000 });

  it('counts records in hexagonal bins that add up to every record, each bin leading to a country', () => {
    expect(layout.binned).toBe(true);
    expect(layout.marks.every((m) => m.type === 'bin' && m.country)).toBe(true);
    expect(layout.marks.reduce((n, m) => n + m.count!, 0)).toBe(3000);
    expect(layout.marks.length).toBeLessThan(1000);
  });

  it('counts the table by country, so every record stays one link away', () => {
    expect(layout.table.summary!.rows).toEqual([
      { key: 'fr', label: 'France', counts: [1500] },
      { key: 'de', label: 'Germany', counts: [1500] },
    ]);
  });
});

describe('the shared world outline', () => {
  it('is one SVG file with a group maps reference, and no colours of its own', () => {
    const svg = worldSvg();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 1000 487">/);
    expect(svg).toContain('<g id="world">');
    expect(svg).not.toMatch(/fill="#|stroke="#|style=/);
    expect(svg.length).toBeLessThan(120_000);
  });
});

describe('the map’s pages under recordListLimit', () => {
  const records = synthetic(400);
  const located = records.filter((r) => place(r)).length;

  it('lowers the map’s limits to the setting, never raises them', () => {
    expect(mapLimits()).toEqual({ binThreshold: MAP_BIN_THRESHOLD, tableLimit: MAP_TABLE_LIMIT });
    expect(mapLimits(50)).toEqual({ binThreshold: 50, tableLimit: 50 });
    expect(mapLimits(5_000)).toEqual({ binThreshold: MAP_BIN_THRESHOLD, tableLimit: MAP_TABLE_LIMIT });
  });

  it('gives countries pages once the setting counts the site-wide map, each limit its own pages', () => {
    expect(located).toBeGreaterThan(50);
    expect(located).toBeLessThan(MAP_BIN_THRESHOLD);
    const unset = mapPages(records);
    const limited = mapPages(records, 50);
    expect(unset.binned).toBe(false);
    expect(unset.routes.some((r) => r.params.path.startsWith('countries/'))).toBe(false);
    expect(limited.binned).toBe(true);
    const countries = new Set(records.flatMap((r) => (place(r) && 'location' in r ? [`countries/${(r.location as Location).country.toLowerCase()}`] : [])));
    expect(new Set(limited.routes.filter((r) => r.params.path.startsWith('countries/')).map((r) => r.params.path))).toEqual(countries);
    // Computed once per records and limit: the same answer again, not the other limit's.
    expect(mapPages(records)).toBe(unset);
    expect(mapPages(records, 50)).toBe(limited);
    expect(limited.years).toEqual(unset.years);
  });
});
