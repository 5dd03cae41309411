/**
 * A built site as the checkers see it: a list of files (dist-relative, `/`-separated) and a way
 * to read them. The checkers take this shape rather than a folder, so a test can hand them a few
 * files held in memory.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface Site {
  /** Every file, dist-relative with `/` separators: `index.html`, `_astro/x.js`. */
  files: string[];
  /** Text (or bytes) of a file, undefined when it does not exist. */
  read(file: string): string | undefined;
  bytes(file: string): Buffer | undefined;
}

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export function readSite(dist: string): Site {
  const files = listFiles(dist);
  const known = new Set(files);
  const cache = new Map<string, Buffer>();
  const bytes = (file: string) => {
    if (!known.has(file)) return undefined;
    let data = cache.get(file);
    if (!data) {
      data = readFileSync(join(dist, file));
      cache.set(file, data);
    }
    return data;
  };
  return { files, bytes, read: (file) => bytes(file)?.toString('utf8') };
}

/** A site from strings, for tests of the checkers themselves. */
export function memorySite(contents: Record<string, string>): Site {
  const files = Object.keys(contents).sort();
  return {
    files,
    read: (file) => contents[file],
    bytes: (file) => (file in contents ? Buffer.from(contents[file]!) : undefined),
  };
}

export const htmlFiles = (site: Site) => site.files.filter((f) => f.endsWith('.html'));

/** The URL path a page is served at under `base`: `a/index.html` → `/dw/a/`. */
export function pagePath(file: string, base = '/'): string {
  if (file === 'index.html') return base;
  if (file.endsWith('/index.html')) return `${base}${file.slice(0, -'index.html'.length)}`;
  return `${base}${file}`;
}

/** The file a URL path maps to under `base`, or undefined when it is outside the base path. */
export function fileFor(pathname: string, base = '/'): string | undefined {
  if (!pathname.startsWith(base) && `${pathname}/` !== base) return undefined;
  let rest = pathname.slice(base.length);
  try {
    rest = decodeURIComponent(rest);
  } catch {
    return undefined;
  }
  if (rest === '' || rest.endsWith('/')) return `${rest}index.html`;
  return rest;
}
