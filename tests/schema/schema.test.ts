/** The zod schemas: the data model of docs/data-model.md, field by field. */
import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, isoCodeFor } from '../../src/schema/countries.ts';
import { actorSchema, incidentSchema, platformSchema, recordSchema, siteSchema, sourceSchema } from '../../src/schema/index.ts';

const record = { id: 'r', date: '2019-11-29', title: 'T', sources: ['s'] };
const ok = (schema: { safeParse(v: unknown): { success: boolean } }, value: unknown) => schema.safeParse(value).success;

describe('records', () => {
  it('accepts each kind with its required fields', () => {
    expect(ok(recordSchema, { ...record, kind: 'attack', location: { place: 'London', country: 'GB' } })).toBe(true);
    expect(ok(recordSchema, { ...record, kind: 'claim', attack: 'a', claimant: 'c', mode: 'posted-online', status: 'claimed' })).toBe(true);
    expect(ok(recordSchema, { ...record, kind: 'takedown', platform: 'p', initiator: 'platform', outcome: 'removed' })).toBe(true);
    expect(ok(recordSchema, { ...record, kind: 'migration', actors: ['a'], from: 'p', to: 'q' })).toBe(true);
    expect(ok(recordSchema, { ...record, kind: 'statement', actor: 'a' })).toBe(true);
  });

  it('requires the fields docs/data-model.md requires', () => {
    expect(ok(recordSchema, { ...record, kind: 'attack' })).toBe(false);
    expect(ok(recordSchema, { ...record, kind: 'claim', attack: 'a', claimant: 'c', mode: 'posted-online' })).toBe(false);
    expect(ok(recordSchema, { ...record, kind: 'takedown', platform: 'p', initiator: 'platform' })).toBe(false);
    expect(ok(recordSchema, { ...record, kind: 'migration', actors: ['a'], from: 'p' })).toBe(false);
    expect(ok(recordSchema, { ...record, sources: [], kind: 'statement', actor: 'a' })).toBe(false);
  });

  it('keeps GTD vocabularies closed', () => {
    expect(ok(recordSchema, { ...record, kind: 'attack', location: { place: 'L', country: 'GB' }, weapon: ['knife'] })).toBe(false);
    expect(ok(recordSchema, { ...record, kind: 'attack', location: { place: 'L', country: 'GB' }, killed: 1.5 })).toBe(false);
    expect(ok(recordSchema, { ...record, kind: 'claim', attack: 'a', claimant: 'c', mode: 'tweet', status: 'claimed' })).toBe(false);
  });

  it('takes a scope as a count with unit and precision, or as words', () => {
    const takedown = { ...record, kind: 'takedown', platform: 'p', initiator: 'platform', outcome: 'removed' };
    expect(ok(recordSchema, { ...takedown, scope: { count: 26000, unit: 'items', precision: 'at-least' } })).toBe(true);
    expect(ok(recordSchema, { ...takedown, scope: { text: 'hundreds', unit: 'accounts' } })).toBe(true);
    expect(ok(recordSchema, { ...takedown, scope: { count: 5 } })).toBe(false);
    expect(ok(recordSchema, { ...takedown, scope: {} })).toBe(false);
  });

  it('keeps disputed values with their own sources', () => {
    expect(ok(recordSchema, { ...record, kind: 'statement', actor: 'a', disputed: [{ field: 'date', value: '2019-12-01', sources: ['s2'], note: 'n' }] })).toBe(true);
    expect(ok(recordSchema, { ...record, kind: 'statement', actor: 'a', disputed: [{ field: 'date', value: '2019-12-01', sources: [] }] })).toBe(false);
  });

  it('rejects bad dates and intervals that end before they start', () => {
    expect(ok(recordSchema, { ...record, date: '2019-02-30', kind: 'statement', actor: 'a' })).toBe(false);
    expect(ok(recordSchema, { ...record, date: '2019-11-24/2019-11-21', kind: 'statement', actor: 'a' })).toBe(false);
  });
});

describe('registries', () => {
  it('reject non-http URLs', () => {
    const source = { id: 's', title: 'T', publisher: 'P', kind: 'news', published: '2019' };
    expect(ok(sourceSchema, { ...source, url: 'https://example.org/a' })).toBe(true);
    for (const url of ['javascript:alert(1)', 'data:text/html,x', '/relative', 'ftp://example.org', 'https://']) {
      expect(ok(sourceSchema, { ...source, url }), url).toBe(false);
    }
    expect(ok(platformSchema, { id: 'p', name: 'P', kind: 'messenger', website: 'javascript:x' })).toBe(false);
  });

  it('keep aliases in other scripts with their language', () => {
    expect(ok(actorSchema, { id: 'a', name: 'A', kind: 'armed-group', aliases: ['ISIS', { name: 'الدولة الإسلامية', lang: 'ar' }] })).toBe(true);
    expect(ok(actorSchema, { id: 'a', name: 'A', kind: 'armed-group', aliases: [{ name: 'x', lang: 'not a tag!' }] })).toBe(false);
  });

  it('reject ids that are not kebab-case and unknown fields', () => {
    expect(ok(platformSchema, { id: 'Tele_gram', name: 'T', kind: 'messenger' })).toBe(false);
    expect(ok(platformSchema, { id: 'telegram', name: 'T', kind: 'messenger', owner2: 'x' })).toBe(false);
  });
});

describe('frontmatter and settings', () => {
  it('defaults an incident to published and knows drafts', () => {
    expect(incidentSchema.parse({ title: 'T', date: '2019', summary: 'S' }).status).toBe('published');
    expect(incidentSchema.parse({ title: 'T', date: '2019', summary: 'S', status: 'draft' }).status).toBe('draft');
    expect(ok(incidentSchema, { title: 'T', date: '2019', summary: 'S', status: 'hidden' })).toBe(false);
  });

  it('takes the defang list as bare domains', () => {
    expect(siteSchema.parse({ title: 'T', description: 'D', licence: 'L', defang: ['t.me'] }).defang).toEqual(['t.me']);
    expect(ok(siteSchema, { title: 'T', description: 'D', licence: 'L', defang: ['https://t.me/'] })).toBe(false);
  });

  it('takes recordListLimit as a whole number of at least 1, or `all`', () => {
    const site = { title: 'T', description: 'D', licence: 'L' };
    expect(siteSchema.parse({ ...site, recordListLimit: 50 }).recordListLimit).toBe(50);
    expect(siteSchema.parse({ ...site, recordListLimit: 'all' }).recordListLimit).toBe('all');
    expect(siteSchema.parse(site).recordListLimit).toBeUndefined();
    for (const bad of [0, 2.5, 'none', 'ALL', null]) expect(ok(siteSchema, { ...site, recordListLimit: bad }), String(bad)).toBe(false);
  });
});

describe('country codes', () => {
  it('are the 249 codes of ISO 3166-1 and XK, each a region Intl can name', () => {
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    expect(COUNTRY_CODES.size).toBe(250);
    for (const code of COUNTRY_CODES) expect(names.of(code), code).not.toBe(code);
  });

  it('point from a code that is not ISO (UK, SU) to the one that is', () => {
    expect(isoCodeFor('UK')).toBe('GB');
    expect(isoCodeFor('SU')).toBe('RU');
    expect(isoCodeFor('XX')).toBeUndefined();
  });
});
