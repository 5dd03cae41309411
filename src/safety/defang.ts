/**
 * Extremist links are data, not links. A URL on a listed domain (or any subdomain of one) is
 * shown as `hxxps://t[.]me/...`: readable and copyable by a researcher, but never clickable,
 * never fetched, never indexed as a link.
 */

/**
 * The tooltip of every defanged address. Neutral on purpose: the list holds platforms (Telegram's
 * own home page is defanged too), and a source's post may be defanged for who posted it.
 */
export const DEFANGED_TITLE = 'Defanged: shown as text, not as a link';

/** `https://t.me/x` → `hxxps://t[.]me/x`. Non-URLs are returned with their dots bracketed. */
export function defang(url: string): string {
  const match = /^(https?)(:\/\/)([^/?#]*)(.*)$/i.exec(url);
  if (!match) return url.replaceAll('.', '[.]');
  const [, scheme, sep, host, rest] = match as unknown as [string, string, string, string, string];
  return `${scheme.toLowerCase().replace('http', 'hxxp')}${sep}${host.replaceAll('.', '[.]')}${rest}`;
}

/**
 * The host a browser would go to. Relative to a placeholder base, so that scheme-less forms a
 * browser still resolves to another server (`//t.me/x`, `\\t.me/x`) are judged by their host
 * too; a site-relative path resolves to the placeholder, which no list names.
 */
export function hostOf(url: string): string | undefined {
  try {
    return new URL(url, 'https://base.invalid/').hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return undefined;
  }
}

/** True when the URL's host is a listed domain or a subdomain of one. */
export function isDefangedDomain(url: string, domains: readonly string[]): boolean {
  const host = hostOf(url);
  return host !== undefined && isListedHost(host, domains);
}

function isListedHost(host: string, domains: readonly string[]): boolean {
  return domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/**
 * An http(s) URL inside free text: up to whitespace, a quote, a bracket or a tag. No word
 * boundary before it: `see:https://…` and `x_https://…` are addresses too.
 */
const URL_IN_TEXT = /https?:\/\/[^\s<>"'()]+/gi;

/**
 * The host of a URL found in text, without what the text put after it: `https://t.me, then`,
 * `https://t.me;`, `https://t.me&amp;x` (an `&` as HTML writes it) all name `t.me`.
 */
function hostInText(url: string): string {
  return (/^https?:\/\/(?:[^@/?#\s]*@)?([^/?#\\\s:&;,!]*)/i.exec(url)?.[1] ?? '').toLowerCase().replace(/\.+$/, '');
}

/**
 * The patterns of one defang list, compiled once: any mention of a listed domain, in any case
 * (a quick test before the work of defanging), and a listed host written without a scheme,
 * before a path (`t.me/channel`, which chat apps and mail clients turn into a link), not inside
 * another address (`example.org/t.me/x`, `a.t.me`).
 */
const patterns = new Map<string, { mention: RegExp; bare: RegExp }>();

function patternsOf(domains: readonly string[]): { mention: RegExp; bare: RegExp } {
  const key = domains.join(' ');
  let compiled = patterns.get(key);
  if (!compiled) {
    const names = domains.map((d) => d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    compiled = { mention: new RegExp(names, 'i'), bare: new RegExp(`(?<![\\w.@/:-])((?:[a-z0-9-]+\\.)*(?:${names}))(?=/)`, 'gi') };
    patterns.set(key, compiled);
  }
  return compiled;
}

/** Whether a text names a listed domain at all, in any case. */
export function namesListedDomain(text: string, domains: readonly string[]): boolean {
  if (domains.length === 0) return false;
  const { mention } = patternsOf(domains);
  return mention.test(text) || (DISGUISE.test(text) && mention.test(fold(text).folded));
}

/** `text` with every address on a listed domain defanged in place, and every other left as it is. */
export function defangUrlsIn(text: string, domains: readonly string[]): string {
  if (domains.length === 0) return text;
  const plain = DISGUISE.test(text) ? undisguise(text, domains) : text;
  const urls = plain.replace(URL_IN_TEXT, (url) => (isListedHost(hostInText(url), domains) ? defang(url) : url));
  return urls.replace(patternsOf(domains).bare, (host) => host.replaceAll('.', '[.]'));
}

/**
 * What a host can hide behind to slip past filters while a browser still goes there: invisible
 * characters (soft hyphen, zero-width space and joiners, word joiner, BOM), and fullwidth letters
 * and dots, which browsers read as ASCII (`ｔ.ｍｅ`, `t。me`).
 */
const DISGUISE = /[\u00AD\u200B-\u200D\u2060\uFEFF\uFF01-\uFF5E\u3002\uFF61]/;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;

/** `text` as a browser would read its addresses: invisible characters dropped, fullwidth ones folded to ASCII; `at[i]` is where folded character i came from. */
function fold(text: string): { folded: string; at: number[] } {
  let folded = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (INVISIBLE.test(c)) continue;
    const code = c.charCodeAt(0);
    folded += code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : c === '\u3002' || c === '\uff61' ? '.' : c;
    at.push(i);
  }
  at.push(text.length);
  return { folded, at };
}

/**
 * `text` with each disguised address on a listed domain written as a browser reads it, so that
 * it is then defanged like any other. Only those addresses change: elsewhere a zero-width joiner
 * or a fullwidth letter is part of the writing (Persian, Japanese) and stays.
 */
function undisguise(text: string, domains: readonly string[]): string {
  const { folded, at } = fold(text);
  const found: [number, number, string][] = [];
  for (const m of folded.matchAll(URL_IN_TEXT)) if (isListedHost(hostInText(m[0]), domains)) found.push([m.index, m.index + m[0].length, m[0]]);
  for (const m of folded.matchAll(patternsOf(domains).bare)) if (!found.some(([s, e]) => m.index >= s && m.index < e)) found.push([m.index, m.index + m[0].length, m[0]]);
  if (found.length === 0) return text;
  let out = '';
  let last = 0;
  for (const [start, end, plain] of found.sort((a, b) => a[0] - b[0])) {
    out += text.slice(last, at[start]) + plain;
    last = at[end - 1]! + 1;
  }
  return out + text.slice(last);
}
