/** The docs that derive from code stay true to it. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksMarkdown } from '../../src/check/checks-doc.ts';
import { RULES } from '../../src/data/rule-ids.ts';
import { referenceMarkdown } from '../../src/schema/reference.ts';
import { REPO } from '../helpers/fixture.ts';

describe('docs', () => {
  it('docs/data-model.md is the field reference the schemas generate (run `npm run schemas`)', () => {
    expect(readFileSync(join(REPO, 'docs/data-model.md'), 'utf8')).toBe(referenceMarkdown());
  });

  it('docs/checks.md is the list of rules the checker generates (run `npm run schemas`)', () => {
    expect(readFileSync(join(REPO, 'docs/checks.md'), 'utf8')).toBe(checksMarkdown());
  });

  it('every rule id written in the code is one of that list (schemas name theirs as plain strings)', () => {
    const code = ['src/check', 'src/data', 'src/schema', 'src/mdx']
      .flatMap((dir) => readdirSync(join(REPO, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join(REPO, dir, f), 'utf8')))
      .join('\n');
    const rules = new Set([...code.matchAll(/rule(?::| =| \?\?) '([a-z-]+)'/g)].map((m) => m[1]!));
    expect(rules.size).toBeGreaterThan(15);
    const known = RULES.map((rule) => rule.id) as string[];
    for (const rule of rules) expect(known, rule).toContain(rule);
  });
});
