/**
 * A record's fields as label/value lines for readers, shared by the record cards, tooltips and
 * feeds. Values are plain text with optional links; nothing here is HTML.
 */
import { recordSchemas, type DataRecord, type Disputed, type Location, type Scope } from '../schema/index.ts';
import { locationText } from './places.ts';
import { referenceTarget, type Registry } from '../schema/common.ts';
import { arrayElement, objectShape, unwrap } from '../schema/introspect.ts';
import { formatDate } from './dates.ts';
import { formatCount } from './counts.ts';
import { label } from './labels.ts';
import type { SiteData } from './queries.ts';

export interface FactPart {
  text: string;
  href?: string;
}

export interface Fact {
  field: string;
  label: string;
  parts: FactPart[];
}

type Links = { platform(id: string): string; actor(id: string): string; record(id: string): string };

/** "at least 26,000 items", "about 5,000 accounts", "hundreds of accounts": for cards, charts and tables alike. */
export function formatScope(scope: Scope | undefined): string {
  if (!scope) return '';
  const unit = scope.unit ?? '';
  if (scope.count === undefined) return `${scope.text ?? ''}${unit ? ` of ${unit}` : ''}`;
  const n = `${formatCount(scope.count)}${unit ? ` ${unit}` : ''}`;
  switch (scope.precision) {
    case 'approximate':
      return `about ${n}`;
    case 'at-least':
      return `at least ${n}`;
    case 'exact':
      return n;
    default:
      return `${n} (precision unknown)`;
  }
}

const registries = new Map<string, Registry | undefined>();

/** The registry a record field's ids point into (`platform` → platforms), as its schema says. */
export function referencedRegistry(kind: DataRecord['kind'], field: string): Registry | undefined {
  const key = `${kind}.${field}`;
  if (!registries.has(key)) {
    const schema = objectShape(recordSchemas[kind])[field];
    const inner = schema && unwrap(schema);
    const element = inner && arrayElement(inner);
    registries.set(key, inner && (referenceTarget(inner) ?? (element ? referenceTarget(unwrap(element)) : undefined)));
  }
  return registries.get(key);
}

/**
 * The value of one field as text, for facts and for disputed alternatives alike. `nameOf` puts
 * ids into names (a disputed platform or claimant), for fields that hold ids.
 */
export function formatValue(field: string, value: unknown, nameOf?: (id: string) => string): string {
  if (nameOf && typeof value === 'string') return nameOf(value);
  if (field === 'date' && typeof value === 'string') {
    try {
      return formatDate(value);
    } catch {
      return value;
    }
  }
  if (Array.isArray(value)) return value.map((v) => formatValue(field, v, nameOf)).join(', ');
  if (typeof value === 'number') return value.toLocaleString('en-GB');
  if (value && typeof value === 'object') {
    if (field === 'scope') return formatScope(value as Scope);
    if (field === 'location' && 'place' in value && 'country' in value) return locationText(value as Location);
    return Object.values(value).map(String).join(', ');
  }
  return label(String(value));
}

/** Names for the ids a record's field may hold, by registry. */
export type IdNames = Partial<Record<'platforms' | 'actors', (id: string) => string>>;

/** A value of one of a record's fields as text, ids said as names (a disputed platform, a claimant). */
export function formatFieldValue(record: DataRecord, field: string, value: unknown, names: IdNames): string {
  const registry = referencedRegistry(record.kind, field);
  return formatValue(field, value, registry === 'platforms' || registry === 'actors' ? names[registry] : undefined);
}

export function recordFacts(record: DataRecord, data: Pick<SiteData, 'platformById' | 'actorById' | 'recordById'>, links: Links): Fact[] {
  const facts: Fact[] = [];
  const add = (field: string, text: string, parts: FactPart[]) => {
    if (parts.length > 0) facts.push({ field, label: text, parts });
  };
  const actor = (id: string): FactPart => ({ text: data.actorById.get(id)?.name ?? id, href: links.actor(id) });
  const platform = (id: string): FactPart => ({ text: data.platformById.get(id)?.name ?? id, href: links.platform(id) });
  const plain = (text: string): FactPart[] => [{ text }];

  add('date', 'Date', plain(formatDate(record.date)));
  switch (record.kind) {
    case 'attack':
      add('location', 'Location', plain(locationText(record.location)));
      add('perpetrators', 'Perpetrators', (record.perpetrators ?? []).map(actor));
      add('weapon', 'Weapon', record.weapon ? plain(record.weapon.map(label).join(', ')) : []);
      if (record.killed !== undefined) add('killed', 'Killed', plain(String(record.killed)));
      if (record.injured !== undefined) add('injured', 'Injured', plain(String(record.injured)));
      if (record.perpetrators_killed !== undefined) add('perpetrators_killed', 'Perpetrators killed', plain(String(record.perpetrators_killed)));
      break;
    case 'claim': {
      const attack = data.recordById.get(record.attack);
      add('attack', 'Claims', [{ text: attack?.title ?? record.attack, href: links.record(record.attack) }]);
      add('claimant', 'Claimant', [actor(record.claimant)]);
      if (record.outlet) add('outlet', 'Outlet', [actor(record.outlet)]);
      add('platforms', 'Published on', (record.platforms ?? []).map(platform));
      add('mode', 'Mode', plain(label(record.mode)));
      add('status', 'Status', plain(label(record.status)));
      if (record.evidence) add('evidence', 'Evidence', plain(label(record.evidence)));
      break;
    }
    case 'takedown':
      add('platform', 'Platform', [platform(record.platform)]);
      add('initiator', 'Initiator', plain(label(record.initiator)));
      if (record.referrer) add('referrer', 'Referrer', [actor(record.referrer)]);
      add('targets', 'Targets', (record.targets ?? []).map(actor));
      add('outcome', 'Outcome', plain(label(record.outcome)));
      if (record.scope) add('scope', 'Scope', plain(formatScope(record.scope)));
      if (record.countries !== undefined) add('countries', 'Countries taking part', plain(String(record.countries)));
      if (record.providers !== undefined) add('providers', 'Service providers taking part', plain(String(record.providers)));
      break;
    case 'migration':
      add('actors', 'Who moved', record.actors.map(actor));
      add('from', 'From', [platform(record.from)]);
      add('to', 'To', [platform(record.to)]);
      if (record.trigger) add('trigger', 'Set off by', [{ text: data.recordById.get(record.trigger)?.title ?? record.trigger, href: links.record(record.trigger) }]);
      break;
    case 'statement':
      add('actor', 'Said by', [actor(record.actor)]);
      if (record.platform) add('platform', 'On', [platform(record.platform)]);
      break;
  }
  return facts;
}

/** Disputes grouped by field, in the order the facts show them. */
export function disputesByField(record: DataRecord): Map<string, Disputed[]> {
  const groups = new Map<string, Disputed[]>();
  for (const dispute of record.disputed ?? []) {
    const group = groups.get(dispute.field) ?? [];
    group.push(dispute);
    groups.set(dispute.field, group);
  }
  return groups;
}
