/**
 * The data downloads: one file per registry and per record kind (and all records together), as
 * JSON and CSV, described by a Frictionless data package. JSON keeps every value as the data holds
 * it (URLs included: a cell is not a link); CSV follows the loader's convention (see table.ts).
 */
import { actorSchema, platformSchema, recordSchemas, RECORD_KINDS, sourceSchema, type DataRecord, type RecordKind } from '../schema/index.ts';
import type { SiteData } from '../data/queries.ts';
import { columnsOf, mergeColumns, toCsv, type Column } from './table.ts';

export interface Download {
  /** The file name without extension: `/data/<name>.json`, `/data/<name>.csv`. */
  name: string;
  title: string;
  description: string;
  columns: Column[];
  rows: readonly object[];
  /** The record kind, for record files. */
  kind?: RecordKind;
}

/** `attack` → `attacks`: file names are plural, and start with the kind, as the CSV loader expects. */
export const fileOfKind = (kind: RecordKind): string => `${kind}s`;

const KIND_TITLES: Record<RecordKind, [string, string]> = {
  attack: ['Attacks', 'Attacks, with place, perpetrators, weapons and casualties (victims only).'],
  claim: ['Claims of responsibility', 'Claims of responsibility: who claimed which attack, where, how and with what status.'],
  takedown: ['Takedowns', 'Content or accounts removed or referred: platform, initiator, targets, outcome and scope.'],
  migration: ['Migrations', 'Actors moving their presence from one platform to another.'],
  statement: ['Statements', 'What agencies, platforms and researchers said on the record.'],
};

/** Every download the site offers, in the order the data page lists them. */
export function downloads(site: Pick<SiteData, 'platforms' | 'actors' | 'sources' | 'records' | 'recordsOfKind'>): Download[] {
  const recordColumns = RECORD_KINDS.map((kind) => columnsOf(recordSchemas[kind]));
  return [
    ...RECORD_KINDS.map((kind, i): Download => ({
      name: fileOfKind(kind),
      title: KIND_TITLES[kind][0],
      description: KIND_TITLES[kind][1],
      columns: recordColumns[i]!,
      rows: site.recordsOfKind(kind),
      kind,
    })),
    {
      name: 'records',
      title: 'All records',
      description: 'Every record of every kind in one table, with a kind column; fields a kind does not have are empty.',
      columns: mergeColumns(recordColumns),
      rows: site.records,
    },
    { name: 'platforms', title: 'Platforms', description: 'The platforms: services where content is posted, removed and moved.', columns: columnsOf(platformSchema), rows: site.platforms },
    { name: 'actors', title: 'Actors', description: 'Groups, outlets, agencies, platform operators, researchers and people.', columns: columnsOf(actorSchema), rows: site.actors },
    { name: 'sources', title: 'Sources', description: 'Every cited document, with its original and archived URLs as data.', columns: columnsOf(sourceSchema), rows: site.sources },
  ];
}

let allRecordColumns: Column[] | undefined;

/** Records as a CSV with the columns of all kinds (the per-incident files); the columns are read from the schemas once. */
export function recordsCsv(records: readonly DataRecord[]): string {
  allRecordColumns ??= mergeColumns(RECORD_KINDS.map((kind) => columnsOf(recordSchemas[kind])));
  return toCsv(allRecordColumns, records);
}

export function downloadCsv(download: Download): string {
  return toCsv(download.columns, download.rows);
}

export function downloadJson(download: Download): string {
  return `${JSON.stringify(download.rows, null, 2)}\n`;
}
