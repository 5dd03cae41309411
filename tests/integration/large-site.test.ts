/**
 * What `astro build` says of a site past LARGE_SITE_RECORDS records that leaves data/site.yaml
 * `recordListLimit` unset: its pages count past 50 records, and how to list every one.
 */
import { describe, expect, it } from 'vitest';
import { largeSiteNote } from '../../src/integration/index.ts';
import { LARGE_SITE_RECORDS } from '../../src/data/queries.ts';
import type { ProjectData } from '../../src/check/project-data.ts';

const data = (records: number, recordListLimit?: number | 'all', ofDraft = 0): ProjectData => ({
  site: { title: 'T', description: 'D', licence: 'L', language: 'en', defang: [], ...(recordListLimit === undefined ? {} : { recordListLimit }) },
  platforms: [],
  actors: [],
  sources: [],
  records: Array.from({ length: records }, (_, i) => ({ id: `r-${i}`, ...(i < ofDraft ? { incidents: ['draft'] } : {}) })) as never,
  incidents: [{ id: 'draft', status: 'draft' }] as never,
  pages: [],
});

describe('the note of a large site', () => {
  it('says how many records, the limit that applies, and how to set another or list all', () => {
    expect(largeSiteNote(data(100_000), false)).toBe(
      '100,000 records, more than 50,000: pages list at most 50 records each and count the rest, so that the site stays within static hosts\' limits (an incident with more has no card per record and no JSON file of its own, a month with more no page of its own); recordListLimit in data/site.yaml sets another number, or "all" (docs/scale.md)',
    );
  });

  it('is not said of a site that sets recordListLimit, or of one up to the size', () => {
    expect(largeSiteNote(data(100_000, 'all'), false)).toBeUndefined();
    expect(largeSiteNote(data(100_000, 200), false)).toBeUndefined();
    expect(largeSiteNote(data(LARGE_SITE_RECORDS), false)).toBeUndefined();
  });

  it('counts what the site publishes: in a build, not a draft’s own records', () => {
    expect(largeSiteNote(data(LARGE_SITE_RECORDS + 5, undefined, 5), false)).toBeUndefined();
    expect(largeSiteNote(data(LARGE_SITE_RECORDS + 5, undefined, 5), true)).toMatch(/^50,005 records \(drafts included\), more than 50,000/);
  });
});
