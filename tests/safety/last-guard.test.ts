/** The defang rule's last guard over a built site: pages and feeds defanged in place, data files kept as data. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DISGUISE_PATTERNS } from '../../src/safety/defang.ts';
import { defangSite, guard } from '../../src/safety/last-guard.ts';

const DOMAINS = ['t.me', 'tt.me'];

describe('defangSite', () => {
  it('defangs URLs on listed domains in HTML and XML, in any case, and leaves downloads and other hosts alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dw-guard-'));
    const files: Record<string, string> = {
      'incidents/a/index.html': '<p>Notes: see https://t.me/chan/5 and HTTPS://TT.ME/Up, not https://news.example/t.me/x.</p><span title="https://sub.t.me/y">x</span>',
      'rss.xml': '<description>From https://t.me/feed</description>',
      'about/index.html': '<p>Nothing listed here.</p>',
      'data/records.json': '{"notes":"see https://t.me/chan/5"}',
      'data/records.csv': 'notes\nsee https://t.me/chan/5\n',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    expect(defangSite(dir, DOMAINS)).toBe(2);
    const read = (path: string) => readFileSync(join(dir, path), 'utf8');
    expect(read('incidents/a/index.html')).toBe('<p>Notes: see hxxps://t[.]me/chan/5 and hxxps://TT[.]ME/Up, not https://news.example/t.me/x.</p><span title="hxxps://sub[.]t[.]me/y">x</span>');
    expect(read('rss.xml')).toBe('<description>From hxxps://t[.]me/feed</description>');
    expect(read('about/index.html')).toBe(files['about/index.html']);
    expect(read('data/records.json')).toBe(files['data/records.json']);
    expect(read('data/records.csv')).toBe(files['data/records.csv']);
  });

  it('judges the host without what the text puts after it, and defangs a host written without https://', () => {
    const cases: [string, string][] = [
      ['see https://t.me, then', 'see hxxps://t[.]me, then'],
      ['https://t.me; https://t.me! https://t.me&amp;x', 'hxxps://t[.]me; hxxps://t[.]me! hxxps://t[.]me&amp;x'],
      ['x_https://t.me/a', 'x_hxxps://t[.]me/a'],
      ['on t.me/chan, not example.org/t.me/x or notat.me/x', 'on t[.]me/chan, not example.org/t.me/x or notat.me/x'],
      ['https://user@t.me:443/x', 'hxxps://user@t[.]me:443/x'],
    ];
    for (const [text, safe] of cases) expect(guard(text, DOMAINS), text).toBe(safe);
  });

  it('sees through a host disguised with invisible or fullwidth characters, and leaves them alone elsewhere', () => {
    const cases: [string, string][] = [
      ['see https://t.me\u00AD/shy', 'see hxxps://t[.]me/shy'],
      ['https://ｔ.ｍｅ/wide and https://t\u3002me/dot', 'hxxps://t[.]me/wide and hxxps://t[.]me/dot'],
      ['bare t\u200B.me/chan', 'bare t[.]me/chan'],
      // An invisible character after the host, with no path, and inside and after it.
      ['Posts at https://t.me\u200B and', 'Posts at hxxps://t[.]me and'],
      ['https://t\u00AD.me\u00AD y', 'hxxps://t[.]me y'],
      // Letters a browser maps to ASCII: mathematical, circled; the combining grapheme joiner.
      ['https://𝐭.𝐦𝐞/x https://ⓣ.ⓜⓔ/y https://t\u034F.me/z', 'hxxps://t[.]me/x hxxps://t[.]me/y hxxps://t[.]me/z'],
      // A zero-width non-joiner in Persian, fullwidth letters in Japanese: writing, not disguise.
      ['می\u200Cخواهم ｔｅｓｔ https://example.org/x', 'می\u200Cخواهم ｔｅｓｔ https://example.org/x'],
    ];
    for (const [text, safe] of cases) expect(guard(text, DOMAINS), text).toBe(safe);
    // On disk, where the guard first reads bytes as Latin-1 and would not see `ｔ.ｍｅ` as `t.me`.
    const dir = mkdtempSync(join(tmpdir(), 'dw-guard-'));
    writeFileSync(join(dir, 'index.html'), '<p>https://ｔ.ｍｅ/wide</p>');
    expect(defangSite(dir, DOMAINS)).toBe(1);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('<p>hxxps://t[.]me/wide</p>');
  });

  it('sees every character a host can hide behind in the bytes it reads as Latin-1, as in the text', () => {
    const { chars, bytes } = DISGUISE_PATTERNS;
    const ranges = [[0x80, 0xffff], [0x1bc00, 0x1bcff], [0x1d100, 0x1d800], [0x1f100, 0x1f2ff], [0xe0000, 0xe0fff]];
    const disagree: string[] = [];
    for (const [from, to] of ranges) {
      for (let cp = from!; cp <= to!; cp++) {
        if (cp >= 0xd800 && cp <= 0xdfff) continue;
        const ch = String.fromCodePoint(cp);
        if (chars.test(ch) !== bytes.test(Buffer.from(ch).toString('latin1'))) disagree.push(cp.toString(16));
      }
    }
    expect(disagree).toEqual([]);
    expect(chars.test('\u00AD') && chars.test('ｔ') && chars.test('𝐭') && chars.test('ⓣ') && chars.test('\u034F')).toBe(true);
  });

  it('changes nothing without a defang list, or in text that names no listed domain', () => {
    expect(guard('https://t.me/x', [])).toBe('https://t.me/x');
    expect(guard('https://notat.me/x and at.me', DOMAINS)).toBe('https://notat.me/x and at.me');
  });
});
