/** Small questions charts ask of records: their date, their platforms, names for ids. */
import { compareSpans, dateToEdtf, parseDate } from '../../schema/edtf.ts';
import type { DateSpan } from '../../schema/edtf.ts';
import type { DataRecord } from '../../schema/records.ts';
import type { Platform } from '../../schema/platforms.ts';
import type { Actor } from '../../schema/actors.ts';
import type { Source } from '../../schema/sources.ts';
import type { TableModel } from './types.ts';
import { formatFieldValue, type IdNames } from '../../data/facts.ts';
import { label } from '../../data/labels.ts';

export interface ChartInput {
  records: readonly DataRecord[];
  platforms?: readonly Platform[];
  actors?: readonly Actor[];
  /** Publishers' names for the sources of disputed values; their ids without it. */
  sources?: readonly Pick<Source, 'id' | 'publisher'>[];
  /** SVG user units; the SVG scales to its container. */
  width?: number;
}

/** Parse without throwing: validated data never fails here, but a chart must not take a page down. */
export function spanOf(date: unknown): DateSpan | undefined {
  try {
    if (typeof date === 'string') return parseDate(date);
    if (date instanceof Date) return Number.isNaN(+date) ? undefined : parseDate(dateToEdtf(date));
  } catch {
    // an unreadable date: the chart lists the record in its table instead of drawing it
  }
  return undefined;
}

/** Platform ids a record happened on; a migration belongs to both ends. */
export function platformsOf(record: DataRecord): string[] {
  switch (record.kind) {
    case 'takedown':
      return [record.platform];
    case 'claim':
      return record.platforms ?? [];
    case 'migration':
      return [record.from, record.to];
    case 'statement':
      return record.platform ? [record.platform] : [];
    default:
      return [];
  }
}

/** Alternative dates other sources give (`disputed` entries on the `date` field). */
export function disputedDates(record: DataRecord): { span: DateSpan; note?: string; sources: string[] }[] {
  return (record.disputed ?? []).flatMap((d) => {
    if (d.field !== 'date' || typeof d.value !== 'string') return [];
    const span = spanOf(d.value);
    return span ? [{ span, note: d.note, sources: d.sources }] : [];
  });
}

/** Names by id from a registry list, each list's map built once, however many charts ask. */
function lookupBy<T extends { id: string }>(nameOf: (entry: T) => string): (list: readonly T[] | undefined) => (id: string) => string {
  const cache = new WeakMap<readonly T[], (id: string) => string>();
  return (list) => {
    if (!list) return (id) => id;
    let name = cache.get(list);
    if (!name) {
      const names = new Map(list.map((x) => [x.id, nameOf(x)]));
      cache.set(list, (name = (id) => names.get(id) ?? id));
    }
    return name;
  };
}

/** Names by id, from a registry (platforms, actors). */
export const namer = lookupBy<{ id: string; name: string }>((x) => x.name);

/** A source as readers know it, by its publisher. */
export const sourceNamer = lookupBy<Pick<Source, 'id' | 'publisher'>>((s) => s.publisher);

/** What other sources report, one line a disputed value: "outcome: removed, according to Reuters, Hürriyet". */
export function disputeLines(record: DataRecord, sourceName: (id: string) => string, names: IdNames = {}): string[] {
  return (record.disputed ?? []).map((d) => `${label(d.field)}: ${formatFieldValue(record, d.field, d.value, names)}, according to ${[...new Set(d.sources.map(sourceName))].join(', ')}`);
}

/**
 * A table with the conflicting reports beside each record: a last column, "Sources disagree",
 * when any record it lists has a disputed value. Summary tables (counts) are left as they are.
 */
export function withDisputes(table: TableModel, records: readonly DataRecord[], sourceName: (id: string) => string, names: IdNames = {}): TableModel {
  const disputed = new Map(records.filter((r) => r.disputed?.length).map((r) => [r.id, r]));
  if (!table.groups.some((g) => g.rows.some((row) => disputed.has(row.recordId)))) return table;
  const lines = (id: string) => {
    const record = disputed.get(id);
    return record ? disputeLines(record, sourceName, names).join('; ') : '';
  };
  return {
    ...table,
    columns: [...table.columns, 'Sources disagree'],
    groups: table.groups.map((g) => ({ ...g, rows: g.rows.map((row) => ({ ...row, cells: [...row.cells, lines(row.recordId)] })) })),
  };
}

/** Stable order: by date as records are listed (`compareSpans`), then id, so layouts and snapshots never depend on input order. */
export function byDate<T extends { span: DateSpan; record: DataRecord }>(a: T, b: T): number {
  return compareSpans(a.span, b.span) || (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0);
}
