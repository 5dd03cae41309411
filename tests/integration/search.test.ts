import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchCopy } from '../../src/integration/search.ts';
import { files } from '../site/site-helpers.ts';

function site(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dw-search-'));
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

describe('what Pagefind reads', () => {
  it('copies the pages with a search body, at their paths, without their charts', () => {
    const chart = '<dw-chart class="dw-chart"><svg><title>&lt;/dw-chart&gt; Lane</title></svg><table><tr><td>row</td></tr></table></dw-chart>';
    const dist = site({
      'index.html': '<main data-pagefind-body><p>Home</p></main>',
      'incidents/a/index.html': `<main data-pagefind-body><p>Before</p>${chart}<p>Between</p>${chart}<p>After</p></main>`,
      'embed/incidents/a/index.html': `<main>${chart}</main>`,
      '404.html': '<main><p>Not found</p></main>',
      '_astro/x.html': '<main data-pagefind-body>asset folder</main>',
      'data/incidents/a.csv': 'id\na',
    });
    const copy = mkdtempSync(join(tmpdir(), 'dw-search-copy-'));
    expect(searchCopy(dist, copy)).toBe(2);
    expect(files(copy).sort()).toEqual(['incidents/a/index.html', 'index.html']);
    expect(readFileSync(join(copy, 'incidents/a/index.html'), 'utf8')).toBe('<main data-pagefind-body><p>Before</p><p>Between</p><p>After</p></main>');
  });
});
