/**
 * What a platform or an actor states as fact, beyond its name and kind: the fields a reader would
 * want a source for. The checker warns on an entry that states any of them without a source
 * (`unsourced-registry-fact`), and the entry's page says when none is given.
 */
import type { Actor, Platform } from '../schema/index.ts';

/** Owner, country and dates are facts; so is a description, which `notes` holds. */
export const REGISTRY_FACT_FIELDS = ['owner', 'country', 'launched', 'closed', 'notes'] as const;

export type RegistryFactField = (typeof REGISTRY_FACT_FIELDS)[number];

/** The fact fields an entry fills, in the order of REGISTRY_FACT_FIELDS. */
export function statedFacts(entry: Partial<Record<RegistryFactField, unknown>> | Platform | Actor): RegistryFactField[] {
  const values = entry as Partial<Record<RegistryFactField, unknown>>;
  return REGISTRY_FACT_FIELDS.filter((field) => {
    const value = values[field];
    return typeof value === 'string' ? value.trim() !== '' : value !== undefined && value !== null;
  });
}
