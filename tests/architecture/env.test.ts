/**
 * One module reads the `DRIFTWATCH_*` environment variables (src/site/env.ts): what can change a
 * build from outside is listed in one file. Site code, commands and the Astro config ask it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const ENV_MODULE = 'src/site/env.ts';

function codeFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return codeFiles(path);
    return /\.(ts|mjs|astro)$/.test(entry.name) ? [path] : [];
  });
}

/** `process.env.DRIFTWATCH_X`, `env['DRIFTWATCH_X']`, `{ DRIFTWATCH_X: … }`: a variable used in code, not named in a comment. */
const USE = /(?:\benv\s*(?:\.|\[\s*['"`])|[{,]\s*)DRIFTWATCH_[A-Z_]+/;

function uses(file: string): string[] {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  return lines.flatMap((line, i) => (USE.test(line.replace(/\/\/.*$|^\s*\*.*$/, '')) ? [`${file}:${i + 1}  ${line.trim()}`] : []));
}

describe('DRIFTWATCH_* environment variables', () => {
  it(`are read and written only in ${ENV_MODULE}`, () => {
    const files = [...codeFiles('src'), ...codeFiles('scripts'), 'astro.config.mjs'].map((f) => relative(ROOT, join(ROOT, f)));
    expect(files.filter((f) => f !== ENV_MODULE).flatMap(uses)).toEqual([]);
  });

  it('are all found by the test (it can fail)', () => {
    expect(uses(ENV_MODULE).length).toBeGreaterThanOrEqual(7);
  });
});
