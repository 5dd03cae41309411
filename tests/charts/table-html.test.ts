import { describe, expect, test } from 'vitest';
import { tableRowsHtml } from '../../src/charts/shared/table-html.ts';

const HOSTILE = [`</td><script>alert(1)</script>`, `"&'<`, `" onclick="alert(1)`, `</table><img src=x onerror=alert(1)>`];
const hrefs = new Map([['claim-1', '/incidents/x/#record-claim-1']]);

describe('data table rows as HTML', () => {
  test('a row per record with its data-record, the link column linking to the record', () => {
    const html = tableRowsHtml([{ recordId: 'claim-1', cells: ['1 May 2020', 'Claim', '', 'A claim'] }], { hrefs, linkColumn: 3, id: 'timeline' });
    expect(html).toBe('<tr data-record="claim-1"><td>1 May 2020</td><td>Claim</td><td></td><td><a href="/incidents/x/#record-claim-1">A claim</a></td></tr>');
  });

  test('no link for a record with nowhere to lead; row ids only when asked', () => {
    const rows = [{ recordId: 'claim-2', cells: ['a', 'b'] }];
    expect(tableRowsHtml(rows, { hrefs, linkColumn: 1, id: 'timeline' })).toBe('<tr data-record="claim-2"><td>a</td><td>b</td></tr>');
    expect(tableRowsHtml(rows, { hrefs, linkColumn: 1, id: 'timeline', rowAnchors: true })).toBe('<tr id="timeline-record-claim-2" data-record="claim-2"><td>a</td><td>b</td></tr>');
  });

  for (const text of HOSTILE) {
    test(`text from data stays text: ${JSON.stringify(text)}`, () => {
      const html = tableRowsHtml([{ recordId: text, cells: [text, text] }], { hrefs: new Map([[text, `/r/${text}`]]), linkColumn: 1, id: 'timeline', rowAnchors: true });
      expect([...html.matchAll(/<\/?([a-z]+)/g)].map((m) => m[0])).toEqual(['<tr', '<td', '</td', '<td', '<a', '</a', '</td', '</tr']);
      expect(html).toMatch(/^<tr( [a-z-]+="[^"<>]*")+><td>[^<]*<\/td><td><a href="[^"<>]*">[^<]*<\/a><\/td><\/tr>$/);
      const cell = /<td>([^<]*)<\/td>/.exec(html)![1]!;
      expect(cell.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!)).toBe(text);
    });
  }
});
