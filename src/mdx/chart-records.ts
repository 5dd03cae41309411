/** Which records a chart in a write-up draws: the incident's own, narrowed by the editor's props. */
import { platformsOf } from '../charts/shared/records.ts';
import type { DataRecord, RecordKind } from '../schema/records.ts';

export interface ChartFilter {
  kinds?: readonly RecordKind[];
  platforms?: readonly string[];
  records?: readonly string[];
}

export function chartRecords(incidentRecords: readonly DataRecord[], byId: ReadonlyMap<string, DataRecord>, filter: ChartFilter): DataRecord[] {
  const base = filter.records ? filter.records.flatMap((id) => byId.get(id) ?? []) : [...incidentRecords];
  return base.filter(
    (record) =>
      (!filter.kinds || filter.kinds.includes(record.kind)) &&
      (!filter.platforms || platformsOf(record).some((platform) => filter.platforms!.includes(platform))),
  );
}
