/** Addresses and hosts (src/safety/url.ts): as written, and as a browser reads them. */
import { describe, expect, it } from 'vitest';
import { defangUrlsIn } from '../../src/safety/defang.ts';
import { addressesIn, documentKey, hasUnsafeScheme, hostInText, hostOf, isMisleadingUrl, isOnAnotherServer, isRemote, isWebAddress, splitUrl, startsWithHost, withHostAsRead, writtenHost } from '../../src/safety/url.ts';

describe('hosts as written', () => {
  it('takes an address apart without changing a character', () => {
    expect(splitUrl('HTTPS://User@T.me:443/x?y#z')).toEqual({ scheme: 'HTTPS', authority: 'User@T.me:443', rest: '/x?y#z' });
    expect(splitUrl('t.me/x')).toBeUndefined();
  });

  it('reads the host after the last @ and before the port, as a browser does', () => {
    expect(writtenHost('https://user:pw@T.me:8443/x')).toBe('T.me');
    expect(writtenHost('https://a@b.example@t.me/x')).toBe('t.me');
    expect(writtenHost('https://[::1]:80/')).toBe('[::1]');
    expect(writtenHost('mailto:x@t.me')).toBeUndefined();
  });

  it('in free text, stops where the text goes on', () => {
    for (const url of ['https://t.me, then', 'https://t.me;', 'https://t.me&amp;x', 'https://T.ME./x', 'https://t.me\\x', 'https://t.me!']) expect(hostInText(url)).toBe('t.me');
  });

  it('defangs an address whose userinfo holds an @ (it went to t.me, but was read as "b.example@t.me")', () => {
    expect(defangUrlsIn('see https://a@b.example@t.me/x', ['t.me'])).toBe('see hxxps://a@b[.]example@t[.]me/x');
  });
});

describe('hosts as a browser reads them', () => {
  it('resolves scheme-less and disguised forms', () => {
    expect(hostOf('//t.me/x')).toBe('t.me');
    expect(hostOf('\\\\t.me/x')).toBe('t.me');
    expect(hostOf('https://%EF%BD%94.me/x')).toBe('t.me');
    expect(withHostAsRead('https://%EF%BD%94.me/x')).toBe('https://t.me/x');
    expect(withHostAsRead('https://T.me/x')).toBe('https://T.me/x');
  });

  it('tells the site’s own paths from other servers', () => {
    expect(isOnAnotherServer('/img/a.png')).toBe(false);
    expect(isOnAnotherServer('a.png')).toBe(false);
    expect(isOnAnotherServer('https://evil.example/a.png')).toBe(true);
    expect(isOnAnotherServer('data:image/png;base64,AA')).toBe(true);
    expect(isRemote('//evil.example/a.png')).toBe(true);
    expect(isRemote('htt\tps://evil.example/a.png')).toBe(true);
    expect(isRemote('/local.png')).toBe(false);
  });

  it('finds the addresses nested in an archive link', () => {
    expect(addressesIn('https://web.archive.org/web/2019/https://t.me/x')).toEqual(['https://web.archive.org/web/2019/https://t.me/x', 'https://t.me/x']);
  });
});

describe('links a write-up may not hold', () => {
  it('refuses schemes other than http(s) and mailto, however they are spelled', () => {
    for (const url of ['javascript:alert(1)', 'JAVA\tSCRIPT:x', 'data:text/html,x', '//t.me/x', '/\t/t.me', '\\\\t.me']) expect(hasUnsafeScheme(url)).toBe(true);
    for (const url of ['https://t.me/x', 'mailto:a@b.org', '/about/', '#notes', 'report.pdf']) expect(hasUnsafeScheme(url)).toBe(false);
  });

  it('says when a host holds what a filter and a browser read differently', () => {
    expect(isMisleadingUrl('https://t.me\\chan')).toBe(true);
    expect(isMisleadingUrl('https://t.me%09/x')).toBe(true);
    expect(isMisleadingUrl('https://news.example/a%20b')).toBe(false);
  });

  it('sees a host where a path should start', () => {
    expect(startsWithHost('t.me/nolink')).toBe(true);
    expect(startsWithHost('www.example.org')).toBe(true);
    for (const path of ['about/', 'report.pdf', 'about.html#team', '/data/records.csv']) expect(startsWithHost(path)).toBe(false);
  });

  it('takes an address on the web only when its host has a dot', () => {
    expect(isWebAddress('https://example.org/a')).toBe(true);
    expect(isWebAddress('http://localhost/x')).toBe(false);
    expect(isWebAddress('https://user.name@localhost/x')).toBe(false);
    expect(isWebAddress('https://example.org/a b')).toBe(false);
  });
});

describe('documentKey: one document, however its address was copied', () => {
  it('sets aside scheme, www., case of the host, a trailing slash, the fragment and tracking parameters', () => {
    const key = documentKey('https://news.example/report?id=3');
    for (const url of ['http://www.NEWS.example/report/?id=3', 'https://news.example/report?utm_source=x&id=3&fbclid=y#top', 'https://news.example/report/?id=3&utm_campaign=z']) expect(documentKey(url), url).toBe(key);
    for (const url of ['https://news.example/report?id=4', 'https://news.example/report/2?id=3', 'https://other.example/report?id=3']) expect(documentKey(url), url).not.toBe(key);
    expect(documentKey('mailto:a@b.org')).toBeUndefined();
  });
});
