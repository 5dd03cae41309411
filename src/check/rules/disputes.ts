/**
 * Disputes: the other values sources give for a field of a record (`disputed:`). Each names a
 * field the record has, and its value is held to that field's own rules: its list, its type, its
 * references (checked with the others, in references.ts). Judged on every record whose kind is
 * known, valid or not, so that one run reports them with the record's other errors.
 * Rules: `unknown-field`, `bad-date`, and the field's own, each message starting "disputed".
 */
import { z } from 'zod';
import { parseDate } from '../../schema/edtf.ts';
import type { Entry } from '../../data/files.ts';
import { recordSchemas, type RecordKind } from '../../schema/index.ts';
import { objectShape } from '../../schema/introspect.ts';
import { prefixingProblems, problemAt, type CheckContext } from '../context.ts';
import { didYouMean } from '../suggest.ts';
import type { ValidData } from './schemas.ts';
import { validateEntry } from './schemas.ts';

/** A disputed value as an entry of its own (`{field: value}`), located inside its record. */
export interface DisputedValue {
  schema: z.ZodType;
  entry: Entry;
}

/** Fields that say what a record is or where it comes from, not what the sources disagree on. */
const NOT_DISPUTABLE = ['id', 'kind', 'disputed', 'sources', 'incidents'];

/** A schema of one field of a record kind, for a disputed value of that field; one per field, so reference walkers are built once. */
const disputeSchemas = new Map<string, z.ZodType>();
function disputeSchema(kind: RecordKind, field: string): z.ZodType {
  const key = `${kind}.${field}`;
  let schema = disputeSchemas.get(key);
  if (!schema) disputeSchemas.set(key, (schema = z.object({ [field]: objectShape(recordSchemas[kind])[field]! })));
  return schema;
}

/** Runs a check of a disputed value; its problems say that it is one. */
export const asDisputed = (ctx: CheckContext, check: () => unknown) => prefixingProblems(ctx, (message) => `disputed value: ${message}`, check);

export function checkDisputes(ctx: CheckContext, records: Entry[], valid: Pick<ValidData, 'recordSchemas'>): DisputedValue[] {
  const values: DisputedValue[] = [];
  for (const entry of records) {
    const kind = (entry.value as { kind?: unknown }).kind;
    const disputed = (entry.value as { disputed?: unknown }).disputed;
    if (!valid.recordSchemas.get(entry) || !Array.isArray(disputed)) continue;
    const fields = Object.keys(objectShape(recordSchemas[kind as RecordKind]));
    disputed.forEach((dispute: { field?: unknown; value?: unknown }, index) => {
      if (typeof dispute?.field !== 'string') return; // the schema has said what is wrong with it
      if (!fields.includes(dispute.field) || NOT_DISPUTABLE.includes(dispute.field)) {
        ctx.problems.push(problemAt(entry, ['disputed', index, 'field'], `a ${String(kind)} has no field "${dispute.field}" to dispute${didYouMean(dispute.field, fields)}`, 'unknown-field'));
      } else if (dispute.field === 'date' || (dispute.field === 'launched' && typeof dispute.value === 'string')) {
        try {
          parseDate(String(dispute.value));
        } catch (error) {
          ctx.problems.push(problemAt(entry, ['disputed', index, 'value'], `disputed date: ${(error as Error).message}`, 'bad-date'));
        }
      } else {
        const schema = disputeSchema(kind as RecordKind, dispute.field);
        const value: Entry = { file: entry.file, value: { [dispute.field]: dispute.value }, locate: (path, options) => entry.locate(['disputed', index, 'value', ...path.slice(1)], options) };
        asDisputed(ctx, () => validateEntry(ctx, schema, value));
        values.push({ schema, entry: value });
      }
    });
  }
  return values;
}
