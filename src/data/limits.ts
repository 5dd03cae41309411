/**
 * The bounds on the work any one file can ask of Driftwatch. A contributor's file is read by CI
 * as it is; these keep a hostile or broken one (aliases that expand a billion times, nesting a
 * parser recurses into until its stack runs out, a file of gigabytes) from stalling or crashing a
 * check or a build. Each sits far above what a real dataset needs: a 4 MB text field, a CSV of
 * 200,000 records and a YAML file of 10,000 records are all well inside them. Each is reported
 * as an error at its place with its rule (src/data/rule-ids.ts) and listed in docs/checks.md.
 */
import type { RuleId } from './rule-ids.ts';

export interface Limit {
  value: number;
  rule: RuleId;
  /** What is counted, for docs/checks.md: "bytes in a data file". */
  counts: string;
}

const MiB = 1024 * 1024;

export const LIMITS = {
  dataFileBytes: { value: 256 * MiB, rule: 'file-size', counts: 'bytes in a data file (YAML, CSV)' },
  mdxFileBytes: { value: 16 * MiB, rule: 'file-size', counts: 'bytes in a write-up or page (MDX)' },
  lineChars: { value: 8 * MiB, rule: 'line-length', counts: 'characters on one line' },
  yamlDepth: { value: 64, rule: 'nesting', counts: 'levels of lists and mappings inside one another in YAML, or in the JSON of a CSV cell (records use 4)' },
  yamlAliasValues: { value: 1_000_000, rule: 'yaml-aliases', counts: 'values repeated through YAML aliases (`*name`, `<<: *name`) in one file' },
  yamlEntries: { value: 100_000, rule: 'too-many-entries', counts: 'entries in one YAML file' },
  csvRows: { value: 1_000_000, rule: 'too-many-entries', counts: 'rows in one CSV file' },
  mdxDepth: { value: 32, rule: 'nesting', counts: 'levels of block quotes, lists, components and emphasis inside one another in a write-up' },
} as const satisfies Record<string, Limit>;

/** `1,000,000`, as the limits are written in messages. */
export const formatLimit = (value: number) => value.toLocaleString('en');

/** Whether `value` (parsed JSON or YAML) nests lists and mappings deeper than `limit`, walked without recursion. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}
