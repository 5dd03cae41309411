/** Moved pages: the old addresses of renamed incidents, platforms and actors (src/site/redirects.ts). */
import { describe, expect, it } from 'vitest';
import { movedPages, redirectsFile } from '../../src/site/redirects.ts';

describe('moved pages', () => {
  const data = {
    incidents: [
      { id: 'new-slug', title: 'New', formerly: ['old-slug'] },
      { id: 'secret', title: 'Draft', status: 'draft', formerly: ['secret-old'] },
    ],
    platforms: [{ id: 'tamtam', name: 'TamTam', formerly: ['tam-tam'] }],
    actors: [{ id: 'amaq', name: 'Amaq' }],
  };
  it('lead from every old page to the new one, never from a draft’s', () => {
    expect(movedPages(data)).toEqual([
      { from: '/incidents/old-slug/', to: '/incidents/new-slug/', title: 'New' },
      { from: '/platforms/tam-tam/', to: '/platforms/tamtam/', title: 'TamTam' },
    ]);
  });
  it('are listed in _redirects under the base path, with and without the slash', () => {
    expect(redirectsFile(movedPages(data), '/dw/').split('\n').slice(1)).toEqual([
      '/dw/incidents/old-slug/ /dw/incidents/new-slug/ 301',
      '/dw/incidents/old-slug /dw/incidents/new-slug/ 301',
      '/dw/platforms/tam-tam/ /dw/platforms/tamtam/ 301',
      '/dw/platforms/tam-tam /dw/platforms/tamtam/ 301',
      '',
    ]);
  });
});
