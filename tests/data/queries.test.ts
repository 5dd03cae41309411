/** Queries that decide what readers see: which sources' links are defanged. */
import { describe, expect, it } from 'vitest';
import { buildSiteData } from '../../src/data/queries.ts';
import type { Source } from '../../src/schema/index.ts';

const source = (id: string, extra: Partial<Source>): Source => ({ id, title: id, publisher: 'P', kind: 'news', published: '2019', ...extra });

describe('sourceIsDefanged', () => {
  const site = buildSiteData(
    {
      site: { title: 'T', description: 'D', licence: 'L', language: 'en', defang: ['t.me'] },
      platforms: [],
      actors: [
        { id: 'is', name: 'Islamic State', kind: 'armed-group' },
        { id: 'amaq', name: 'Amaq', kind: 'media-outlet', parent: 'is' },
        { id: 'winter', name: 'Charlie Winter', kind: 'researcher' },
        { id: 'nashir', name: 'Nashir', kind: 'media-outlet' },
        { id: 'europol', name: 'Europol', kind: 'government-agency' },
      ],
      sources: [
        source('news', { url: 'https://news.example/a', archived: 'https://archive.example/news.example/a' }),
        source('on-telegram', { url: 'https://t.me/channel/1' }),
        source('archived-telegram', { url: 'https://example.org/', archived: 'https://web.archive.example/web/2019/https://t.me/channel/2' }),
        source('amaq-post', { kind: 'social-post', actor: 'amaq', url: 'https://example.social/amaq/1' }),
        source('anonymous-post', { kind: 'social-post', url: 'https://example.social/x/1' }),
        source('researcher-post', { kind: 'social-post', actor: 'winter', url: 'https://example.social/cw/1' }),
        source('agency-post', { kind: 'social-post', actor: 'europol', url: 'https://example.social/europol/1' }),
        source('network-post', { kind: 'social-post', actor: 'nashir', url: 'https://example.net/nashir/123' }),
      ],
      records: [],
      incidents: [],
    },
    { includeDrafts: false },
  );
  const defanged = site.sources.filter((s) => site.sourceIsDefanged(s)).map((s) => s.id).sort();

  it('covers every post but those of researchers, agencies and platforms (a supporters’ network with no parent too), and listed domains in url or archive', () => {
    expect(defanged).toEqual(['amaq-post', 'anonymous-post', 'archived-telegram', 'network-post', 'on-telegram']);
  });
});

describe('formatValue', () => {
  it('reads disputed mappings (a location, a scope) as words, not [object Object]', async () => {
    const { formatValue } = await import('../../src/data/facts.ts');
    expect(formatValue('location', { place: 'London', country: 'GB' })).toBe('London, GB');
    expect(formatValue('scope', { count: 5000, unit: 'accounts', precision: 'approximate' })).toBe('about 5,000 accounts');
    expect(formatValue('date', '2019-11-30')).toBe('30 November 2019');
  });
});
