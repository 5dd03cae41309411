/**
 * A site whose free text names a listed domain where no component knows it for an address, so
 * that only the last guard of the defang rule (src/safety/last-guard.ts) can defang it, and the
 * check that a built site shows it defanged in every page and feed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { fixture, replaceOnce } from './fixture.ts';
import { files } from '../pages/site-helpers.ts';

/**
 * The minimal fixture with a Telegram address in free text that no component knows to be one (an
 * actor's notes, a record's title, an incident's summary: on pages, embeds and the feed), which
 * only the last guard defangs, and one in a write-up's prose.
 */
export function withFreeTextAddresses(made: string[]): string {
  const project = fixture('minimal', {
    'content/incidents/incident-one.mdx': (text) =>
      replaceOnce('summary: A fixture incident.', 'summary: A fixture incident, announced at https://t.me/amaq_summary.')(
        replaceOnce('Some prose about the incident.', 'The channel @news--official posted "we did it"... (hxxps://t[.]me/news--official).')(text),
      ),
    'data/actors.yaml': replaceOnce('  kind: media-outlet\n', '  kind: media-outlet\n  notes: Its channel was https://t.me/amaq_notes until the takedown.\n'),
    'data/records/main.yaml': replaceOnce('  title: A claim\n', '  title: A claim posted at https://t.me/amaq_claim/9\n'),
  });
  made.push(project);
  return project;
}

/** Every page and feed of a built site names the listed domain only defanged; the downloads keep the address as data. */
export function expectDefanged(outDir: string): void {
  const all = files(outDir);
  const shown = all.filter((f) => /\.(html|xml)$/.test(f));
  const live = shown.filter((f) => /https?:\/\/t\.me/i.test(readFileSync(join(outDir, f), 'utf8')));
  expect(live).toEqual([]);
  const defanged = shown.filter((f) => readFileSync(join(outDir, f), 'utf8').includes('hxxps://t[.]me/amaq_'));
  // The actor's page, the incident's, its embed and the feed at least.
  expect(defanged).toEqual(expect.arrayContaining(['actors/amaq/index.html', 'incidents/incident-one/index.html']));
  expect(defanged.some((f) => f.startsWith('embed/'))).toBe(true);
  expect(defanged.some((f) => f.endsWith('.xml'))).toBe(true);
  expect(all.filter((f) => /\.(csv|json)$/.test(f) && readFileSync(join(outDir, f), 'utf8').includes('https://t.me/amaq_claim/9')).length).toBeGreaterThan(0);
}

