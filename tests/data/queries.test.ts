/** Queries that decide what readers see: which sources' links are defanged. */
import { describe, expect, it } from 'vitest';
import { buildSiteData, LARGE_SITE_LIST_LIMIT, LARGE_SITE_RECORDS, listLimitOf, publishedRecordCount } from '../../src/data/queries.ts';
import type { DataRecord, Source } from '../../src/schema/index.ts';

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

describe('the indexes', () => {
  const base = { sources: ['news'], incidents: ['one'] };
  const records: DataRecord[] = [
    { ...base, id: 'takedown-b', kind: 'takedown', date: '2019-11-03', title: 'B', platform: 'tamtam', initiator: 'platform', outcome: 'removed', targets: ['is'], referrer: 'europol' },
    { ...base, id: 'attack-a', kind: 'attack', date: '2019-11-01', title: 'A', perpetrators: ['is'], location: { place: 'Paris', country: 'FR' } },
    // Cites `news` twice (again in a dispute) and names a platform the registry does not list.
    {
      ...base,
      id: 'claim-c',
      kind: 'claim',
      date: '2019-11-02',
      title: 'C',
      attack: 'attack-a',
      claimant: 'amaq',
      platforms: ['telegram', 'gone'],
      mode: 'posted-online',
      status: 'claimed',
      sources: ['news', 'post'],
      disputed: [{ field: 'date', value: '2019-11-01', sources: ['news'] }],
    },
    { id: 'migration-d', kind: 'migration', date: '2019-11-03', title: 'D', actors: ['is'], from: 'telegram', to: 'tamtam', sources: ['post'], incidents: ['two'] },
  ];
  const site = buildSiteData(
    {
      site: { title: 'T', description: 'D', licence: 'L', language: 'en', defang: [] },
      platforms: [
        { id: 'telegram', name: 'Telegram', kind: 'messenger' },
        { id: 'tamtam', name: 'TamTam', kind: 'messenger' },
      ],
      actors: [
        { id: 'is', name: 'Islamic State', kind: 'armed-group' },
        { id: 'amaq', name: 'Amaq', kind: 'media-outlet', parent: 'is' },
        { id: 'europol', name: 'Europol', kind: 'government-agency' },
      ],
      sources: [source('news', {}), source('post', {})],
      records,
      incidents: [
        { id: 'one', title: 'One', date: '2019-11-01', summary: 'S', status: 'published' },
        { id: 'two', title: 'Two', date: '2019-11-03', summary: 'S', status: 'published' },
      ],
    },
    { includeDrafts: false },
  );
  const ids = (list: readonly { id: string }[]) => list.map((r) => r.id);

  it('lists records by date, then id, in every index', () => {
    expect(ids(site.records)).toEqual(['attack-a', 'claim-c', 'migration-d', 'takedown-b']);
    expect(ids(site.recordsOfIncident('one'))).toEqual(['attack-a', 'claim-c', 'takedown-b']);
    expect(ids(site.recordsOfKind('claim'))).toEqual(['claim-c']);
    expect(site.recordsOfActor('is').map(({ record, role }) => `${record.id}:${role}`)).toEqual(['attack-a:perpetrator', 'migration-d:moved', 'takedown-b:target']);
    expect(site.recordsOfPlatform('tamtam').map(({ record, role }) => `${record.id}:${role}`)).toEqual(['migration-d:moved-to', 'takedown-b:removed-on']);
    expect(site.recordById.get('claim-c')?.title).toBe('C');
  });

  it('lists a record once under a source it cites twice', () => {
    expect(ids(site.recordsCitingSource('news'))).toEqual(['attack-a', 'claim-c', 'takedown-b']);
    expect(ids(site.recordsCitingSource('post'))).toEqual(['claim-c', 'migration-d']);
  });

  it('gives an incident the platforms and actors its records name, in order of first mention, the registries’ only', () => {
    expect(site.facetsOfIncident('one')).toEqual({ years: [2019], platforms: ['telegram', 'tamtam'], actors: ['is', 'amaq', 'europol'] });
    expect(site.facetsOfIncident('two')).toEqual({ years: [2019], platforms: ['telegram', 'tamtam'], actors: ['is'] });
    expect(ids(site.incidentsOfActor('amaq'))).toEqual(['one']);
    expect(site.facets.platforms.map((f) => `${f.value}:${f.count}`)).toEqual(['tamtam:2', 'telegram:2']);
  });
});

describe('recordListLimit for a site’s size', () => {
  /** `n` migration records (the kind with the fewest fields), the first `ofDraft` of them only in a draft. */
  const siteOf = (n: number, setting?: number | 'all', ofDraft = 0) =>
    buildSiteData(
      {
        site: { title: 'T', description: 'D', licence: 'L', language: 'en', defang: [], ...(setting === undefined ? {} : { recordListLimit: setting }) },
        platforms: [
          { id: 'telegram', name: 'Telegram', kind: 'messenger' },
          { id: 'tamtam', name: 'TamTam', kind: 'messenger' },
        ],
        actors: [{ id: 'is', name: 'Islamic State', kind: 'armed-group' }],
        sources: [source('post', {})],
        records: Array.from({ length: n }, (_, i): DataRecord => ({
          id: `m-${i}`,
          kind: 'migration',
          date: '2019-11-03',
          title: `M ${i}`,
          actors: ['is'],
          from: 'telegram',
          to: 'tamtam',
          sources: ['post'],
          ...(i < ofDraft ? { incidents: ['draft'] } : {}),
        })),
        incidents: [{ id: 'draft', title: 'Draft', date: '2019-11-01', summary: 'S', status: 'draft' }],
      },
      { includeDrafts: false },
    );

  it('lists every record up to LARGE_SITE_RECORDS published records, and counts past LARGE_SITE_LIST_LIMIT beyond', () => {
    expect(siteOf(LARGE_SITE_RECORDS).site.recordListLimit).toBeUndefined();
    expect(siteOf(LARGE_SITE_RECORDS + 1).site.recordListLimit).toBe(LARGE_SITE_LIST_LIMIT);
    expect(LARGE_SITE_LIST_LIMIT).toBe(50);
  });

  it('counts only published records: a draft’s own records do not make a site large', () => {
    expect(siteOf(LARGE_SITE_RECORDS + 10, undefined, 10).site.recordListLimit).toBeUndefined();
    expect(publishedRecordCount({ incidents: [{ id: 'draft', status: 'draft' }], records: [{ incidents: ['draft'] }, {}] } as never, { includeDrafts: false })).toBe(1);
    expect(publishedRecordCount({ incidents: [{ id: 'draft', status: 'draft' }], records: [{ incidents: ['draft'] }, {}] } as never, { includeDrafts: true })).toBe(2);
  });

  it('follows data/site.yaml whatever the size: a number as set, `all` as none', () => {
    expect(siteOf(LARGE_SITE_RECORDS + 1, 'all').site.recordListLimit).toBeUndefined();
    expect(siteOf(LARGE_SITE_RECORDS + 1, 500).site.recordListLimit).toBe(500);
    expect(siteOf(10, 3).site.recordListLimit).toBe(3);
    expect(listLimitOf('all', 1e6)).toBeUndefined();
  });
});
