/**
 * Determinism: two builds of the same input must give byte-identical output. A tree is hashed
 * file by file (sha256 of the bytes); two trees are compared by their file lists and hashes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from './site.ts';

export type TreeHashes = Map<string, string>;

export function hashTree(dir: string): TreeHashes {
  return new Map(listFiles(dir).map((file) => [file, createHash('sha256').update(readFileSync(join(dir, file))).digest('hex')]));
}

/** Differences between two trees, one line each; empty when identical. */
export function compareTrees(a: TreeHashes, b: TreeHashes): string[] {
  const out: string[] = [];
  for (const file of a.keys()) if (!b.has(file)) out.push(`only in the first build: ${file}`);
  for (const file of b.keys()) if (!a.has(file)) out.push(`only in the second build: ${file}`);
  for (const [file, hash] of a) if (b.has(file) && b.get(file) !== hash) out.push(`differs: ${file}`);
  return out.sort();
}

/** Where two texts first differ, with a little context, to make a determinism failure readable. */
export function firstDifference(a: string, b: string, context = 60): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return 'identical';
  return `at ${i}: …${JSON.stringify(a.slice(Math.max(0, i - context), i + context))}… vs …${JSON.stringify(b.slice(Math.max(0, i - context), i + context))}…`;
}
