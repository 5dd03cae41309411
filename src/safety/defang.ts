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
  if (host === undefined) return false;
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

const isListedHost = (host: string, domains: readonly string[]) => domains.some((domain) => host === domain || host.endsWith(`.${domain}`));

const barePatterns = new Map<string, RegExp>();

/**
 * A listed host written without a scheme, before a path: `t.me/channel`, which chat apps and
 * mail clients turn into a link. Not inside another address (`example.org/t.me/x`, `a.t.me`).
 */
function bareHosts(domains: readonly string[]): RegExp {
  const key = domains.join(' ');
  let pattern = barePatterns.get(key);
  if (!pattern) {
    const names = domains.map((d) => d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    barePatterns.set(key, (pattern = new RegExp(`(?<![\\w.@/:-])((?:[a-z0-9-]+\\.)*(?:${names}))(?=/)`, 'gi')));
  }
  return pattern;
}

/** `text` with every address on a listed domain defanged in place, and every other left as it is. */
export function defangUrlsIn(text: string, domains: readonly string[]): string {
  if (domains.length === 0) return text;
  const urls = text.replace(URL_IN_TEXT, (url) => (isListedHost(hostInText(url), domains) ? defang(url) : url));
  return urls.replace(bareHosts(domains), (host) => host.replaceAll('.', '[.]'));
}
