/**
 * Charts at scale (issues 3 and 7): 10,000 and 100,000 deterministic synthetic records. Marks
 * aggregate into bars that say how many records they stand for and lead to them; above the
 * table limit the table counts by period and each period has a drill-down page; no record
 * silently vanishes (every one is in some page's table); no page's table is huge.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { layoutTimeline } from '../../src/charts/timeline/layout.ts';
import { layoutClaims, LATENCY_BINS } from '../../src/charts/claims/layout.ts';
import { layoutTakedowns } from '../../src/charts/takedowns/layout.ts';
import { siteChartNamed, siteCharts } from '../../src/charts/registry.ts';
import { sitePeriods, timelineListing } from '../../src/charts/site/site-charts.ts';
import { drillPages } from '../../src/charts/shared/drill.ts';
import { periodBounds, periodEnd, periodKey, periodStart, periodFromPath, periodPath } from '../../src/charts/shared/periods.ts';
import { DEFAULT_TABLE_LIMIT } from '../../src/charts/shared/summary.ts';
import { binGrid, binTarget, capLanes, filledGrid, MAX_BIN_MARKS, OTHER_LANE, RECORDS_PER_BAR, type BinGrid, type LaneInstant } from '../../src/charts/shared/bins.ts';
import type { ChartLayout, ExposedScale } from '../../src/charts/shared/types.ts';
import type { DataRecord } from '../../src/schema/records.ts';
import { attack, claim, statement, synthetic, takedown } from './fixtures.ts';

const tableIds = (layout: ChartLayout) => layout.table.groups.flatMap((g) => g.rows.map((r) => r.recordId));
const bins = (layout: ChartLayout) => layout.marks.filter((m) => m.type === 'bin');
const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);
const PLATFORM_IDS = ['telegram', 'tamtam', 'twitter', 'facebook', 'youtube', 'rocket-chat', 'element', 'hoop', 'discord', 'gab', 'minds', 'bitchute'];
const ofKinds = (records: DataRecord[], ...kinds: DataRecord['kind'][]) => records.filter((r) => kinds.includes(r.kind));

/** Claimed attacks and their claims: the records the claims table lists. */
function claimedRecords(records: DataRecord[]): DataRecord[] {
  const claimed = new Set(records.flatMap((r) => (r.kind === 'claim' ? [r.attack] : [])));
  return records.filter((r) => r.kind === 'claim' || (r.kind === 'attack' && claimed.has(r.id)));
}

describe('periods', () => {
  test('keys, bounds and paths', () => {
    const t = Date.UTC(2019, 10, 29, 13, 58);
    expect(periodKey(t, 'year')).toBe('2019');
    expect(periodKey(t, 'month')).toBe('2019-11');
    expect(periodBounds(t, 'month')).toEqual([Date.UTC(2019, 10, 1), Date.UTC(2019, 11, 1)]);
    expect([periodStart('2019'), periodEnd('2019')]).toEqual([Date.UTC(2019, 0, 1), Date.UTC(2020, 0, 1)]);
    expect(periodEnd('2019-12')).toBe(Date.UTC(2020, 0, 1));
    expect(periodPath('2019-03')).toBe('2019/03');
    expect(periodFromPath('2019/03')).toBe('2019-03');
    expect(periodFromPath('2019/13')).toBeUndefined();
  });

  test('lane caps keep the busiest lanes and gather the rest', () => {
    const counts = new Map([['a', 1], ['b', 9], ['c', 5], ['d', 2]]);
    expect([...capLanes(['a', 'b', 'c', 'd'], counts, 3)]).toEqual([['a', OTHER_LANE], ['b', 'b'], ['c', 'c'], ['d', OTHER_LANE]]);
    expect([...capLanes(['a', 'b'], counts, 3)]).toEqual([['a', 'a'], ['b', 'b']]);
  });

  test('drill-down pages: every year, and the months of years over the limit', () => {
    const records = synthetic(3_000);
    const filed = siteChartNamed('timeline').appears.site.file(records);
    const pages = drillPages(filed, (r) => r.length, 200);
    const years = pages.filter((p) => p.key.length === 4);
    // Claims of attacks late in 2024 come in 2025.
    expect(years.map((p) => p.key)).toEqual(['2014', '2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025']);
    expect(years.every((p) => p.summarised === p.records.length > 200)).toBe(true);
    expect(years.filter((p) => p.summarised)).toHaveLength(11);
    // Every record on exactly one listed page: a month of a busy year, or a quiet year.
    expect(sum(pages.filter((p) => !p.summarised).map((p) => p.records.length))).toBe(3_000);
    expect(pages.filter((p) => p.key.length > 4).every((p) => p.key.slice(0, 4) !== '2025')).toBe(true);
    expect(drillPages(filed, (r) => r.length, 10_000).every((p) => !p.summarised && p.key.length === 4)).toBe(true);
  });

  test('drill-down pages under a list limit: no page lists more, months past it have none and are named', () => {
    const records = synthetic(3_000);
    const filed = siteChartNamed('timeline').appears.site.file(records);
    const pages = drillPages(filed, (r) => r.length, 2_000, 20);
    const listed = pages.filter((p) => !p.summarised);
    expect(listed.every((p) => p.records.length <= 20)).toBe(true);
    const unpaged = pages.flatMap((p) => p.unpaged);
    expect(unpaged.length).toBeGreaterThan(0);
    // Each month is either a page of its own or named by its year as having none; never both.
    const months = new Set(pages.filter((p) => p.key.length > 4).map((p) => p.key));
    expect(unpaged.some((key) => months.has(key))).toBe(false);
    for (const year of pages.filter((p) => p.summarised)) {
      const ofYear = new Set(year.records.map((r) => periodKey(filed.find((f) => f.record === r)!.t!, 'month')));
      expect(new Set([...year.unpaged, ...[...months].filter((m) => m.startsWith(`${year.key}-`))])).toEqual(ofYear);
    }
    // Every record on one listed page, or in a month without one.
    const inUnpaged = filed.filter((f) => f.t !== undefined && unpaged.includes(periodKey(f.t, 'month'))).length;
    expect(inUnpaged + sum(listed.map((p) => p.records.length))).toBe(3_000);
  });
});

describe('10,000 records', () => {
  const records = synthetic(10_000);

  test('the synthetic data is deterministic and has every kind', () => {
    expect(synthetic(10_000)).toEqual(records);
    expect(new Set(records.map((r) => r.kind))).toEqual(new Set(['attack', 'claim', 'takedown', 'migration', 'statement']));
  });

  describe('timeline', () => {
    test('bins whose counts add up, each leading to a listed table group when the table fits', () => {
      const layout = layoutTimeline({ records, tableLimit: Infinity });
      expect(layout.binned).toBe(true);
      expect(layout.summarised).toBe(false);
      expect(sum(bins(layout).map((b) => b.count!))).toBe(10_000);
      const groups = new Set(layout.table.groups.map((g) => g.id));
      expect(bins(layout).every((b) => groups.has(b.group))).toBe(true);
      expect(new Set(tableIds(layout)).size).toBe(10_000);
    });

    test('above the table limit: counts per year and lane, bins that never straddle a year', () => {
      const layout = layoutTimeline({ records });
      expect(layout.summarised).toBe(true);
      const summary = layout.table.summary!;
      expect(summary.columns.at(-1)).toBe('Total');
      expect(sum(summary.rows.map((r) => r.counts.at(-1)!))).toBe(10_000);
      expect(summary.rows.map((r) => r.key)).toEqual(['2014', '2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025']);
      // Each lane's column adds up to the lane.
      layout.lanes.forEach((lane, i) => expect(sum(summary.rows.map((r) => r.counts[i]!))).toBe(lane.count));
      for (const b of bins(layout)) {
        expect(b.period).toBe(periodKey(b.t!, 'year'));
        expect(b.rect!.t1).toBeLessThanOrEqual(periodEnd(b.period!));
        expect(b.group).toBe(`p-${b.period}`);
      }
      expect(tableIds(layout)).toEqual([]);
      // Whether the years have pages is the page's to say (ChartFrame): the layout is shared.
      expect(layout.description).toContain('the table counts them by year.');
      expect(layout.description).not.toMatch(/leads to a page/);
      expect(layout.drillSentence).toBe('Each year leads to a page that lists its records.');
    });


    test('lanes by platform: at most 12 lanes, the rest in one, no bar lost', () => {
      const layout = layoutTimeline({ records, groupBy: 'platform' });
      expect(layout.lanes.length).toBeLessThanOrEqual(12);
      expect(layout.lanes.map((l) => l.id)).toContain(OTHER_LANE);
      expect(layout.description).toMatch(/The lane of other platforms holds/);
      expect(bins(layout).length).toBeLessThanOrEqual(MAX_BIN_MARKS);
      for (const lane of layout.lanes) expect(sum(bins(layout).filter((b) => b.lane === lane.id).map((b) => b.count!))).toBe(lane.count);
    });
  });

  describe('takedowns', () => {
    const shown = ofKinds(records, 'takedown', 'migration');

    test('bars per platform and one for migrations, counts adding up to every takedown and migration', () => {
      const layout = layoutTakedowns({ records, tableLimit: Infinity });
      expect(layout.binned).toBe(true);
      expect(layout.marks.every((m) => m.type === 'bin')).toBe(true);
      expect(sum(bins(layout).map((b) => b.count!))).toBe(shown.length);
      expect(layout.lanes.at(-1)!.label).toBe('Migrations');
      expect(layout.lanes.at(-1)!.count).toBe(ofKinds(records, 'migration').length);
      expect(layout.lanes.length).toBeLessThanOrEqual(13);
      for (const lane of layout.lanes) expect(sum(bins(layout).filter((b) => b.lane === lane.id).map((b) => b.count!))).toBe(lane.count);
      expect(bins(layout).every((b) => /^[\d,]+ records? · /.test(b.tip))).toBe(true);
      expect(bins(layout).some((b) => /removed/.test(b.tip))).toBe(true);
      expect(bins(layout).some((b) => / → /.test(b.tip))).toBe(true);
      const groups = new Set(layout.table.groups.map((g) => g.id));
      expect(bins(layout).every((b) => groups.has(b.group))).toBe(true);
      expect(tableIds(layout).sort()).toEqual(shown.map((r) => r.id).sort());
      expect(layout.description).toMatch(/Most frequent moves: /);
    });

    test('above the table limit: counts per year, every lane and a total', () => {
      const layout = layoutTakedowns({ records });
      expect(layout.summarised).toBe(true);
      const summary = layout.table.summary!;
      expect(sum(summary.rows.map((r) => r.counts.at(-1)!))).toBe(shown.length);
      expect(summary.columns.slice(0, -1)).toEqual(layout.lanes.map((l) => l.label));
      expect(bins(layout).every((b) => b.period && b.group === `p-${b.period}`)).toBe(true);
    });
  });

  describe('claims', () => {
    const listed = claimedRecords(records);

    test('a histogram of time to first claim, one bar per named range, adding up to the claimed attacks', () => {
      const layout = layoutClaims({ records, tableLimit: Infinity });
      expect(layout.binned).toBe(true);
      const histogram = bins(layout);
      const claimedAttacks = listed.filter((r) => r.kind === 'attack').length;
      expect(histogram.length).toBeGreaterThan(3);
      expect(histogram.length).toBeLessThanOrEqual(LATENCY_BINS.length);
      expect(sum(histogram.map((b) => b.count!))).toBe(claimedAttacks);
      expect(histogram.every((b) => /attacks? first claimed .+ after the attack/.test(b.tip))).toBe(true);
      // The per-attack panel still draws the most recent attacks one by one.
      expect(layout.marks.filter((m) => m.type === 'record').length).toBeGreaterThan(20);
      expect(layout.marks.length).toBeLessThan(200);
      const groups = new Set(layout.table.groups.map((g) => g.id));
      expect(histogram.every((b) => groups.has(b.group))).toBe(true);
      expect(tableIds(layout).sort()).toEqual(listed.map((r) => r.id).sort());
      expect(layout.description).toMatch(/Time to the first claim, in attacks: /);
    });

    test('above the table limit: claimed attacks and claims per year, bars leading to the summary', () => {
      const layout = layoutClaims({ records });
      expect(layout.summarised).toBe(true);
      const summary = layout.table.summary!;
      expect(summary.columns.slice(0, 2)).toEqual(['Claimed attacks', 'Claims']);
      expect(sum(summary.rows.map((r) => r.counts[0]! + r.counts[1]!))).toBe(listed.length);
      expect(bins(layout).every((b) => b.group === 'summary')).toBe(true);
    });
  });
});

describe('100,000 records', () => {
  let records: DataRecord[];
  beforeAll(() => {
    records = synthetic(100_000, 7);
  });

  // Every chart with pages of its own, as the registry lists them.
  test.each(siteCharts().map((entry) => entry.name))('%s: summarised site-wide, and every record in exactly one listed page', (chart) => {
    const entry = siteChartNamed(chart);
    const spec = entry.appears.site;
    const layoutOf = (options: Parameters<typeof entry.layout>[0]) => entry.layout(options) as ChartLayout;
    const layout = layoutOf({ records });
    expect(layout.summarised).toBe(true);
    expect(tableIds(layout)).toEqual([]);
    expect(bins(layout).length).toBeLessThanOrEqual(MAX_BIN_MARKS);
    expect(layout.table.summary!.rows.map((r) => r.key)).toEqual(expect.arrayContaining(['2014', '2019', '2024']));

    const { pages } = sitePeriods(chart, records);
    const listed = pages.filter((p) => !p.summarised);
    // Busy years are split into months; no listed page has more rows than the limit.
    expect(pages.some((p) => p.summarised)).toBe(true);
    for (const p of listed) expect(spec.rows(p.records)).toBeLessThanOrEqual(DEFAULT_TABLE_LIMIT);
    const seen = listed.flatMap((p) => p.records.map((r) => r.id));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(spec.file(records).length);

    // A summarised year's page counts by month; a month's page lists its records.
    const year = pages.find((p) => p.summarised)!;
    const yearLayout = layoutOf({ records: year.records, summaryGrain: 'month' });
    expect(yearLayout.summarised).toBe(true);
    expect(yearLayout.table.summary!.rows.every((r) => r.key.startsWith(`${year.key}-`))).toBe(true);
    const month = listed.find((p) => p.key.startsWith(`${year.key}-`))!;
    const monthLayout = layoutOf({ records: month.records, summaryGrain: false });
    expect(monthLayout.summarised).toBe(false);
    const expected = chart === 'claims' ? claimedRecords(month.records) : chart === 'takedowns' ? ofKinds(month.records, 'takedown', 'migration') : month.records;
    expect(tableIds(monthLayout).sort()).toEqual(expected.map((r) => r.id).sort());
  });

  test('every record has a row to link to: the timeline page that lists it, anchored at its row', () => {
    const listing = timelineListing(records);
    expect(listing.size).toBe(records.length);
    const listed = new Map(sitePeriods('timeline', records).pages.filter((p) => !p.summarised).map((p) => [`/timeline/${periodPath(p.key)}/`, new Set(p.records.map((r) => r.id))]));
    for (const record of records.slice(0, 2_000)) {
      const [path, anchor] = listing.get(record.id)!.split('#') as [string, string];
      expect(anchor).toBe(`timeline-record-${record.id}`);
      expect(listed.get(path)?.has(record.id), record.id).toBe(true);
    }
  });
});

describe('a chart that counts a few records (an incident past recordListLimit)', () => {
  // 100 records over three months, as an incident of the 100,000-record bench site has: one
  // attack, then claims, takedowns and statements on most days.
  const DAY = 86_400_000;
  const day = (i: number) => new Date(Date.UTC(2019, 11, 19) + ((i * 37) % 90) * DAY).toISOString().slice(0, 10);
  const records: DataRecord[] = [
    attack('a', day(0)),
    ...Array.from({ length: 30 }, (_, i) => claim(`c${i}`, day(i + 1), 'a', { platforms: [['telegram', 'tamtam', 'twitter'][i % 3]!] })),
    ...Array.from({ length: 40 }, (_, i) => takedown(`t${i}`, day(i + 31), { platform: ['telegram', 'tamtam', 'twitter', 'youtube'][i % 4] })),
    ...Array.from({ length: 29 }, (_, i) => statement(`s${i}`, day(i + 71))),
  ];
  const counts = (layout: ChartLayout) => bins(layout).map((b) => b.count!);
  const fill = (layout: ChartLayout) => sum(counts(layout)) / bins(layout).length;

  test('the timeline, by kind and by platform: bars of two records and more on average, every record counted once', () => {
    const byKind = layoutTimeline({ records, tableLimit: 0 });
    expect(byKind.summarised).toBe(true);
    expect(sum(counts(byKind))).toBe(100);
    // By day, as before, these were 100 bars of one record each.
    expect(bins(byKind).length).toBeLessThanOrEqual(50);
    expect(fill(byKind)).toBeGreaterThanOrEqual(RECORDS_PER_BAR);
    const byPlatform = layoutTimeline({ records, tableLimit: 0, groupBy: 'platform' });
    expect(fill(byPlatform)).toBeGreaterThanOrEqual(RECORDS_PER_BAR);
  });

  test('the takedowns chart likewise', () => {
    const layout = layoutTakedowns({ records, tableLimit: 0 });
    expect(sum(counts(layout))).toBe(40);
    expect(fill(layout)).toBeGreaterThanOrEqual(RECORDS_PER_BAR);
  });

  test('bars that hold two records already keep the grid the width gives; fewer records get a coarser one', () => {
    const scale = { type: 'utc', domain: [Date.UTC(2019, 0, 1), Date.UTC(2020, 0, 1)], range: [0, 800] } as unknown as ExposedScale;
    const target = binTarget(800);
    const barsOf = (grid: BinGrid, items: LaneInstant[]) => new Set(items.map((i) => `${i.lane} ${grid.start(i.t)}`)).size;
    // Three records a day in one lane: the width's grid (a few days a bar) is filled already.
    const dense = Array.from({ length: 365 * 3 }, (_, i) => ({ lane: 'a', t: Date.UTC(2019, 0, 1) + Math.floor(i / 3) * DAY }));
    const width = binGrid(scale, target, 'year');
    expect(barsOf(filledGrid(scale, target, dense, 'year'), dense)).toBe(barsOf(width, dense));
    // One record a week in each of four lanes: coarser, until bars hold two.
    const sparse = Array.from({ length: 52 * 4 }, (_, i) => ({ lane: `l${i % 4}`, t: Date.UTC(2019, 0, 1) + Math.floor(i / 4) * 7 * DAY }));
    const filled = filledGrid(scale, target, sparse, 'year');
    expect(barsOf(width, sparse)).toBe(52 * 4);
    expect(sparse.length / barsOf(filled, sparse)).toBeGreaterThanOrEqual(RECORDS_PER_BAR);
  });

  test('a chart whose table lists its records keeps its grid, whatever its fill', () => {
    // 200 takedowns over two years on 12 platforms: binned (past 150 marks), listed (under 300 rows).
    const many = Array.from({ length: 200 }, (_, i) => takedown(`t${i}`, new Date(Date.UTC(2018, 0, 1) + i * 3.6 * DAY).toISOString().slice(0, 10), { platform: PLATFORM_IDS[i % 12]! }));
    const layout = layoutTakedowns({ records: many, binThreshold: 150, tableLimit: 300 });
    expect(layout.summarised).toBe(false);
    expect(fill(layout)).toBeLessThan(RECORDS_PER_BAR);
  });
});
