/**
 * Record subsets with downloads of their own: an incident's records (`/data/incidents/<slug>.csv`
 * and `.json`), the files its charts link to. Platforms and actors have none: their records are
 * in the site-wide files (one per kind and year, and records.parquet), which their charts link to.
 *
 * An incident whose page counts its records (past data/site.yaml `recordListLimit`) has its CSV
 * only: the setting is for sites too large for their host, and at 1,000 / 100,000 those JSON
 * files were 27 MiB of records that are already in the year's JSON and in records.parquet.
 */
import type { DataRecord } from '../schema/index.ts';
import { listsEachRecord, type SiteData } from '../data/queries.ts';

export type Scope = 'incidents';

export interface Subset {
  scope: Scope;
  id: string;
  records: DataRecord[];
}

export function subsets(site: Pick<SiteData, 'incidents' | 'recordsOfIncident'>): Subset[] {
  return site.incidents.map((i): Subset => ({ scope: 'incidents', id: i.id, records: site.recordsOfIncident(i.id) }));
}

/** The subsets that also have a JSON file: incidents whose page lists each record. */
export function jsonSubsets(site: Pick<SiteData, 'incidents' | 'recordsOfIncident' | 'site'>): Subset[] {
  return subsets(site).filter((subset) => listsEachRecord(site.site, subset.records.length));
}
