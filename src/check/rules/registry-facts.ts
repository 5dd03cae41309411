/**
 * A platform's owner, country and dates, and a platform's or an actor's description, are facts
 * like a record's: an entry that states any of them and lists no source behind them is warned,
 * at its id, naming what it states. Rule: `unsourced-registry-fact`.
 */
import { statedFacts, type RegistryFactField } from '../../data/registry-facts.ts';
import type { Actor, Platform } from '../../schema/index.ts';
import { NAMES, problemAt, type CheckContext } from '../context.ts';
import type { Validated } from './schemas.ts';

const WORDS: Record<RegistryFactField, string> = {
  owner: 'its owner',
  country: 'its country',
  launched: 'its launch date',
  closed: 'its closing date',
  notes: 'a description (notes)',
};

/** "a, b and c". */
const inWords = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

export function checkRegistryFacts(ctx: CheckContext, found: { platforms: Validated<Platform>[]; actors: Validated<Actor>[] }): void {
  const registries = [
    ['platforms', found.platforms],
    ['actors', found.actors],
  ] as const;
  for (const [registry, entries] of registries) {
    for (const { entry, value } of entries) {
      const facts = statedFacts(value);
      if (facts.length === 0 || (value.sources?.length ?? 0) > 0) continue;
      const message = `${NAMES[registry]} "${value.id}" states ${inWords(facts.map((f) => WORDS[f]))} with no source: list the sources behind them under "sources"`;
      ctx.problems.push(problemAt(entry, ['id'], message, 'unsourced-registry-fact', 'warning'));
    }
  }
}
