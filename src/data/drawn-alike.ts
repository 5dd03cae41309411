/**
 * Lists of records that several pages draw with the same options. The site's own list is one
 * (src/site/index.ts marks it): a site-wide chart's page, its embed page and the home page all lay
 * it out alike. The charts keep their layouts of such a list for as long as it lives
 * (charts/shared/layout-once.ts); any other list is laid out each time it is drawn, so that a
 * build never holds every page's layouts at once.
 */
const lists = new WeakSet<readonly object[]>();

export function markDrawnAlike(records: readonly object[]): void {
  lists.add(records);
}

export function isDrawnAlike(records: readonly object[]): boolean {
  return lists.has(records);
}
