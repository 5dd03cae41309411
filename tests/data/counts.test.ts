import { describe, expect, it } from 'vitest';
import { countsByKind } from '../../src/data/counts.ts';
import type { RecordKind } from '../../src/schema/records.ts';

describe('countsByKind', () => {
  it('counts each kind in the kinds’ order, a word for one and for many, none for zero', () => {
    const kinds: RecordKind[] = ['statement', 'claim', 'attack', 'claim', ...Array.from({ length: 1_200 }, (): RecordKind => 'takedown')];
    const records = kinds.map((kind) => ({ kind }));
    expect(countsByKind(records)).toBe('1 attack, 2 claims, 1,200 takedowns, 1 statement');
    expect(countsByKind([])).toBe('');
  });
});
