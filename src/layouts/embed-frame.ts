/**
 * The frame of a chart-only page under /embed/, made to sit in another site's <iframe>: no header
 * or navigation, the charts, and a line linking back to their page. Links open in the top window
 * (`<base target="_top">`), not inside the frame.
 *
 * Written as strings, so that one frame serves both ways an embed page is made: `Embed.astro`
 * puts these parts around the charts Astro renders (the site-wide charts' embeds, and in
 * `astro dev` every embed), and a build writes an incident's embed page whole (`embedPage`) from
 * the charts its incident page drew (components/embed-pages.ts). Text is escaped as Astro escapes
 * it (safety/escape.ts), so the two give the same bytes. Nothing here reads the base path
 * (`import.meta.env`, which Node lacks): the integration that writes the pages loads this module
 * with Astro's config, outside Vite.
 */
import { escapeHtmlAttribute, escapeHtmlText } from '../safety/escape.ts';

export interface EmbedFrame {
  /** The site's language, title and licence (`data/site.yaml`). */
  language: string;
  siteTitle: string;
  licence: string;
  /** The page's title, before the site's. */
  title: string;
  /** The page's own address, absolute. */
  canonical: string;
  /** The page the charts come from (already under the base path). */
  from: { href: string; label: string };
  /** The site's home page, under the base path (`withBase('/')`): its icon and theme script are beside it. */
  home: string;
}

/** The frame of an embed page (`page`) on the site `data/site.yaml` describes. */
export function embedFrame(site: { language: string; title: string; licence: string }, page: Pick<EmbedFrame, 'title' | 'canonical' | 'from' | 'home'>): EmbedFrame {
  return { language: site.language, siteTitle: site.title, licence: site.licence, ...page };
}

/** The `<head>` of an embed page up to where Astro adds the stylesheets. */
export function embedHead(frame: EmbedFrame): string {
  return (
    '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><meta name="robots" content="noindex"><meta name="color-scheme" content="light dark"><base target="_top">' +
    `<title>${escapeHtmlText(`${frame.title} · ${frame.siteTitle}`)}</title>` +
    `<link rel="canonical" href="${escapeHtmlAttribute(frame.canonical)}">` +
    `<link rel="icon" href="${escapeHtmlAttribute(`${frame.home}favicon.svg`)}" type="image/svg+xml">` +
    `<script src="${escapeHtmlAttribute(`${frame.home}theme.js`)}"></script>`
  );
}

/** The page's heading, for screen readers: the first thing in `<main>`. */
export function embedHeading(frame: EmbedFrame): string {
  return `<h1 class="visually-hidden">${escapeHtmlText(frame.title)}</h1>`;
}

/** The line under the charts: where they come from, the site, the licence. */
export function embedCredit(frame: EmbedFrame): string {
  return `<p class="embed-credit">From <a href="${escapeHtmlAttribute(frame.from.href)}">${escapeHtmlText(frame.from.label)}</a> · <a href="${escapeHtmlAttribute(frame.home)}">${escapeHtmlText(frame.siteTitle)}</a> · ${escapeHtmlText(frame.licence)}</p>`;
}

/**
 * A whole embed page, as `Embed.astro` renders one around `charts`: `head` is what Astro adds to
 * an embed page's `<head>` (its stylesheets), taken from one it rendered.
 */
export function embedPage(frame: EmbedFrame, head: string, charts: string): string {
  return `<!DOCTYPE html><html lang="${escapeHtmlAttribute(frame.language)}" class="embed"><head>${embedHead(frame)}${head}</head><body class="embed-body"><main id="main">${embedHeading(frame)}${charts}${embedCredit(frame)}</main></body></html>`;
}
