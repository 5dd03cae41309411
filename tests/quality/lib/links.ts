/**
 * Broken internal links and missing assets in a built site, base-path aware.
 *
 * Every `href`, `src`, `srcset`, `poster`, `xlink:href` and `action` of every HTML page, plus the
 * URL-valued meta tags (`og:image`, `og:url`, `twitter:image`), is resolved against the URL the
 * page is served at. A URL is internal when it is relative or on the site's own origin (`SITE_URL`,
 * which canonical and Open Graph URLs use). An internal URL must stay under the base path and
 * name a file that exists (a directory URL needs its `index.html`); a `#fragment` on an HTML
 * target must name an `id` on that page. `404.html` is served at any depth, so its links are
 * resolved from a deep made-up URL: a relative link there is a broken link.
 */
import { anchors, tags } from './html.ts';
import { fileFor, htmlFiles, pagePath, type Site } from './site.ts';

export interface LinkProblem {
  page: string;
  /** `a[href]`, `img[srcset]`, `meta[og:image]`. */
  where: string;
  url: string;
  reason: string;
}

export interface LinkOptions {
  /** The base path the site was built for: '/' or '/dw/'. */
  base?: string;
  /** The SITE_URL the site was built with (its origin counts as internal). */
  site?: string;
}

const URL_ATTRS = ['href', 'src', 'srcset', 'poster', 'xlink:href', 'action', 'data-src'];
const URL_META = new Set(['og:image', 'og:url', 'twitter:image', 'og:image:url', 'og:image:secure_url']);

/** Every URL a page refers to, with where it was found. */
export function pageUrls(html: string): { where: string; url: string }[] {
  const out: { where: string; url: string }[] = [];
  for (const tag of tags(html)) {
    for (const attr of URL_ATTRS) {
      const value = tag.attrs.get(attr);
      if (value === undefined) continue;
      if (attr === 'srcset') {
        for (const candidate of value.split(',')) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url) out.push({ where: `${tag.name}[srcset]`, url });
        }
      } else out.push({ where: `${tag.name}[${attr}]`, url: value.trim() });
    }
    if (tag.name === 'meta') {
      const key = tag.attrs.get('property') ?? tag.attrs.get('name') ?? '';
      const content = tag.attrs.get('content');
      if (URL_META.has(key) && content) out.push({ where: `meta[${key}]`, url: content.trim() });
    }
  }
  return out;
}

export function findBrokenLinks(site: Site, { base = '/', site: siteUrl = 'https://driftwatch.example' }: LinkOptions = {}): LinkProblem[] {
  const origin = new URL(siteUrl).origin;
  const files = new Set(site.files);
  const anchorCache = new Map<string, Set<string>>();
  const anchorsOf = (file: string) => {
    let set = anchorCache.get(file);
    if (!set) {
      set = anchors(site.read(file) ?? '');
      anchorCache.set(file, set);
    }
    return set;
  };
  const problems: LinkProblem[] = [];
  for (const page of htmlFiles(site)) {
    const servedAt = page === '404.html' ? `${base}a/missing/page/` : pagePath(page, base);
    const pageUrl = new URL(servedAt, origin);
    for (const { where, url } of pageUrls(site.read(page) ?? '')) {
      const report = (reason: string) => problems.push({ page, where, url, reason });
      if (url === '') {
        report('empty URL');
        continue;
      }
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020]/g, ''))?.[1]?.toLowerCase();
      if (scheme === 'javascript' || scheme === 'vbscript') {
        report(`${scheme}: URL`);
        continue;
      }
      if (scheme && scheme !== 'http' && scheme !== 'https') continue; // mailto:, tel:, data: images
      if (url.startsWith('#')) {
        // Same document, wherever it is served (404.html included).
        const fragment = decodeURIComponent(url.slice(1));
        if (fragment && !fragment.startsWith(':~:') && !anchorsOf(page).has(fragment)) report(`no id "${fragment}" on this page`);
        continue;
      }
      let target: URL;
      try {
        target = new URL(url, pageUrl);
      } catch {
        report('not a URL');
        continue;
      }
      if (target.origin !== origin) continue; // external: not checked here (no network)
      const file = fileFor(target.pathname, base);
      if (file === undefined) {
        report(`outside the base path ${base}`);
        continue;
      }
      let resolved: string | undefined;
      if (files.has(file)) resolved = file;
      else if (!file.endsWith('index.html') && files.has(`${file}/index.html`)) resolved = `${file}/index.html`;
      if (!resolved) {
        report(`no such file: ${file}`);
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment && !fragment.startsWith(':~:') && resolved.endsWith('.html') && !anchorsOf(resolved).has(fragment)) {
        report(`no id "${fragment}" in ${resolved}`);
      }
    }
  }
  return problems;
}

export const formatLinkProblem = (p: LinkProblem) => `${p.page}: ${p.where}="${p.url}": ${p.reason}`;
