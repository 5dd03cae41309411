/** A chart's layout is computed once for records several pages draw alike (the site's: a site-wide chart's page, its embed, the home page). */
import { describe, expect, test } from 'vitest';
import { layoutOnce } from '../../src/charts/shared/layout-once.ts';
import { markDrawnAlike } from '../../src/data/drawn-alike.ts';
import { layoutTimeline } from '../../src/charts/timeline/layout.ts';
import { layoutClaims } from '../../src/charts/claims/layout.ts';
import { layoutTakedowns } from '../../src/charts/takedowns/layout.ts';
import { layoutMap } from '../../src/charts/map/layout.ts';
import { caseStudy, synthetic } from './fixtures.ts';

/** Records marked as drawn alike, as the site marks its own. */
const shared = <T extends object>(records: T[]): T[] => (markDrawnAlike(records), records);

/** Options as a chart takes them: records, and anything else. */
type AnyOptions = { records: readonly object[]; [option: string]: unknown };

/** How many times `layoutOnce` computed, for one chart over `records` with each of `options`. */
function computations(records: readonly object[], ...options: Record<string, unknown>[]): number {
  let count = 0;
  for (const extra of options) {
    layoutOnce('test', { records, ...extra } as AnyOptions, { grain: 'year', width: 960 }, () => ++count);
  }
  return count;
}

describe('layoutOnce', () => {
  const many = () => shared(Array.from({ length: 3 }, (_, i) => ({ i })));

  test('computes shared records once, whether an option is given its default or left out', () => {
    expect(computations(many(), {}, { grain: 'year' }, { width: 960, grain: undefined })).toBe(1);
  });

  test('computes again for other options, other objects among them, or other records', () => {
    const records = many();
    const platforms = [{ id: 'p' }];
    expect(computations(records, { grain: 'month' }, { grain: false }, { grain: 'year' }, { grain: 'month' })).toBe(3);
    expect(computations(records, { platforms }, { platforms: [...platforms] }, { platforms })).toBe(2);
    expect(computations(shared([...records]), {})).toBe(1);
  });

  test('keeps nothing of records not shared, nor anything whose options hold a function', () => {
    expect(computations([...many()], {}, {})).toBe(2);
    const hrefFor = () => '#';
    expect(computations(many(), { hrefFor }, { hrefFor })).toBe(2);
  });
});

describe('the charts lay out shared records once', () => {
  const records = shared(synthetic(2_500));
  const registries = { platforms: caseStudy.platforms, actors: caseStudy.actors, sources: caseStudy.sources };

  test('the same layout for a page that names the default grain and an embed that leaves it out', () => {
    const page = layoutTimeline({ records, ...registries, summaryGrain: 'year' });
    expect(layoutTimeline({ records, ...registries })).toBe(page);
    expect(layoutTimeline({ records, ...registries, groupBy: 'platform' })).not.toBe(page);
    expect(layoutClaims({ records, ...registries })).toBe(layoutClaims({ records, ...registries, summaryGrain: 'year' }));
    expect(layoutTakedowns({ records, ...registries })).toBe(layoutTakedowns({ records, ...registries, width: 960 }));
    expect(layoutMap({ records, sources: caseStudy.sources })).toBe(layoutMap({ records, sources: caseStudy.sources, summaryBy: 'country' }));
  });

  test('computes from the options with their defaults filled in, as it keys them', () => {
    let seen: Record<string, unknown> = {};
    layoutOnce('test-filled', { records: [], width: undefined, grain: false } as AnyOptions, { grain: 'year', width: 960 }, (filled) => void (seen = filled));
    expect(seen).toEqual({ records: [], width: 960, grain: false });
  });

  test('a year’s page (month grain) gets its own, equal to one computed from nothing', () => {
    const month = layoutTimeline({ records, ...registries, summaryGrain: 'month' });
    expect(month).not.toBe(layoutTimeline({ records, ...registries }));
    expect(month).toEqual(layoutTimeline({ records: [...records], ...registries, summaryGrain: 'month' }));
  });

  test('records not shared are laid out each time', () => {
    const own = [...records];
    expect(layoutTimeline({ records: own, ...registries })).not.toBe(layoutTimeline({ records: own, ...registries }));
  });
});
