/**
 * Imports only point down the layers of docs/architecture.md. A module may import from its own
 * layer and the ones below it; an import that points up names its file and line.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf } from './imports.ts';

const SRC = resolve(import.meta.dirname, '../../src');

/** Bottom first. Folders on one line are one layer: they may import each other. */
export const LAYERS: readonly (readonly string[])[] = [
  ['types', 'styles'], // declarations and CSS: no imports of code
  ['safety'],
  ['schema'],
  ['data'],
  ['check', 'scaffold', 'archive'],
  ['site'],
  ['charts', 'feeds', 'seo'],
  ['components', 'mdx', 'layouts', 'markdown', 'client'],
  ['pages', 'commands', 'integration', 'middleware.ts', 'content.config.ts'],
];

/** Browser code runs in the reader's browser: it may import nothing from the server side. */
const CLIENT_MAY_IMPORT = new Set(['client', 'safety']);

function layerOf(top: string): number {
  return LAYERS.findIndex((layer) => layer.includes(top));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|astro)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The top folder (or top-level file) of src/ a path lies in. */
const topOf = (path: string) => relative(SRC, path).split(sep)[0]!;

describe('layers', () => {
  const files = sourceFiles(SRC);

  it('know every folder of src/', () => {
    const tops = new Set(files.map(topOf));
    const unplaced = [...tops].filter((top) => layerOf(top) < 0);
    expect(unplaced, 'a new folder of src/ needs a place in LAYERS and in docs/architecture.md').toEqual([]);
  });

  it('are only imported downwards', () => {
    const upward: string[] = [];
    for (const file of files) {
      const from = topOf(file);
      for (const { specifier, line } of importsOf(file)) {
        if (!specifier.startsWith('.')) continue;
        const target = resolve(dirname(file), specifier.split('?')[0]!);
        const to = topOf(target);
        const where = `src/${relative(SRC, file).split(sep).join('/')}:${line}`;
        if (from === 'client' ? !CLIENT_MAY_IMPORT.has(to) : layerOf(to) > layerOf(from)) {
          upward.push(`${where}  imports ${specifier} (${from} may not import ${to})`);
        }
      }
    }
    expect(upward).toEqual([]);
  });

  it('read the imports of .ts and .astro files', () => {
    // The test could pass by reading nothing: it must see the imports it checks.
    const chart = importsOf(join(SRC, 'components/Chart.astro')).map((i) => i.specifier);
    expect(chart).toContain('../site/index.ts');
    expect(files.length).toBeGreaterThan(150);
  });
});
