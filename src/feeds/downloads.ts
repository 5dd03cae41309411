/**
 * The data downloads: the records as one file per kind and year, the registries as one file each,
 * as JSON and CSV, and every record in one typed Parquet file (parquet.ts); all described by a
 * Frictionless data package. JSON keeps every value as the data holds it (URLs included: a cell
 * is not a link); CSV follows the loader's convention (see table.ts).
 *
 * Why by kind and year: static hosts refuse large files (Cloudflare Pages 25 MiB a file), and one
 * file of all records was 47 MiB at 100,000 records. A year of one kind stays small at any
 * dataset this site can build (docs/scale.md); the whole dataset in one file is the Parquet one,
 * compressed and columnar, which is what analysis tools read best.
 */
import { actorSchema, platformSchema, recordSchemas, RECORD_KINDS, sourceSchema, type DataRecord, type RecordKind } from '../schema/index.ts';
import type { SiteData } from '../data/queries.ts';
import { columnsOf, mergeColumns, toCsv, type Column } from './table.ts';
import { KIND_TITLES, recordFile, recordYear } from '../data/record-files.ts';

export { fileOfKind, recordYear } from '../data/record-files.ts';

export interface Download {
  /** The file name without extension: `/data/<name>.json`, `/data/<name>.csv`. */
  name: string;
  title: string;
  description: string;
  columns: Column[];
  /** Which columns (`columnsFor`): a worker thread is handed the key, not the schemas. */
  columnsKey: ColumnsKey;
  rows: readonly object[];
  /** The record kind, for record files. */
  kind?: RecordKind;
  /** The year of the records' dates (their start), for record files: `2019`, or `undated`. */
  year?: string;
}

/** The records of one kind: its title, description and one file per year, oldest first. */
export interface KindDownloads {
  kind: RecordKind;
  title: string;
  description: string;
  rows: number;
  files: Download[];
}


/** `/data/records.parquet`: every record, one typed table. */
export const PARQUET_FILE = 'records.parquet';

const KIND_DESCRIPTIONS: Record<RecordKind, string> = {
  attack: 'Attacks, with place, perpetrators, weapons and casualties (victims only).',
  claim: 'Claims of responsibility: who claimed which attack, where, how and with what status.',
  takedown: 'Content or accounts removed or referred: platform, initiator, targets, outcome and scope.',
  migration: 'Actors moving their presence from one platform to another.',
  statement: 'What agencies, platforms and researchers said on the record.',
};


const recordColumns = new Map<RecordKind, Column[]>();
const columnsOfKind = (kind: RecordKind): Column[] => {
  let columns = recordColumns.get(kind);
  if (!columns) recordColumns.set(kind, (columns = columnsOf(recordSchemas[kind])));
  return columns;
};

let allRecordColumns: Column[] | undefined;
/** The columns of every record kind in one table (the per-incident files, the Parquet file), read from the schemas once. */
export function allRecordsColumns(): Column[] {
  return (allRecordColumns ??= mergeColumns(RECORD_KINDS.map(columnsOfKind)));
}

/** The columns of a file: every record kind's (`records`), one kind's, or a registry's. */
export type ColumnsKey = 'records' | RecordKind | 'platforms' | 'actors' | 'sources';

const REGISTRY_SCHEMAS = { platforms: platformSchema, actors: actorSchema, sources: sourceSchema };
const registryColumns = new Map<string, Column[]>();

export function columnsFor(key: ColumnsKey): Column[] {
  if (key === 'records') return allRecordsColumns();
  if (key === 'platforms' || key === 'actors' || key === 'sources') {
    let columns = registryColumns.get(key);
    if (!columns) registryColumns.set(key, (columns = columnsOf(REGISTRY_SCHEMAS[key])));
    return columns;
  }
  return columnsOfKind(key);
}

type Registries = Pick<SiteData, 'platforms' | 'actors' | 'sources' | 'recordsOfKind'>;
const byKindCache = new WeakMap<object, KindDownloads[]>();

/** The record files, kind by kind (in the schema's order of kinds), each kind's by year. Computed once per site data. */
export function recordDownloads(site: Registries): KindDownloads[] {
  let known = byKindCache.get(site);
  if (known) return known;
  known = RECORD_KINDS.map((kind): KindDownloads => {
    const title = KIND_TITLES[kind];
    const description = KIND_DESCRIPTIONS[kind];
    const rows = site.recordsOfKind(kind);
    const years = new Map<string, DataRecord[]>();
    for (const record of rows) {
      const year = recordYear(record);
      (years.get(year) ?? years.set(year, []).get(year)!).push(record);
    }
    const files = [...years.keys()].sort().map((year): Download => ({
      name: recordFile(kind, year),
      title: `${title}, ${year}`,
      description: `${description} Dated ${year === 'undated' ? 'with no start year' : year}.`,
      columns: columnsOfKind(kind),
      columnsKey: kind,
      rows: years.get(year)!,
      kind,
      year,
    }));
    return { kind, title, description, rows: rows.length, files };
  });
  byKindCache.set(site, known);
  return known;
}

/** The registries' files. */
export function registryDownloads(site: Registries): Download[] {
  return [
    { name: 'platforms', title: 'Platforms', description: 'The platforms: services where content is posted, removed and moved.', columns: columnsFor('platforms'), columnsKey: 'platforms', rows: site.platforms },
    { name: 'actors', title: 'Actors', description: 'Groups, outlets, agencies, platform operators, researchers and people.', columns: columnsFor('actors'), columnsKey: 'actors', rows: site.actors },
    { name: 'sources', title: 'Sources', description: 'Every cited document, with its original and archived URLs as data.', columns: columnsFor('sources'), columnsKey: 'sources', rows: site.sources },
  ];
}

/** Every JSON and CSV download the site offers: the record files by kind and year, then the registries. */
export function downloads(site: Registries): Download[] {
  return [...recordDownloads(site).flatMap((kind) => kind.files), ...registryDownloads(site)];
}

/** Records as a CSV with the columns of all kinds (the per-incident files). */
export function recordsCsv(records: readonly DataRecord[]): string {
  return toCsv(allRecordsColumns(), records);
}

export function downloadCsv(download: Download): string {
  return toCsv(download.columns, download.rows);
}

/**
 * A JSON array with one entry per line: as compact as JSON gets (indenting was a third of the
 * bytes), and still readable and diffable line by line.
 */
export function jsonLines(rows: readonly unknown[]): string {
  return rows.length === 0 ? '[]\n' : `[\n${rows.map((row) => JSON.stringify(row)).join(',\n')}\n]\n`;
}

export function downloadJson(download: Download): string {
  return jsonLines(download.rows);
}
