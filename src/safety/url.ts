/**
 * Addresses and their hosts, in one place: as written (what an editor typed, for messages and for
 * defanging the text in place) and as a browser reads it (where a click would go, which is what
 * the defang list and the checks judge). Every other module asks here rather than taking a URL
 * apart with a regex of its own.
 */

/** An http(s) address taken apart as written: scheme, authority (`user@host:port`), the rest. */
export interface WrittenUrl {
  /** `http` or `https`, in the case written. */
  scheme: string;
  /** Everything between `//` and the path, query or fragment: userinfo and port included. */
  authority: string;
  /** The path, query and fragment, as written. */
  rest: string;
}

/** `https://t.me/x` → scheme, `t.me`, `/x`; undefined for anything that is not http(s) with `//`. */
export function splitUrl(url: string): WrittenUrl | undefined {
  const match = /^(https?):\/\/([^/?#]*)(.*)$/i.exec(url);
  return match ? { scheme: match[1]!, authority: match[2]!, rest: match[3]! } : undefined;
}

/**
 * The host of an http(s) address as written, case kept: without the userinfo before the last
 * `@` (as a browser reads `https://t.me@evil.example`) and the port.
 */
export function writtenHost(url: string): string | undefined {
  const authority = splitUrl(url)?.authority;
  if (authority === undefined) return undefined;
  return authority.slice(authority.lastIndexOf('@') + 1).replace(/:[^:\]]*$/, '');
}

/**
 * A placeholder that no list names: addresses are read relative to it, so that scheme-less
 * forms a browser still resolves to another server (`//t.me/x`, `\\t.me/x`) are judged by their
 * host too, and a site-relative path resolves here.
 */
const HERE = 'https://base.invalid/';

/** The host a browser would go to, lower case, without a trailing dot; undefined if it cannot parse. */
export function hostOf(url: string): string | undefined {
  try {
    return new URL(url, HERE).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return undefined;
  }
}

/** Written to be fetched from another server: `https://…`, `http://…`, or scheme-less `//…` (browsers ignore control characters there). */
export function isRemote(url: string): boolean {
  return /^(https?:)?[\\/]{2}/i.test(url.replace(/[\u0000-\u0020]/g, ''));
}

/** Whether a browser would fetch `url` from another server than the site's own (a relative path does not). */
export function isOnAnotherServer(url: string): boolean {
  return hostOf(url) !== new URL(HERE).hostname;
}

/** True when `host` is one of `domains` or a subdomain of one. */
export function isHostUnder(host: string, domains: readonly string[]): boolean {
  return domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/**
 * The address with its host as a browser reads it: a host disguised with fullwidth letters or
 * escaped invisible characters (`%EF%BD%94.me`, `t.me%C2%AD`) becomes `t.me`.
 */
export function withHostAsRead(url: string): string {
  const written = writtenHost(url);
  const host = hostOf(url);
  return !written || host === undefined || written.toLowerCase() === host ? url : url.replace(written, host);
}

/**
 * The host of an address found in free text, without what the text put after it:
 * `https://t.me, then`, `https://t.me;`, `https://t.me&amp;x` (an `&` as HTML writes it) all name
 * `t.me`. Lower case, trailing dots dropped.
 */
export function hostInText(url: string): string {
  return (writtenHost(url) ?? '').split(/[\\&;,!\s]/, 1)[0]!.toLowerCase().replace(/\.+$/, '');
}

/** The address itself and every http(s) address written inside it (an archive's copy of a post: `…/web/2019/https://t.me/x`). */
export function addressesIn(url: string): string[] {
  return [url, ...[...url.slice(1).matchAll(/https?:\/\/\S+/gi)].map((m) => m[0])];
}

/**
 * A link a write-up may not hold: a scheme other than http(s) or mailto (javascript:, data:,
 * vbscript:, file:…), or a scheme-less address on another server (`//host/…`, `\\host`), which
 * would dodge both the checks and the defang list.
 */
export function hasUnsafeScheme(url: string): boolean {
  // Browsers ignore whitespace and control characters there: `java\tscript:` runs, `/\t/h` is `//h`.
  const compact = url.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  if (/^[\\/]{2}/.test(compact)) return true;
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
  return scheme !== undefined && !['http', 'https', 'mailto'].includes(scheme);
}

/**
 * An http(s) address a filter and a browser would read differently, or that goes nowhere: a
 * backslash or an encoded control character where the host goes, or no parse at all.
 */
export function isMisleadingUrl(url: string): boolean {
  return /[\\]|%(?:[01][0-9a-f]|20)/i.test(splitUrl(url)?.authority ?? '') || !URL.canParse(url);
}

/** `t.me/x`, `www.example.org`: a host name where a path should start (`about.html#team` is a file). */
const LOOKS_LIKE_A_HOST = /^(?:www\.|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?!(?:html?|php|aspx?|pdf|csv|json|xml|txt|md|png|jpe?g|gif|svg|webp|zip)[/?#])[a-z]{2,}[/?#])/i;

/** Whether a link without a scheme starts with a host name: as written it would be a path on this site. */
export function startsWithHost(url: string): boolean {
  return LOOKS_LIKE_A_HOST.test(url);
}

/** An absolute http(s) address a reader can follow: it parses, has no white space, and its host has a dot. */
export function isWebAddress(url: string): boolean {
  return !/\s/.test(url) && URL.canParse(url) && (writtenHost(url) ?? '').includes('.');
}

/** Query parameters that say where a reader came from, not which document it is. */
const TRACKING = /^(?:utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ocid|cmpid|ref|ref_src|smid|s)$/i;

/**
 * An address reduced to the document it names, to notice one document added twice: without its
 * scheme, `www.`, trailing slash, fragment and tracking parameters (`utm_*`, `fbclid`…); host in
 * lower case, the other parameters sorted. Undefined for what is not an http(s) address.
 */
export function documentKey(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
  const path = parsed.pathname.replace(/\/+$/, '');
  const params = [...parsed.searchParams].filter(([name]) => !TRACKING.test(name)).sort(([a], [b]) => a.localeCompare(b));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  return `${host}${parsed.port ? `:${parsed.port}` : ''}${path}${query}`;
}
