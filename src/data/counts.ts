/** Counts in words: one number format for every page, card, chart and table. */
import { RECORD_KINDS, type RecordKind } from '../schema/records.ts';
import { KIND_PLURALS } from './labels.ts';

const COUNT = new Intl.NumberFormat('en-GB');

/** 12,345: one formatter for every count (toLocaleString builds a new one each call). */
export function formatCount(n: number): string {
  return COUNT.format(n);
}

export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** `1 claim`, `1,204 claims`. */
export function countKind(n: number, kind: RecordKind): string {
  return plural(n, kind, KIND_PLURALS[kind]);
}

/** `1 attack, 12 claims`: how many records of each kind, in the kinds' order, none left out for zero. */
export function countsByKind(records: readonly { kind: RecordKind }[]): string {
  const counts = new Map<RecordKind, number>();
  for (const record of records) counts.set(record.kind, (counts.get(record.kind) ?? 0) + 1);
  return RECORD_KINDS.flatMap((kind) => (counts.has(kind) ? [countKind(counts.get(kind)!, kind)] : [])).join(', ');
}
