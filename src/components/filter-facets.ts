/**
 * What a filter page's sidebar lists of one group of filters (IncidentFilters.astro).
 *
 * The incident list (/incidents/) links every value of every group. A filter page of its own
 * (/incidents/actor/<id>/, /incidents/platform/<id>/) cannot: every actor's page linking every
 * actor makes the pages grow with the square of the actors. At 1,000 write-ups and 274 actors
 * that was 274 pages of 274 links, some 40 KB of each page's 50; a team with a few thousand
 * actors would have published gigabytes of links. So past `FILTER_PAGE_FACETS` values a filter
 * page lists the values most write-ups have, and its own, in the group's order, and says how
 * many there are in all, with a link to the full list. Years are listed in full: they grow with
 * the span of time a site covers, not with its data.
 */
import type { Facet } from '../data/queries.ts';

/** How many values of a large group a filter page lists. */
export const FILTER_PAGE_FACETS = 12;

/**
 * The values of a group to list on a filter page, in the group's own order: all of them up to
 * `limit`; past it the `limit` with the most write-ups (ties in the group's order) and `current`,
 * the page's own value.
 */
export function facetsOnFilterPage(facets: readonly Facet[], current: string | undefined, limit = FILTER_PAGE_FACETS): Facet[] {
  if (facets.length <= limit) return [...facets];
  const most = facets
    .map((facet, index) => ({ facet, index }))
    .sort((a, b) => b.facet.count - a.facet.count || a.index - b.index)
    .slice(0, limit);
  const kept = new Set(most.map(({ facet }) => facet.value));
  if (current !== undefined) kept.add(current);
  return facets.filter((facet) => kept.has(facet.value));
}
