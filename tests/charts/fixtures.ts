/** Test data: the bundled case study, and deterministic synthetic records for scale tests. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { DataRecord } from '../../src/schema/records.ts';
import type { Platform } from '../../src/schema/platforms.ts';
import type { Actor } from '../../src/schema/actors.ts';

const read = <T>(path: string): T => parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as T;

export const caseStudy = {
  records: read<DataRecord[]>('data/records/2019-fishmongers-hall.yaml'),
  platforms: read<Platform[]>('data/platforms.yaml'),
  actors: read<Actor[]>('data/actors.yaml'),
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

/** `n` records over 2014–2024: all kinds, some intervals, month-precision and qualified dates. */
export function synthetic(n: number, seed = 42): DataRecord[] {
  const random = lcg(seed);
  const start = Date.UTC(2014, 0, 1);
  const span = Date.UTC(2024, 11, 31) - start;
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  return Array.from({ length: n }, (_, i) => {
    const t = start + Math.floor(random() * span);
    const r = random();
    const date = r < 0.1 ? `${day(t)}/${day(t + 86_400_000 * (1 + Math.floor(random() * 5)))}` : r < 0.15 ? day(t).slice(0, 7) : r < 0.2 ? `${day(t)}~` : day(t);
    const id = `rec-${String(i).padStart(5, '0')}`;
    switch (i % 4) {
      case 0:
        return attack(id, date);
      case 1:
        return takedown(id, date, { platform: random() < 0.5 ? 'telegram' : 'tamtam' });
      case 2:
        return statement(id, date);
      default:
        return takedown(id, date, { initiator: 'automated' });
    }
  });
}
