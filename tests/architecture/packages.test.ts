/**
 * Every package the code imports is declared in package.json. An undeclared one works only while
 * some other package happens to pull it in, and breaks on the day that package drops it.
 *
 * What builds the site (src/, astro.config.mjs, the commands in scripts/) needs `dependencies`;
 * tests and the bench may use `devDependencies` too. A type-only import is satisfied by the
 * package or its `@types/` package in either list: types are gone once compiled.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf } from './imports.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
const runtime = new Set(Object.keys(pkg.dependencies ?? {}));
const any = new Set([...runtime, ...Object.keys(pkg.devDependencies ?? {})]);

function codeFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' || entry.name === '__snapshots__' ? [] : codeFiles(path);
    return /\.(ts|mts|mjs|astro)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`; undefined for what is not a package. */
export function packageOf(specifier: string): string | undefined {
  if (/^(\.|\/|node:|astro:|virtual:)/.test(specifier) || builtinModules.includes(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Whether `file` is part of what builds the site (so its packages belong in `dependencies`). */
const buildsTheSite = (file: string) => file.startsWith('src/') || file === 'astro.config.mjs' || (file.startsWith('scripts/') && !file.startsWith('scripts/bench'));

describe('packages', () => {
  const files = [...codeFiles('src'), ...codeFiles('scripts'), ...codeFiles('tests'), 'astro.config.mjs', 'vitest.config.ts'];

  it('that the code imports are declared in package.json', () => {
    const undeclared: string[] = [];
    for (const file of files) {
      for (const { specifier, line, typeOnly } of importsOf(join(ROOT, file))) {
        const name = packageOf(specifier);
        if (!name) continue;
        const declared = typeOnly
          ? any.has(name) || any.has(`@types/${name.replace(/^@(.*)\/(.*)$/, '$1__$2')}`)
          : (buildsTheSite(file) ? runtime : any).has(name);
        if (!declared) {
          const where = buildsTheSite(file) && !typeOnly ? 'dependencies' : 'devDependencies';
          undeclared.push(`${relative(ROOT, join(ROOT, file))}:${line}  imports ${specifier}: add ${name} to ${where}`);
        }
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('are told apart from files and built-in modules', () => {
    expect([packageOf('d3-scale'), packageOf('@astrojs/mdx/server'), packageOf('node:fs'), packageOf('fs'), packageOf('../x.ts'), packageOf('astro:content')])
      .toEqual(['d3-scale', '@astrojs/mdx', undefined, undefined, undefined, undefined]);
  });
});
