/**
 * Record subsets with downloads of their own: an incident's, a platform's and an actor's records
 * (`/data/incidents/<slug>.csv`, `/data/platforms/<id>.csv`, `/data/actors/<id>.csv`), the CSVs
 * their charts link to.
 */
import type { DataRecord } from '../schema/index.ts';
import type { SiteData } from '../data/queries.ts';

export type Scope = 'incidents' | 'platforms' | 'actors';

export interface Subset {
  scope: Scope;
  id: string;
  records: DataRecord[];
}

const distinct = (roles: { record: DataRecord }[]): DataRecord[] => [...new Map(roles.map((r) => [r.record.id, r.record])).values()];

export function subsets(site: Pick<SiteData, 'incidents' | 'platforms' | 'actors' | 'recordsOfIncident' | 'recordsOfPlatform' | 'recordsOfActor'>): Subset[] {
  return [
    ...site.incidents.map((i): Subset => ({ scope: 'incidents', id: i.id, records: site.recordsOfIncident(i.id) })),
    ...site.platforms.map((p): Subset => ({ scope: 'platforms', id: p.id, records: distinct(site.recordsOfPlatform(p.id)) })),
    ...site.actors.map((a): Subset => ({ scope: 'actors', id: a.id, records: distinct(site.recordsOfActor(a.id)) })),
  ].filter((s) => s.scope === 'incidents' || s.records.length > 0);
}
