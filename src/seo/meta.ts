/** Absolute URLs for canonical links, feeds, Open Graph and the sitemap: SITE_URL + BASE_PATH + path. */
import { withBase } from '../data/urls.ts';

/** `site` is Astro's `site` (SITE_URL); `path` a site path before the base path. */
export function absoluteUrl(site: URL | string | undefined, path: string): string {
  return new URL(withBase(path), site ?? 'https://driftwatch.example').href;
}
