/** Small questions charts ask of records: their date, their platforms, names for ids. */
import { dateToEdtf, parseDate } from '../../data/dates.ts';
import type { DateSpan } from '../../data/dates.ts';
import type { DataRecord } from '../../schema/records.ts';
import type { Platform } from '../../schema/platforms.ts';
import type { Actor } from '../../schema/actors.ts';
import type { Source } from '../../schema/sources.ts';
import type { TableModel } from './types.ts';
import { formatValue } from '../../data/facts.ts';
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

// One lookup per registry list, whoever asks: a registry has one way to name its entries.
const lookups = new WeakMap<readonly { id: string }[], (id: string) => string>();

function lookup<T extends { id: string }>(list: readonly T[] | undefined, nameOf: (entry: T) => string): (id: string) => string {
  if (!list) return (id) => id;
  let name = lookups.get(list);
  if (!name) {
    const names = new Map(list.map((x) => [x.id, nameOf(x)]));
    lookups.set(list, (name = (id) => names.get(id) ?? id));
  }
  return name;
}

/** Names by id, from a registry (platforms, actors): built once per registry, not once per chart. */
export const namer = (list: readonly { id: string; name: string }[] | undefined) => lookup(list, (x) => x.name);

/** A source as readers know it, by its publisher. */
export const sourceNamer = (sources: readonly Pick<Source, 'id' | 'publisher'>[] | undefined) => lookup(sources, (s) => s.publisher);

/** What other sources report, one line a disputed value: "outcome: removed, according to Reuters, Hürriyet". */
export function disputeLines(record: DataRecord, sourceName: (id: string) => string): string[] {
  return (record.disputed ?? []).map((d) => `${label(d.field)}: ${formatValue(d.field, d.value)}, according to ${[...new Set(d.sources.map(sourceName))].join(', ')}`);
}

/**
 * A table with the conflicting reports beside each record: a last column, "Sources disagree",
 * when any record it lists has a disputed value. Summary tables (counts) are left as they are.
 */
export function withDisputes(table: TableModel, records: readonly DataRecord[], sourceName: (id: string) => string): TableModel {
  if (!records.some((r) => r.disputed?.length)) return table;
  const byId = new Map(records.map((r) => [r.id, r]));
  const lines = (id: string) => {
    const record = byId.get(id);
    return record ? disputeLines(record, sourceName).join('; ') : '';
  };
  return {
    ...table,
    columns: [...table.columns, 'Sources disagree'],
    groups: table.groups.map((g) => ({ ...g, rows: g.rows.map((row) => ({ ...row, cells: [...row.cells, lines(row.recordId)] })) })),
  };
}

/** Stable order: by date, then id, so layouts and snapshots never depend on input order. */
export function byDate<T extends { span: DateSpan; record: DataRecord }>(a: T, b: T): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0);
}
