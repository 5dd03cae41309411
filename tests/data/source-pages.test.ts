/** The bibliography in pages: every source on exactly one page, and its address naming that page. */
import { describe, expect, it } from 'vitest';
import { paginateSources, SOURCES_PER_PAGE } from '../../src/data/source-pages.ts';
import { buildSiteData } from '../../src/data/queries.ts';
import type { Source } from '../../src/schema/index.ts';

const source = (id: string, kind: Source['kind']): Source => ({ id, title: id, publisher: 'P', kind, published: '2019' });
const many = (n: number, kind: Source['kind'], prefix: string) => Array.from({ length: n }, (_, i) => source(`${prefix}-${String(i).padStart(5, '0')}`, kind));

describe('paginateSources', () => {
  it('keeps a small bibliography on one page, /sources/', () => {
    const pages = paginateSources([{ kind: 'news', sources: many(3, 'news', 'n') }, { kind: 'report', sources: many(2, 'report', 'r') }]);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ number: 1, path: '/sources/', count: 5 });
    expect(pages[0]!.groups.map((g) => [g.kind, g.sources.length, g.start])).toEqual([['news', 3, 1], ['report', 2, 1]]);
  });

  it('has one empty page when there are no sources', () => {
    expect(paginateSources([])).toEqual([{ number: 1, path: '/sources/', groups: [], count: 0 }]);
  });

  it('splits past the page size, in order, a kind going on from one page to the next', () => {
    const pages = paginateSources([{ kind: 'news', sources: many(7, 'news', 'n') }, { kind: 'report', sources: many(4, 'report', 'r') }], 5);
    expect(pages.map((p) => [p.path, p.count])).toEqual([['/sources/', 5], ['/sources/2/', 5], ['/sources/3/', 1]]);
    expect(pages.map((p) => p.groups.map((g) => `${g.kind}@${g.start}:${g.sources.map((s) => s.id.slice(-1)).join('')}`))).toEqual([
      ['news@1:01234'],
      ['news@6:56', 'report@1:012'],
      ['report@4:3'],
    ]);
  });
});

describe('sourcePath and sourceKindPath', () => {
  const site = buildSiteData(
    {
      site: { title: 'T', description: 'D', licence: 'L', language: 'en', defang: [] },
      platforms: [],
      actors: [],
      // More than a page: the news run onto page 2, where the reports begin.
      sources: [...many(SOURCES_PER_PAGE + 10, 'news', 'n'), ...many(3, 'report', 'r')],
      records: [],
      incidents: [],
    },
    { includeDrafts: false },
  );

  it('points each source at the page that lists it', () => {
    expect(site.sourcePages.map((p) => p.path)).toEqual(['/sources/', '/sources/2/']);
    expect(site.sourcePath('n-00000')).toBe('/sources/#n-00000');
    expect(site.sourcePath(`n-${String(SOURCES_PER_PAGE).padStart(5, '0')}`)).toBe(`/sources/2/#n-${String(SOURCES_PER_PAGE).padStart(5, '0')}`);
    expect(site.sourcePath('r-00002')).toBe('/sources/2/#r-00002');
    for (const page of site.sourcePages) for (const group of page.groups) for (const s of group.sources) expect(site.sourcePath(s.id)).toBe(`${page.path}#${s.id}`);
  });

  it('points each kind at the page where its list begins', () => {
    expect(site.sourceKindPath('news')).toBe('/sources/#kind-news');
    expect(site.sourceKindPath('report')).toBe('/sources/2/#kind-report');
  });
});
