/**
 * Rules across records, on every record whose fields in question are valid, so that a typo
 * elsewhere in the record does not hide them until the next run (the first of duplicate ids
 * wins); and the actors' parents, which must lead somewhere. Rules: `wrong-ref-kind`,
 * `claim-before-attack`, `migration-same-platform`, `invalid` (a parent cycle).
 */
import { isDate, parseDate } from '../../schema/edtf.ts';
import type { Entry } from '../../data/files.ts';
import type { Actor } from '../../schema/index.ts';
import { problemAt, type CheckContext } from '../context.ts';
import { UNFILLED } from '../unfilled.ts';
import type { Validated } from './schemas.ts';

/** The fields these rules read, as written: any of them may be missing or of the wrong type. */
interface RawRecord {
  id?: unknown;
  kind?: unknown;
  date?: unknown;
  attack?: unknown;
  from?: unknown;
  to?: unknown;
  trigger?: unknown;
}

/** `word` after "a" or "an": "an attack", "a claim". */
const withArticle = (word: string) => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);

const dateOf = (value: unknown) => ((typeof value === 'string' || value instanceof Date) && isDate(value) ? parseDate(value) : undefined);

/** A claim's attack, a migration's trigger: a record of the right kind, and for a claim, one before it. */
export function checkRecordRules(ctx: CheckContext, records: Entry[]): void {
  const byId = new Map<string, RawRecord>();
  for (const entry of records) {
    const record = (entry.value ?? {}) as RawRecord;
    if (typeof record.id === 'string' && !byId.has(record.id)) byId.set(record.id, record);
  }
  const notOfKind = (entry: Entry, field: 'attack' | 'trigger', target: RawRecord | undefined, kind: string) => {
    if (!target || typeof target.kind !== 'string' || target.kind === kind) return false;
    const id = String((entry.value as RawRecord)[field]);
    ctx.problems.push(problemAt(entry, [field], `"${field}" points at "${id}", which is ${withArticle(target.kind)}, not ${withArticle(kind)}`, 'wrong-ref-kind'));
    return true;
  };
  for (const entry of records) {
    const record = (entry.value ?? {}) as RawRecord;
    if (record.kind === 'claim' && typeof record.attack === 'string') {
      const attack = byId.get(record.attack);
      const [claimed, attacked] = [dateOf(record.date), dateOf(attack?.date)];
      if (!notOfKind(entry, 'attack', attack, 'attack') && claimed && attacked && claimed.end < attacked.start) {
        ctx.problems.push(problemAt(entry, ['date'], `claim dated ${claimed.edtf} is before the attack it claims ("${record.attack}", ${attacked.edtf})`, 'claim-before-attack'));
      }
    }
    if (record.kind === 'migration') {
      // A skeleton from `npm run new` has TODO in both: its own warnings say so.
      if (typeof record.from === 'string' && !UNFILLED.test(record.from) && record.from === record.to) {
        ctx.problems.push(problemAt(entry, ['to'], `migration goes from "${record.from}" to itself: "from" and "to" must differ`, 'migration-same-platform'));
      }
      notOfKind(entry, 'trigger', typeof record.trigger === 'string' ? byId.get(record.trigger) : undefined, 'takedown');
    }
  }
}

/** An actor's parents must lead somewhere: Amaq → Islamic State, never back to Amaq. */
export function checkActorParents(ctx: CheckContext, actors: Validated<Actor>[]): void {
  const parentOf = new Map(actors.map(({ value }) => [value.id, value.parent]));
  for (const { entry, value: actor } of actors) {
    // Each actor in a cycle is told, at its own parent; one whose ancestors merely run into
    // someone else's cycle is not.
    const seen = new Set([actor.id]);
    for (let parent = actor.parent; parent !== undefined && !seen.has(parent); parent = parentOf.get(parent)) seen.add(parent);
    const last = [...seen].at(-1)!;
    if (parentOf.get(last) !== actor.id) continue;
    const message = actor.parent === actor.id ? `"parent" is the actor itself` : `"parent" leads back to "${actor.id}" (${[...seen].join(' → ')} → ${actor.id}): a parent organisation cannot be its own descendant`;
    ctx.problems.push(problemAt(entry, ['parent'], message, 'invalid'));
  }
}
