/**
 * Record subsets with downloads of their own: an incident's records (`/data/incidents/<slug>.csv`
 * and `.json`), the files its charts link to. Platforms and actors have none: their records are
 * in the site-wide files (one per kind and year, and records.parquet), which their charts link to.
 */
import type { DataRecord } from '../schema/index.ts';
import type { SiteData } from '../data/queries.ts';

export type Scope = 'incidents';

export interface Subset {
  scope: Scope;
  id: string;
  records: DataRecord[];
}

export function subsets(site: Pick<SiteData, 'incidents' | 'recordsOfIncident'>): Subset[] {
  return site.incidents.map((i): Subset => ({ scope: 'incidents', id: i.id, records: site.recordsOfIncident(i.id) }));
}
