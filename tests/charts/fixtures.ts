/** Test data: the bundled case study, and deterministic synthetic records for scale tests. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { DataRecord } from '../../src/schema/records.ts';
import type { Platform } from '../../src/schema/platforms.ts';
import type { Actor } from '../../src/schema/actors.ts';
import type { Source } from '../../src/schema/sources.ts';

const read = <T>(path: string): T => parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as T;

export const caseStudy = {
  records: read<DataRecord[]>('data/records/2019-fishmongers-hall.yaml'),
  platforms: read<Platform[]>('data/platforms.yaml'),
  actors: read<Actor[]>('data/actors.yaml'),
  sources: read<Source[]>('data/sources.yaml'),
};

const base = { sources: ['s'], title: 'A record' };

export function attack(id: string, date: string, extra: Partial<DataRecord> = {}): DataRecord {
  return { ...base, id, kind: 'attack', date, location: { place: 'X', country: 'GB' }, ...extra } as DataRecord;
}
export function claim(id: string, date: string, attackId: string, extra: Partial<DataRecord> = {}): DataRecord {
  return { ...base, id, kind: 'claim', date, attack: attackId, claimant: 'islamic-state', mode: 'posted-online', status: 'claimed', ...extra } as DataRecord;
}
export function takedown(id: string, date: string, extra: Record<string, unknown> = {}): DataRecord {
  return { ...base, id, kind: 'takedown', date, platform: 'telegram', initiator: 'platform', outcome: 'removed', ...extra } as DataRecord;
}
export function statement(id: string, date: string, extra: Record<string, unknown> = {}): DataRecord {
  return { ...base, id, kind: 'statement', date, actor: 'someone', ...extra } as DataRecord;
}

/** A small linear congruential generator: the same "random" records on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PLATFORMS = ['telegram', 'tamtam', 'twitter', 'facebook', 'youtube', 'rocket-chat', 'element', 'hoop', 'discord', 'gab', 'minds', 'bitchute', 'odysee', 'vk', 'instagram', 'tiktok'];
const PLACES = ['London', 'Vienna', 'Paris', 'Brussels', 'Manchester', 'Nice', 'Berlin', 'Christchurch', 'Halle', 'Hanau', 'Barcelona', 'Stockholm', 'Strasbourg', 'Dortmund', 'Lyon', 'Madrid'];
const GROUPS = ['Islamic State', 'al-Qaeda', 'Atomwaffen Division', 'The Base', 'Feuerkrieg Division', 'Hizb ut-Tahrir', 'Nordic Resistance Movement', 'Sonnenkrieg Division'];
const OUTLETS = ['Amaq News Agency', 'Nashir', 'al-Naba', 'Rumiyah', 'Terrorgram'];
const VERBS = ['removes', 'suspends', 'bans', 'blocks', 'takes down', 'deletes'];
const UNITS = ['accounts', 'channels', 'groups', 'bots', 'items', 'links'] as const;
const INITIATOR_LIST = ['platform', 'law-enforcement-referral', 'user-reports', 'automated', 'court-order', 'unknown'] as const;
const OUTCOME_LIST = ['removed', 'removed', 'removed', 'referred', 'restored', 'unknown'] as const;

/**
 * `n` records over 2014–2024 shaped like real data: all five kinds (a quarter attacks, a fifth
 * claims of an earlier attack minutes to weeks later, takedowns on a skewed spread of 16
 * platforms with every kind of scope, migrations, statements); intervals, month-precision,
 * approximate and timed dates; varied titles and ids, so gzipped sizes are honest estimates.
 */
export function synthetic(n: number, seed = 42): DataRecord[] {
  const random = lcg(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const platform = () => PLATFORMS[Math.floor(random() ** 2 * PLATFORMS.length)]!;
  const start = Date.UTC(2014, 0, 1);
  const span = Date.UTC(2024, 11, 31) - start;
  const DAY = 86_400_000;
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  const dateAt = (t: number, timed = false) => {
    const r = random();
    if (timed) return new Date(t).toISOString().slice(0, 16) + ':00Z';
    return r < 0.1 ? `${day(t)}/${day(t + DAY * (1 + Math.floor(random() * 5)))}` : r < 0.15 ? day(t).slice(0, 7) : r < 0.2 ? `${day(t)}~` : day(t);
  };
  let lastAttack: { id: string; t: number; timed: boolean } | undefined;
  return Array.from({ length: n }, (_, i): DataRecord => {
    const t = start + Math.floor(random() * span);
    const slot = i % 20;
    const serial = String(i).padStart(6, '0');
    if (slot < 5 || (slot < 9 && !lastAttack)) {
      const timed = random() < 0.3;
      const at = Math.floor(t / 60_000) * 60_000;
      const id = `attack-${day(t)}-${serial}`;
      lastAttack = { id, t: at, timed };
      const place = pick(PLACES);
      return attack(id, timed ? new Date(at).toISOString().slice(0, 16) + ':00Z' : day(at), { title: `${pick(['Stabbing', 'Shooting', 'Vehicle attack', 'Bombing', 'Arson attack'])} in ${place}, ${1 + Math.floor(random() * 40)} casualties`, location: { place, country: 'GB' } } as Partial<DataRecord>);
    }
    if (slot < 9) {
      const a = lastAttack!;
      const latency = Math.exp(Math.log(2 * 60_000) + random() * (Math.log(90 * DAY) - Math.log(2 * 60_000)));
      const outlet = pick(OUTLETS);
      const platforms = [platform(), ...(random() < 0.3 ? [platform()] : [])];
      return claim(`claim-${day(a.t)}-${serial}`, a.timed ? new Date(a.t + latency).toISOString().slice(0, 16) + ':00Z' : day(a.t + latency), a.id, {
        title: `${outlet} claims the ${day(a.t)} attack for ${pick(GROUPS)}`,
        platforms: [...new Set(platforms)],
        status: random() < 0.85 ? 'claimed' : 'competing',
      } as Partial<DataRecord>);
    }
    if (slot < 15) {
      const p = platform();
      const r = random();
      const count = 1 + Math.floor(random() ** 3 * 30_000);
      const unit = pick(UNITS);
      const scope = r < 0.4 ? { count, unit, precision: 'exact' } : r < 0.6 ? { count, unit, precision: 'approximate' } : r < 0.7 ? { count, unit, precision: 'at-least' } : r < 0.8 ? { text: pick(['hundreds', 'dozens', 'thousands']), unit } : undefined;
      return takedown(`takedown-${p}-${day(t)}-${serial}`, dateAt(t), {
        platform: p,
        initiator: pick(INITIATOR_LIST),
        outcome: pick(OUTCOME_LIST),
        ...(scope ? { scope } : {}),
        title: `${p[0]!.toUpperCase()}${p.slice(1)} ${pick(VERBS)} ${count.toLocaleString('en-GB')} ${unit} of ${pick(GROUPS)}`,
      });
    }
    if (slot < 17) {
      const from = platform();
      let to = platform();
      if (to === from) to = PLATFORMS[(PLATFORMS.indexOf(from) + 1) % PLATFORMS.length]!;
      const group = pick(GROUPS);
      return { ...base, id: `migration-${from}-${to}-${day(t)}-${serial}`, kind: 'migration', date: dateAt(t), from, to, actors: [group.toLowerCase().replaceAll(' ', '-')], title: `${group} moves from ${from} to ${to}` } as DataRecord;
    }
    return statement(`statement-${day(t)}-${serial}`, dateAt(t), { title: `${pick(['Europol', 'Tech Against Terrorism', 'GIFCT', 'Ofcom', pick(GROUPS)])} on ${pick(PLACES)}: ${pick(['transparency report', 'press release', 'hearing', 'interview', 'research note'])} #${1 + Math.floor(random() * 999)}`, ...(random() < 0.5 ? { platform: platform() } : {}) });
  });
}
