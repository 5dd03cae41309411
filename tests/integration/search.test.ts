import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchCopy } from '../../src/integration/search.ts';
import { files } from '../pages/site-helpers.ts';

function site(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dw-search-'));
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

describe('what Pagefind reads', () => {
  it('copies the pages with a search body, at their paths, without the chart parts they ignore', () => {
    const chart = '<dw-chart class="dw-chart" data-pagefind-ignore="all"><svg><title>&lt;/dw-chart&gt; Lane</title></svg><table><tr><td>row</td></tr></table></dw-chart>';
    const svg = '<svg class="dw-svg" data-pagefind-ignore="all" role="img"><title>Tooltip</title></svg>';
    const searchable = `<dw-chart class="dw-chart"><figure>${svg}<table><tr><td>A record with no write-up</td></tr></table></figure></dw-chart>`;
    // Data in an attribute may hold `<` (Astro leaves it there), never the `"` of the real opening.
    const head = '<head><meta name="description" content="<dw-chart class=&quot;dw-chart&quot; data-pagefind-ignore=&quot;all&quot;> x"></head>';
    const dist = site({
      'index.html': '<main data-pagefind-body><p>Home</p><dl><dt>Kind</dt><dd>messenger</dd></dl></main>',
      'incidents/a/index.html': `${head}<main data-pagefind-body><p>Before</p>${chart}<p>Between</p>${chart}<p>After</p></main>`,
      'timeline/2019/index.html': `<main data-pagefind-body><h1>2019</h1>${searchable}</main>`,
      'embed/incidents/a/index.html': `<main>${chart}</main>`,
      '404.html': '<main><p>Not found</p></main>',
      '_astro/x.html': '<main data-pagefind-body>asset folder</main>',
      'data/incidents/a.csv': 'id\na',
    });
    const copy = mkdtempSync(join(tmpdir(), 'dw-search-copy-'));
    expect(searchCopy(dist, copy)).toBe(3);
    expect(files(copy).sort()).toEqual(['incidents/a/index.html', 'index.html', 'timeline/2019/index.html']);
    expect(readFileSync(join(copy, 'incidents/a/index.html'), 'utf8')).toBe(`${head}<main data-pagefind-body><p>Before</p><p>Between</p><p>After</p></main>`);
    // A chart that does not ask to be ignored is read without its SVG: its table is the only list
    // of such records.
    expect(readFileSync(join(copy, 'timeline/2019/index.html'), 'utf8')).toBe('<main data-pagefind-body><h1>2019</h1><dw-chart class="dw-chart"><figure><table><tr><td>A record with no write-up</td> </tr></table></figure></dw-chart></main>');
    // Facts read as words apart, not "Kindmessenger".
    expect(readFileSync(join(copy, 'index.html'), 'utf8')).toBe('<main data-pagefind-body><p>Home</p><dl><dt>Kind</dt> <dd>messenger</dd> </dl></main>');
  });
});
