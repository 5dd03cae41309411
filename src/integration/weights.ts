/**
 * After a build, print what readers download: HTML, JavaScript and CSS, gzipped, and the
 * heaviest pages. Budgets are enforced by the test suite (tests/quality); this makes the weight
 * visible on every build, as Observable Framework does.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';

export interface Weights {
  html: { pages: number; bytes: number; heaviest: { path: string; bytes: number }[] };
  js: number;
  css: number;
}

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      // Pagefind's index loads only on /search/, and on demand: it is not page weight.
      if (name !== 'pagefind') files(path, out);
    } else out.push(path);
  }
  return out;
}

export function measure(dist: string, top = 3): Weights {
  const all = files(dist);
  const gz = (path: string) => gzipSync(readFileSync(path)).length;
  const pages = all.filter((f) => f.endsWith('.html')).map((path) => ({ path: relative(dist, path), bytes: gz(path) }));
  pages.sort((a, b) => b.bytes - a.bytes);
  const sum = (ext: string) => all.filter((f) => f.endsWith(ext)).reduce((total, f) => total + gz(f), 0);
  return {
    html: { pages: pages.length, bytes: pages.reduce((t, p) => t + p.bytes, 0), heaviest: pages.slice(0, top) },
    js: sum('.js'),
    css: sum('.css'),
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export default function weights(): AstroIntegration {
  return {
    name: 'driftwatch-weights',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const w = measure(fileURLToPath(dir));
        logger.info(`${w.html.pages} pages, ${kb(w.html.bytes)} of HTML; ${kb(w.js)} of JavaScript and ${kb(w.css)} of CSS in all (gzipped)`);
        for (const page of w.html.heaviest) logger.info(`  heaviest: ${page.path} ${kb(page.bytes)}`);
      },
    },
  };
}
