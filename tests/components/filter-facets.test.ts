import { describe, expect, it } from 'vitest';
import { FILTER_PAGE_FACETS, facetsOnFilterPage } from '../../src/components/filter-facets.ts';
import type { Facet } from '../../src/data/queries.ts';

/** Facets in a group's order (by label), with counts that do not follow it. */
const group = (n: number): Facet[] =>
  Array.from({ length: n }, (_, i) => ({ value: `a${String(i).padStart(3, '0')}`, label: `Actor ${String(i).padStart(3, '0')}`, count: (i * 7) % 11 }));

describe('facetsOnFilterPage', () => {
  it('lists a small group in full', () => {
    const facets = group(FILTER_PAGE_FACETS);
    expect(facetsOnFilterPage(facets, 'a003')).toEqual(facets);
  });

  it('lists the values with the most write-ups of a large group, in the group’s order', () => {
    const facets = group(40);
    const shown = facetsOnFilterPage(facets, undefined);
    expect(shown).toHaveLength(FILTER_PAGE_FACETS);
    const least = Math.min(...shown.map((f) => f.count));
    // Nothing left out has more write-ups than anything listed.
    expect(facets.filter((f) => !shown.includes(f)).every((f) => f.count <= least)).toBe(true);
    expect(shown.map((f) => facets.indexOf(f))).toEqual([...shown.map((f) => facets.indexOf(f))].sort((a, b) => a - b));
  });

  it('keeps the page’s own value, however few write-ups it has', () => {
    const facets = group(40);
    const rare = facets.find((f) => f.count === 0)!;
    const shown = facetsOnFilterPage(facets, rare.value);
    expect(shown).toHaveLength(FILTER_PAGE_FACETS + 1);
    expect(shown).toContain(rare);
  });

  it('breaks ties in the group’s order, so a build lists the same values every time', () => {
    const facets = Array.from({ length: 30 }, (_, i) => ({ value: `v${i}`, label: `V ${i}`, count: 1 }));
    expect(facetsOnFilterPage(facets, undefined, 3).map((f) => f.value)).toEqual(['v0', 'v1', 'v2']);
  });
});
