/** Fixture sites for tests: a copy of tests/fixtures/<name> in a temporary folder, edited. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(REPO, 'tests/fixtures');

export type Edit = string | ((text: string) => string);

/** Copies a fixture site and applies edits: file → new text, or a function of the old text. */
export function fixture(name: string, edits: Record<string, Edit> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), `dw-${name}-`));
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(dir, file);
    mkdirSync(dirname(path), { recursive: true });
    let old = '';
    try {
      old = readFileSync(path, 'utf8');
    } catch {
      // a new file
    }
    writeFileSync(path, typeof edit === 'string' ? edit : edit(old));
  }
  return dir;
}

export function removeFixture(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Replace exactly one occurrence, so a fixture edit fails loudly when the fixture changes. */
export function replaceOnce(search: string, replacement: string): (text: string) => string {
  return (text) => {
    const at = text.indexOf(search);
    if (at < 0 || text.indexOf(search, at + 1) >= 0) throw new Error(`fixture edit: "${search}" must occur exactly once`);
    return text.slice(0, at) + replacement + text.slice(at + search.length);
  };
}
