/**
 * Which download file holds a record: one per kind and year (`/data/attacks-2019.csv`), named
 * here so that the data page, the data package and the charts' links agree (src/feeds/downloads.ts
 * says why the records are split).
 */
import type { DataRecord, RecordKind } from '../schema/index.ts';

/**
 * The year a record's file is named after: the first year its date names (an interval's start;
 * `2019-XX`, `2019~` and `2019-03?` all give 2019), `undated` for an open start (`../2019`).
 */
export function recordYear(record: Pick<DataRecord, 'date'>): string {
  return /^(\d{4})/.exec(record.date.trim())?.[1] ?? 'undated';
}

/** What a link to the downloads of a set of records says. */
export const DATA_LINK_LABEL = 'Download the data (CSV, JSON, Parquet)';

/** The records of a kind, as their file's title says. */
export const KIND_TITLES: Record<RecordKind, string> = {
  attack: 'Attacks',
  claim: 'Claims of responsibility',
  takedown: 'Takedowns',
  migration: 'Migrations',
  statement: 'Statements',
};

/** `attack` → `attacks`: file names are plural, and start with the kind, as the CSV loader expects. */
export const fileOfKind = (kind: RecordKind): string => `${kind}s`;

/** The file name (no extension) of the records of `kind` dated in `year`: `attacks-2019`. */
export const recordFile = (kind: RecordKind, year: string): string => `${fileOfKind(kind)}-${year}`;
