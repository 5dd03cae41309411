/**
 * Extremist links are data, not links: no page, chart, feed or search result may link to a
 * domain of the defang list (data/site.yaml). This finds live links to them. It has its own host
 * matching on purpose: a checker must not reuse the code it checks.
 */
import { XMLParser } from 'fast-xml-parser';
import { pageUrls } from './links.ts';
import { tags } from './html.ts';

export interface LiveLink {
  where: string;
  url: string;
}

function host(url: string): string | undefined {
  try {
    const parsed = new URL(url.trim().replace(/^\/\//, 'https://'));
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return parsed.hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return undefined;
  }
}

export function onDefangedDomain(url: string, domains: readonly string[]): boolean {
  const h = host(url);
  return h !== undefined && domains.some((d) => h === d.toLowerCase() || h.endsWith(`.${d.toLowerCase()}`));
}

/** Links, images, scripts, forms and Open Graph URLs of an HTML or SVG document. */
export function liveDefangedLinks(html: string, domains: readonly string[]): LiveLink[] {
  const found = pageUrls(html).filter(({ url }) => onDefangedDomain(url, domains));
  // A refresh redirect is a link too.
  for (const tag of tags(html)) {
    if (tag.name === 'meta' && /refresh/i.test(tag.attrs.get('http-equiv') ?? '')) {
      const url = /url\s*=\s*(.+)$/i.exec(tag.attrs.get('content') ?? '')?.[1]?.replace(/^['"]|['"]$/g, '');
      if (url && onDefangedDomain(url, domains)) found.push({ where: 'meta[refresh]', url });
    }
  }
  return [...found, ...jsonLdLinks(html, domains)];
}

/** URL values in JSON-LD: structured data that search engines follow like links. */
export function jsonLdLinks(html: string, domains: readonly string[]): LiveLink[] {
  const out: LiveLink[] = [];
  for (const tag of tags(html)) {
    if (tag.name !== 'script' || !/ld\+json/i.test(tag.attrs.get('type') ?? '')) continue;
    let data: unknown;
    try {
      data = JSON.parse(tag.body ?? '');
    } catch {
      continue; // the payload scan reports unparsable JSON-LD
    }
    const walk = (value: unknown, path: string) => {
      if (typeof value === 'string') {
        if (/^\s*(https?:)?\/\//i.test(value) && onDefangedDomain(value, domains)) out.push({ where: `JSON-LD ${path}`, url: value });
      } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
    };
    walk(data, '$');
  }
  return out;
}

/** RSS/Atom: `<link>`, `<guid isPermaLink>`, `<enclosure url>`, Atom `href`, and the HTML inside descriptions. */
export function feedDefangedLinks(xml: string, domains: readonly string[]): LiveLink[] {
  const out: LiveLink[] = [];
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', processEntities: true, htmlEntities: true });
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      const key = path.split('.').at(-1) ?? '';
      if (/^(link|guid|@href|@url|loc|id)$/.test(key) && onDefangedDomain(value, domains)) out.push({ where: path, url: value });
      if (/^(description|content:encoded|content|summary)$/.test(key)) for (const l of liveDefangedLinks(value, domains)) out.push({ where: `${path} ${l.where}`, url: l.url });
    } else if (Array.isArray(value)) value.forEach((v) => walk(v, path));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k === '#text' ? path : `${path}.${k}`);
  };
  walk(parser.parse(xml), '$');
  // Markup left raw in the XML (CDATA sections are read by feed readers as HTML).
  for (const l of liveDefangedLinks(xml, domains)) if (!out.some((o) => o.url === l.url)) out.push({ where: `raw ${l.where}`, url: l.url });
  return out;
}
