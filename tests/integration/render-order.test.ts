/**
 * The render order the middleware notes in a build (src/integration/render-order.ts): the path
 * Astro renders a page at and the file it writes meet at one key, under a base path too, so the
 * search feed can wait for exactly the pages rendered before.
 */
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { closeRenderLog, noteRendered, pageKey, readRenderOrder, renderOrderFile } from '../../src/integration/render-order.ts';
import { inRenderOrder } from '../../src/integration/search.ts';

const saved = process.env.DRIFTWATCH_SEARCH_AFTER;
afterEach(() => {
  closeRenderLog();
  if (saved === undefined) delete process.env.DRIFTWATCH_SEARCH_AFTER;
  else process.env.DRIFTWATCH_SEARCH_AFTER = saved;
});

it('gives a page and its file the same key', () => {
  expect(pageKey('incidents/a/index.html')).toBe(pageKey('/incidents/a/'));
  expect(pageKey('incidents/a/index.html')).toBe(pageKey('/incidents/a'));
  expect(pageKey('index.html')).toBe(pageKey('/'));
  expect(pageKey('404.html')).toBe(pageKey('/404'));
  expect(pageKey('sources/2/index.html')).toBe('sources/2');
  expect(pageKey('rss.xml')).toBe('rss.xml');
});

it('notes pages in the order rendered, under the base path, and reads them back in that order', () => {
  const handoff = join(mkdtempSync(join(tmpdir(), 'dw-order-')), 'handoff');
  process.env.DRIFTWATCH_SEARCH_AFTER = handoff;
  for (const path of ['/dw/actors/a/', '/dw/incidents/b/', '/dw/', '/dw/404', '/dw/actors/a/']) noteRendered(path, '/dw/');
  closeRenderLog();
  expect(readFileSync(renderOrderFile(handoff), 'utf8')).toBe('actors/a\nincidents/b\n\n404\nactors/a\n');
  const order = readRenderOrder(renderOrderFile(handoff));
  expect([...order]).toEqual([['actors/a', 0], ['incidents/b', 1], ['', 2], ['404', 3]]);
  // Files sorted as Pagefind is given them: noted pages first, in render order, then the rest by path.
  const pages = ['index.html', 'zz/index.html', 'incidents/b/index.html', 'aa/index.html', 'actors/a/index.html', '404.html'];
  expect(pages.sort(inRenderOrder(order))).toEqual(['actors/a/index.html', 'incidents/b/index.html', 'index.html', '404.html', 'aa/index.html', 'zz/index.html']);
});

it('notes nothing outside npm run build', () => {
  delete process.env.DRIFTWATCH_SEARCH_AFTER;
  noteRendered('/incidents/a/', '/');
  expect(readRenderOrder(undefined).size).toBe(0);
});

it('ignores a line the middleware is still writing', () => {
  const handoff = join(mkdtempSync(join(tmpdir(), 'dw-order-')), 'handoff');
  process.env.DRIFTWATCH_SEARCH_AFTER = handoff;
  noteRendered('/a/', '/');
  closeRenderLog();
  const file = renderOrderFile(handoff);
  // A line without its newline yet.
  appendFileSync(file, 'incidents/hal');
  expect([...readRenderOrder(file).keys()]).toEqual(['a']);
});
