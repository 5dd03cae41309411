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

/** An http(s) URL inside free text: up to whitespace, a quote, a bracket or a tag. */
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'()]+/gi;

/** `text` with every URL on a listed domain defanged in place, and every other left as it is. */
export function defangUrlsIn(text: string, domains: readonly string[]): string {
  return text.replace(URL_IN_TEXT, (url) => (isDefangedDomain(url, domains) ? defang(url) : url));
}
