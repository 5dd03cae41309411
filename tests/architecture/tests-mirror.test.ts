/**
 * tests/ mirrors src/: the tests of src/<folder>/ are in tests/<folder>/, so whoever changes a
 * module finds its tests without searching. A few folders test no one module and say so.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Folders of tests/ that are not a folder of src/, and why. */
const NOT_MIRRORS: Record<string, string> = {
  architecture: 'rules over the whole tree: layers, packages, environment, this one',
  bench: 'the site generator of scripts/bench',
  build: 'npm run build as a whole',
  editors: "an editor's workflow from end to end",
  fixtures: 'whole sites the tests build',
  helpers: 'building, serving, driving Chromium',
  quality: 'the gates over built output',
};

const folders = (dir: string) =>
  readdirSync(join(ROOT, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

describe('tests/', () => {
  it('has a folder per folder of src/, and only the listed others', () => {
    const src = new Set(folders('src'));
    const strays = folders('tests').filter((name) => !src.has(name) && !(name in NOT_MIRRORS));
    expect(strays, 'put these tests under tests/<the src/ folder they test>, or list the folder in NOT_MIRRORS with why').toEqual([]);
  });
});
