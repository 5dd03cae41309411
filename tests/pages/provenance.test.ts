/**
 * Provenance, built: a fixture site whose sources carry captures shows each capture with its day
 * and its hash, with a line on how to check the hash.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build.ts';
import { fixture, removeFixture, replaceOnce } from '../helpers/fixture.ts';

const HASH = '0123456789abcdef'.repeat(4);
const CAPTURES = `  archived:
    - https://archive.example/news.example/report
    - url: https://web.archive.example/web/20261202050000/https://news.example/report
      at: '2026-12-02T05:00:00Z'
      sha256: ${HASH}
      service: https://web.archive.example/save/
`;

let project: string;
let dist: string;
const page = (path: string) => readFileSync(join(dist, path), 'utf8');

beforeAll(async () => {
  project = fixture('minimal', {
    'data/sources.yaml': replaceOnce('  archived: https://archive.example/news.example/report\n', CAPTURES),
  });
  dist = await buildSite({ project });
});
afterAll(() => removeFixture(project));

describe('archived captures', () => {
  it('are listed on /sources/ and under a write-up, each with its day and the hash as sha256sum prints it', () => {
    for (const [html, id] of [[page('sources/index.html'), 'news-1'], [page('incidents/incident-one/index.html'), 'source-news-1']] as const) {
      const start = html.indexOf(`<li id="${id}">`);
      const item = html.slice(start, html.indexOf('</ul></li>', start));
      expect(item).toContain('<a href="https://archive.example/news.example/report"');
      expect(item).toContain('Archived <time datetime="2026-12-02T05:00:00Z">2 December 2026</time>: <a href="https://web.archive.example/web/20261202050000/https://news.example/report"');
      expect(item).toContain(`<code class="hash">${HASH}</code>`);
      expect(html).toContain('How to verify');
      expect(html).toContain('<code>sha256sum</code>');
    }
  });

  it('of an extremist post stay defanged text', () => {
    const html = page('sources/index.html');
    expect(html).not.toContain('href="https://archive.example/t.me/example/1"');
    expect(html).toContain('<li>Archived: <span class="defanged" title="Defanged: shown as text, not as a link">hxxps://archive[.]example/t.me/example/1</span></li>');
  });
});
