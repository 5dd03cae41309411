/**
 * The bibliography (`/sources/`) in pages. Every source has an address that citations link to
 * (`/sources/#id`), and a dataset the size of the GTD cites tens of thousands of documents: at
 * 35 to 80 bytes gzipped each, one page holds a few thousand before it passes 300 KB. Up to
 * SOURCES_PER_PAGE sources stay one page; past it, `/sources/`, `/sources/2/`, … each hold the
 * next SOURCES_PER_PAGE, in the same order (by kind, then title), and a source's address names
 * its page.
 */
import type { Source } from '../schema/index.ts';

export const SOURCES_PER_PAGE = 2000;

export interface SourceGroup {
  kind: Source['kind'];
  sources: Source[];
}

export interface SourcePage {
  /** 1, 2, …: the first page is `/sources/` itself. */
  number: number;
  /** Site path, before the base path. */
  path: string;
  /**
   * This page's part of each kind, in order; a kind may begin on one page and go on on the next.
   * `start` is the number of the part's first source within its kind, from 1.
   */
  groups: (SourceGroup & { start: number })[];
  /** How many sources the page lists. */
  count: number;
}

export function sourcePagePath(number: number): string {
  return number === 1 ? '/sources/' : `/sources/${number}/`;
}

/** The pages of the bibliography: always at least one, so `/sources/` exists for an empty site too. */
export function paginateSources(groups: readonly SourceGroup[], perPage = SOURCES_PER_PAGE): SourcePage[] {
  const pages: SourcePage[] = [];
  let page: SourcePage | undefined;
  for (const group of groups) {
    for (let start = 0; start < group.sources.length; ) {
      if (!page || page.count === perPage) pages.push((page = { number: pages.length + 1, path: sourcePagePath(pages.length + 1), groups: [], count: 0 }));
      const part = group.sources.slice(start, start + perPage - page.count);
      page.groups.push({ kind: group.kind, sources: part, start: start + 1 });
      page.count += part.length;
      start += part.length;
    }
  }
  return pages.length > 0 ? pages : [{ number: 1, path: sourcePagePath(1), groups: [], count: 0 }];
}
