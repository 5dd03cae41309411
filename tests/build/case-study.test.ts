/** The bundled case study, built by Astro into a temporary folder: what a reader gets. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/check/validate.ts';
import { place } from '../../src/charts/map/layout.ts';
import { publishedRecord } from '../../src/data/places.ts';
import { renderedHtmlToText } from '../../src/safety/escape.ts';
import { buildSite } from '../helpers/build.ts';
import { REPO } from '../helpers/fixture.ts';

const SLUG = 'fishmongers-hall-2019';
let dist: string;
const page = (path: string) => readFileSync(join(dist, path), 'utf8');

beforeAll(async () => {
  dist = await buildSite();
});

describe('the built case study', () => {
  const { data } = checkProject(REPO);
  const records = data.records.filter((r) => r.incidents?.includes(SLUG));

  it('has an incident page that holds every one of its records', () => {
    const html = page(`incidents/${SLUG}/index.html`);
    expect(records.length).toBeGreaterThanOrEqual(10);
    for (const record of records) {
      expect(html).toContain(`id="record-${record.id}"`);
    }
  });

  it('draws every located record on /map/ and on the incident page, as a data-record mark', () => {
    const located = data.records.filter((r) => place(publishedRecord(r)));
    expect(located.map((r) => r.id)).toContain('fishmongers-hall-attack-2019');
    for (const file of ['map/index.html', `incidents/${SLUG}/index.html`]) {
      const marks = [...page(file).matchAll(/<g class="dw-(?:point|circle|country)[^"]*" data-record="([a-z0-9-]+)"/g)].map((m) => m[1]);
      expect(marks.sort(), file).toEqual(located.filter((r) => file.startsWith('map') || r.incidents?.includes(SLUG)).map((r) => r.id).sort());
    }
  });

  it('shows every record’s sources and every dispute with its sources', () => {
    const html = page(`incidents/${SLUG}/index.html`);
    // Each record card runs from its opening tag to the next card (or the sources section).
    const cards = new Map(
      html
        .split('<li class="record"')
        .slice(1)
        .map((chunk) => [/id="record-([a-z0-9-]+)"/.exec(chunk)?.[1], chunk.split('id="sources-heading"')[0]!]),
    );
    for (const record of records) {
      const text = cards.get(record.id)!;
      expect(text, record.id).toBeDefined();
      for (const source of record.sources) expect(text).toContain(`href="#source-${source}"`);
      for (const dispute of record.disputed ?? []) {
        expect(text).toContain(`data-disputed-field="${dispute.field}"`);
        for (const source of dispute.sources) expect(text).toContain(`href="#source-${source}"`);
      }
    }
    // The article's wrong dates are shown beside the right ones, not dropped.
    expect(html).toContain('30 November 2019 according to');
    expect(html).toContain('1 December 2019 according to');
  });

  it('lists each cited source once, numbered, with its anchor', () => {
    const html = page(`incidents/${SLUG}/index.html`);
    const ids = new Set(records.flatMap((r) => [...r.sources, ...(r.disputed ?? []).flatMap((d) => d.sources)]));
    for (const id of ids) expect(html.match(new RegExp(`id="source-${id}"`, 'g'))).toHaveLength(1);
  });

  it('shows the content warning before the write-up', () => {
    const html = page(`incidents/${SLUG}/index.html`);
    const warning = html.indexOf('class="content-warning"');
    expect(warning).toBeGreaterThan(0);
    expect(warning).toBeLessThan(html.indexOf('<h2', warning));
  });

  it('lists the incident on the incident index', () => {
    expect(page('incidents/index.html')).toContain(`href="/incidents/${SLUG}/"`);
  });

  it('shows on each platform’s and actor’s page the sources of its facts, listed like an incident’s', () => {
    const entries = [...data.platforms.map((p) => ['platforms', p] as const), ...data.actors.map((a) => ['actors', a] as const)];
    expect(entries.every(([, entry]) => (entry.sources?.length ?? 0) > 0)).toBe(true);
    for (const [registry, entry] of entries) {
      const html = page(`${registry}/${entry.id}/index.html`);
      const section = html.split('id="entry-sources-heading"')[1]?.split('</section>')[0];
      expect(section, entry.id).toBeDefined();
      // Numbered anchors and titles, in the order the entry lists its sources.
      expect([...section!.matchAll(/<li id="source-([a-z0-9-]+)">/g)].map((m) => m[1]), entry.id).toEqual(entry.sources);
      const titles = [...section!.matchAll(/<cite>([\s\S]*?)<\/cite>/g)].map((m) => renderedHtmlToText(m[1]!));
      expect(titles).toEqual(entry.sources!.map((id) => data.sources.find((s) => s.id === id)!.title));
    }
    // TamTam's closing is a fact of its page, with its date for machines.
    expect(page('platforms/tamtam/index.html')).toMatch(/<dt>Closed<\/dt><dd><time datetime="2026-02-27">27 February 2026<\/time><\/dd>/);
  });

  it('renders free pages from content/pages', () => {
    expect(page('about/index.html')).toContain('<h1>About and methodology</h1>');
  });
});
