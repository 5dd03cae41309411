/**
 * Reading a built site in tests: its files, the links in its HTML, and the search index (built by
 * the search integration; made here too when the build did not, so that the site tests can run
 * before src/integration/search.ts is registered in astro.config.mjs).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { buildSite } from '../helpers/build.ts';
import { indexSite } from '../../src/integration/search.ts';

export const SITE_URL = 'https://driftwatch.example';

export interface Built {
  dist: string;
  base: string;
  /** Whether astro build itself wrote the search index. */
  indexedByBuild: boolean;
}

const built = new Map<string, Promise<Built>>();

export function builtSite(base = '/', project?: string): Promise<Built> {
  const key = `${base}|${project ?? ''}`;
  let pending = built.get(key);
  if (!pending) {
    pending = buildSite({ base: base === '/' ? undefined : base, project }).then(async (dist) => {
      const indexedByBuild = existsSync(join(dist, 'pagefind/pagefind.js'));
      if (!indexedByBuild) await indexSite(dist);
      return { dist, base, indexedByBuild };
    });
    built.set(key, pending);
  }
  return pending;
}

/** Every file under dir, as paths relative to it with forward slashes. */
export function files(dir: string, sub = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(dir, sub))) {
    const rel = sub ? `${sub}/${name}` : name;
    if (statSync(join(dir, rel)).isDirectory()) out.push(...files(dir, rel));
    else out.push(rel);
  }
  return out;
}

export const read = (dist: string, rel: string): string => readFileSync(join(dist, rel), 'utf8');

const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' };
export const decode = (text: string): string => text.replace(/&(amp|quot|#39|lt|gt);/g, (m) => ENTITIES[m]!);

/** href/src/action/content(URL) attribute values of an HTML file. */
export function urlsIn(html: string): { attr: string; value: string }[] {
  const out: { attr: string; value: string }[] = [];
  // Text inside <pre>/<code> (embed snippets, citations) is text, not markup: leave it out.
  const markup = html.replace(/<pre[\s\S]*?<\/pre>/g, '').replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/g, '');
  for (const match of markup.matchAll(/\s(href|src|action|content|data-base)="([^"]*)"/g)) {
    out.push({ attr: match[1]!, value: decode(match[2]!) });
  }
  return out;
}

/**
 * The file a site URL path points at, or undefined when none exists. `path` must start with the
 * base path: a link without it breaks when the site is served from a sub-path.
 */
export function resolvePath(dist: string, base: string, path: string): string | undefined {
  if (!path.startsWith(base)) return undefined;
  const rel = decodeURIComponent(path.slice(base.length).split(/[?#]/)[0]!);
  const candidates = rel === '' || rel.endsWith('/') ? [posix.join(rel, 'index.html')] : [rel, posix.join(rel, 'index.html')];
  return candidates.find((c) => existsSync(join(dist, c)) && statSync(join(dist, c)).isFile());
}

/** The ids on an HTML page (for fragment links). */
export function idsIn(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1]!)));
}
