/**
 * After a build, print what readers download: HTML, JavaScript and CSS, and the heaviest pages
 * gzipped. Budgets are enforced by the test suite (tests/quality); this makes the weight visible
 * on every build, as Observable Framework does.
 *
 * Cheap at any size: a site of 100,000 records writes thousands of pages, and gzipping every one
 * of them again cost a 1,000-incident build five seconds. Only the pages largest before
 * compression are gzipped to find the heaviest (gzip ratios of pages built from one layout differ
 * little); the rest are counted by their size on disk.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';

export interface Weights {
  html: { pages: number; rawBytes: number; heaviest: { path: string; bytes: number }[] };
  /** Gzipped, all files. */
  js: number;
  css: number;
}

/** Pages gzipped per page reported as heaviest. */
const CANDIDATES_PER_PAGE = 8;

function files(dir: string, out: { path: string; size: number }[] = []): { path: string; size: number }[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      // Pagefind's index loads only on /search/, and on demand: it is not page weight.
      if (entry.name !== 'pagefind') files(path, out);
    } else out.push({ path, size: statSync(path).size });
  }
  return out;
}

export function measure(dist: string, top = 3): Weights {
  const all = files(dist);
  const gz = (path: string) => gzipSync(readFileSync(path)).length;
  const pages = all.filter((f) => f.path.endsWith('.html'));
  const candidates = [...pages].sort((a, b) => b.size - a.size).slice(0, top * CANDIDATES_PER_PAGE);
  const heaviest = candidates.map((f) => ({ path: relative(dist, f.path), bytes: gz(f.path) })).sort((a, b) => b.bytes - a.bytes);
  const sum = (ext: string) => all.filter((f) => f.path.endsWith(ext)).reduce((total, f) => total + gz(f.path), 0);
  return {
    html: { pages: pages.length, rawBytes: pages.reduce((t, p) => t + p.size, 0), heaviest: heaviest.slice(0, top) },
    js: sum('.js'),
    css: sum('.css'),
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export default function weights(): AstroIntegration {
  return {
    name: 'driftwatch-weights',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const w = measure(fileURLToPath(dir));
        logger.info(`${w.html.pages} pages, ${mb(w.html.rawBytes)} of HTML on disk; ${kb(w.js)} of JavaScript and ${kb(w.css)} of CSS in all, gzipped`);
        for (const page of w.html.heaviest) logger.info(`  heaviest: ${page.path} ${kb(page.bytes)} gzipped`);
      },
    },
  };
}
