/**
 * Extremist links are data, not links. A URL on a listed domain (or any subdomain of one) is
 * shown as `hxxps://t[.]me/...`: readable and copyable by a researcher, but never clickable,
 * never fetched, never indexed as a link.
 */
import { hostInText, hostOf, isHostUnder, splitUrl } from './url.ts';

/**
 * The tooltip of every defanged address. Neutral on purpose: the list holds platforms (Telegram's
 * own home page is defanged too), and a source's post may be defanged for who posted it.
 */
export const DEFANGED_TITLE = 'Defanged: shown as text, not as a link';

/** `https://t.me/x` → `hxxps://t[.]me/x`. Non-URLs are returned with their dots bracketed. */
export function defang(url: string): string {
  const parts = splitUrl(url);
  if (!parts) return url.replaceAll('.', '[.]');
  return `${parts.scheme.toLowerCase().replace('http', 'hxxp')}://${parts.authority.replaceAll('.', '[.]')}${parts.rest}`;
}

/** True when the host a browser would go to is a listed domain or a subdomain of one. */
export function isDefangedDomain(url: string, domains: readonly string[]): boolean {
  const host = hostOf(url);
  return host !== undefined && isHostUnder(host, domains);
}

/**
 * An http(s) URL inside free text: up to whitespace, a quote, a bracket or a tag. No word
 * boundary before it: `see:https://…` and `x_https://…` are addresses too.
 */
const URL_IN_TEXT = /https?:\/\/[^\s<>"'()]+/gi;

/**
 * The patterns of one defang list, compiled once: any mention of a listed domain, in any case
 * (a quick test before the work of defanging), and a listed host written without a scheme,
 * before a path (`t.me/channel`, which chat apps and mail clients turn into a link), not inside
 * another address (`example.org/t.me/x`, `a.t.me`).
 */
const patterns = new Map<string, { mention: RegExp; bare: RegExp; page: RegExp }>();

function patternsOf(domains: readonly string[]): { mention: RegExp; bare: RegExp; page: RegExp } {
  const key = domains.join(' ');
  let compiled = patterns.get(key);
  if (!compiled) {
    const names = domains.map((d) => d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    compiled = {
      mention: new RegExp(names, 'i'),
      bare: new RegExp(`(?<![\\w.@/:-])((?:[a-z0-9-]+\\.)*(?:${names}))(?=/)`, 'gi'),
      // Case-insensitive for the names only: Latin-1 case folding would pair bytes up.
      page: new RegExp(`(?i:${names})|${DISGUISE_BYTES}`),
    };
    patterns.set(key, compiled);
  }
  return compiled;
}

/**
 * For a page's bytes read as Latin-1: whether it may name a listed domain, as written or in
 * disguise. One pass over the page; a page it says yes to is decoded and judged by
 * `namesListedDomain`.
 */
export function mayNameListedDomain(latin1: string, domains: readonly string[]): boolean {
  return domains.length > 0 && patternsOf(domains).page.test(latin1);
}

/** Whether a text names a listed domain at all, in any case, disguised or not. */
export function namesListedDomain(text: string, domains: readonly string[]): boolean {
  if (domains.length === 0) return false;
  const { mention } = patternsOf(domains);
  if (mention.test(text)) return true;
  if (!DISGUISE.test(text)) return false;
  for (const [word] of text.matchAll(/\S+/g)) if (unveiled(word, mention)) return true;
  return false;
}

/** `text` with every address on a listed domain defanged in place, and every other left as it is. */
export function defangUrlsIn(text: string, domains: readonly string[]): string {
  if (domains.length === 0) return text;
  const plain = DISGUISE.test(text) ? undisguise(text, domains) : text;
  const urls = plain.replace(URL_IN_TEXT, (url) => (isHostUnder(hostInText(url), domains) ? defang(url) : url));
  return urls.replace(patternsOf(domains).bare, (host) => host.replaceAll('.', '[.]'));
}

/**
 * What a host can hide behind to slip past filters while a browser still goes there (it reads a
 * host through Unicode's IDNA mapping: NFKC, and characters that are ignorable dropped):
 * invisible characters (soft hyphen, zero-width space and joiners, the combining grapheme
 * joiner…), fullwidth letters and dots (`ｔ.ｍｅ`, `t。me`), circled and mathematical letters
 * (`ⓣ.ⓜⓔ`, `𝐭.𝐦𝐞`).
 */
const DISGUISE =
  // Written out as UTF-16 ranges, not \p{Default_Ignorable_Code_Point} with the u flag: the last
  // guard tests every page, and the property class scanned them four times slower.
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u2460-\u24FF\u3002\u3164\uFE00-\uFE0F\uFEFF\uFF01-\uFF5E\uFF61\uFFA0\uFFF0-\uFFF8]|\uD82F[\uDCA0-\uDCA3]|\uD834[\uDD73-\uDD7A]|\uD835[\uDC00-\uDFFF]|\uDB40[\uDC00-\uDFFF]|[\uDB41-\uDB43][\uDC00-\uDFFF]/;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * DISGUISE's characters as their UTF-8 bytes read as Latin-1: how the last guard, which reads
 * pages as Latin-1 for speed, sees them (a test checks the two agree, character by character).
 */
const DISGUISE_BYTES =
  '\\xC2\\xAD|\\xCD\\x8F|\\xD8\\x9C|\\xE1(?:\\x85[\\x9F\\xA0]|\\x9E[\\xB4\\xB5]|\\xA0[\\x8B-\\x8F])' +
  '|\\xE2(?:\\x80[\\x8B-\\x8F\\xAA-\\xAE]|\\x81[\\xA0-\\xAF]|\\x91[\\xA0-\\xBF]|\\x92[\\x80-\\xBF]|\\x93[\\x80-\\xBF])|\\xE3(?:\\x80\\x82|\\x85\\xA4)' +
  '|\\xEF(?:\\xB8[\\x80-\\x8F]|\\xBB\\xBF|\\xBC[\\x81-\\xBF]|\\xBD[\\x80-\\x9E\\xA1]|\\xBE\\xA0|\\xBF[\\xB0-\\xB8])' +
  '|\\xF0(?:\\x9B\\xB2[\\xA0-\\xA3]|\\x9D(?:\\x85[\\xB3-\\xBA]|[\\x90-\\x9F]))|\\xF3\\xA0';

/** The two spellings of DISGUISE, for the test that holds them equal. */
export const DISGUISE_PATTERNS = { chars: DISGUISE, bytes: new RegExp(DISGUISE_BYTES) };

/** `word` as a browser would read an address in it: ignorable characters dropped, the rest NFKC (`ｔ` → `t`, `。` → `.`). */
function fold(word: string): string {
  return word.replace(IGNORABLE, '').normalize('NFKC').replace(/\u3002/g, '.');
}

/**
 * `text` with each word that hides an address on a listed domain written as a browser reads
 * it, so that it is then defanged like any other. Word by word: elsewhere a zero-width
 * non-joiner or a fullwidth letter is part of the writing (Persian, Japanese) and stays, and a
 * long page in such a script costs one test per word that holds one.
 */
function undisguise(text: string, domains: readonly string[]): string {
  const { mention } = patternsOf(domains);
  return text.replace(/\S+/g, (word) => unveiled(word, mention) ?? word);
}

/** `word` as a browser reads it, when that names a listed domain (`mention`) it hid; else undefined. */
function unveiled(word: string, mention: RegExp): string | undefined {
  if (!DISGUISE.test(word)) return undefined;
  const plain = fold(word);
  return plain !== word && mention.test(plain) ? plain : undefined;
}
