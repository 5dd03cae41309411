/**
 * Extremist links are data, not links. A URL on a listed domain (or any subdomain of one) is
 * shown as `hxxps://t[.]me/...`: readable and copyable by a researcher, but never clickable,
 * never fetched, never indexed as a link.
 */

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
  return domains.length > 0 && patternsOf(domains).mention.test(text);
}

/** `text` with every address on a listed domain defanged in place, and every other left as it is. */
export function defangUrlsIn(text: string, domains: readonly string[]): string {
  if (domains.length === 0) return text;
  const urls = text.replace(URL_IN_TEXT, (url) => (isListedHost(hostInText(url), domains) ? defang(url) : url));
  return urls.replace(patternsOf(domains).bare, (host) => host.replaceAll('.', '[.]'));
}
