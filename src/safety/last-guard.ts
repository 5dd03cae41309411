/**
 * The last guard of the defang rule. Components defang what they know to be an address (a
 * source's url, a link in a write-up: ExternalUrl.astro, markdown/safe-links.ts); free text from
 * the data can hold one too (a record's notes, an actor's description), and reaches pages, chart
 * tooltips and tables, structured data and the feed through many components. So every page and
 * feed leaves with each URL on a listed domain defanged, wherever it stands: in a build, by a
 * pass over the written files (`defangSite`, from the integration after `astro build`; under
 * `npm run build`, the search feed reads every page anyway and defangs each with `guardFile`, see
 * src/integration/search.ts); in `astro dev`, by the middleware (src/middleware.ts). Downloads
 * (CSV, JSON) are left alone: they keep the original URL as data (docs/data-model.md).
 *
 * Why not the middleware in builds too: reading every rendered page back into a string and
 * answering a new Response made Astro's memory grow with every page, by 1 GB over 3,000 pages
 * (docs/performance.md); the files are read once, after Astro has let go of them.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defangUrlsIn, mayNameListedDomain, namesListedDomain } from './defang.ts';

/** Pages and feeds: what a reader's browser or feed reader shows as text or links. */
export const GUARDED = /\.(?:html|xml)$/;

/** `text` with every URL on a listed domain defanged; most pages name none and are returned as they are. */
export function guard(text: string, domains: readonly string[]): string {
  return namesListedDomain(text, domains) ? defangUrlsIn(text, domains) : text;
}

/**
 * A written page or feed as the guard leaves it, or undefined when it is to stay as it is (most
 * pages). It is read as Latin-1 first (`latin1`, if the caller has it already), which costs a
 * third of UTF-8 and keeps every ASCII letter of a host name, and every byte of a character a
 * host can hide behind, as it is: only the rare page that may name a listed domain is decoded and
 * judged.
 */
export function guardFile(bytes: Buffer, domains: readonly string[], latin1 = bytes.toString('latin1')): Buffer | undefined {
  if (!mayNameListedDomain(latin1, domains)) return undefined;
  const text = bytes.toString('utf8');
  const safe = guard(text, domains);
  return safe === text ? undefined : Buffer.from(safe, 'utf8');
}

/** Defangs every page and feed under `outDir` in place; returns how many it changed. */
export function defangSite(outDir: string, domains: readonly string[]): number {
  let changed = 0;
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !GUARDED.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    const safe = guardFile(readFileSync(path), domains);
    if (safe) {
      writeFileSync(path, safe);
      changed++;
    }
  }
  return changed;
}
