import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { measure } from '../../src/integration/weights.ts';

describe('the build’s weight report', () => {
  it('counts HTML, sums gzipped JS and CSS, names the heaviest pages gzipped, and leaves the search index out', () => {
    const dist = mkdtempSync(join(tmpdir(), 'dw-weights-'));
    mkdirSync(join(dist, 'big'));
    mkdirSync(join(dist, 'pagefind'));
    const big = '<p>' + 'x'.repeat(5000) + Array.from({ length: 500 }, (_, i) => i).join(',');
    writeFileSync(join(dist, 'index.html'), '<p>small</p>');
    writeFileSync(join(dist, 'big/index.html'), big);
    writeFileSync(join(dist, 'a.js'), 'console.log(1)');
    writeFileSync(join(dist, 'pagefind/pagefind.js'), 'x'.repeat(10000));
    writeFileSync(join(dist, 'a.css'), 'p{color:red}');
    const w = measure(dist, 1);
    expect(w.html.pages).toBe(2);
    expect(w.html.rawBytes).toBe(Buffer.byteLength(big) + '<p>small</p>'.length);
    expect(w.html.heaviest).toEqual([{ path: 'big/index.html', bytes: gzipSync(big).length }]);
    expect(w.js).toBe(gzipSync('console.log(1)').length);
    expect(w.css).toBe(gzipSync('p{color:red}').length);
  });
});
