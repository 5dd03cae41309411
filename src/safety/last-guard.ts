/**
 * The last guard of the defang rule. Components defang what they know to be an address (a
 * source's url, a link in a write-up: ExternalUrl.astro, markdown/safe-links.ts); free text from
 * the data can hold one too (a record's notes, an actor's description), and reaches pages, chart
 * tooltips and tables, structured data and the feed through many components. So every page and
 * feed leaves with each URL on a listed domain defanged, wherever it stands: in a build, by a
 * pass over the written files (`defangSite`, from the integration); in `astro dev`, by the
 * middleware (src/middleware.ts). Downloads (CSV, JSON) are left alone: they keep the original
 * URL as data (DATA-MODEL.md).
 *
 * Why not the middleware in builds too: reading every rendered page back into a string and
 * answering a new Response made Astro's memory grow with every page, by 1 GB over 3,000 pages
 * (docs/performance.md); the files are read once, after Astro has let go of them.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defangUrlsIn, namesListedDomain } from './defang.ts';

/**
 * The UTF-8 bytes, read as Latin-1, of the characters a host can hide behind (defang.ts,
 * DISGUISE): soft hyphen, zero-width characters, BOM, fullwidth forms, ideographic full stops.
 */
const DISGUISE_IN_UTF8 = /\u00C2\u00AD|\u00E2\u0080[\u008B-\u008D]|\u00E2\u0081\u00A0|\u00EF\u00BB\u00BF|\u00EF\u00BC[\u0081-\u00BF]|\u00EF\u00BD[\u0080-\u00A1]|\u00E3\u0080\u0082/;

/** Pages and feeds: what a reader's browser or feed reader shows as text or links. */
const GUARDED = /\.(?:html|xml)$/;

/** `text` with every URL on a listed domain defanged; most pages name none and are returned as they are. */
export function guard(text: string, domains: readonly string[]): string {
  return namesListedDomain(text, domains) ? defangUrlsIn(text, domains) : text;
}

/** Defangs every page and feed under `outDir` in place; returns how many it changed. */
export function defangSite(outDir: string, domains: readonly string[]): number {
  let changed = 0;
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !GUARDED.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = readFileSync(path);
    // Read as Latin-1 first, which costs a third of UTF-8 and keeps every ASCII letter of a host
    // name as it is: only the rare page that names a listed domain, or holds characters a host
    // can hide behind, is decoded.
    const latin1 = bytes.toString('latin1');
    if (!namesListedDomain(latin1, domains) && !DISGUISE_IN_UTF8.test(latin1)) continue;
    const text = bytes.toString('utf8');
    if (!namesListedDomain(text, domains)) continue;
    const safe = defangUrlsIn(text, domains);
    if (safe !== text) {
      writeFileSync(path, safe);
      changed++;
    }
  }
  return changed;
}
