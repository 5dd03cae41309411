/**
 * The RSS 2.0 feed of incidents (`/rss.xml`): newest first, with their summaries. Only the site's
 * own URLs appear in it; summaries are plain text, escaped.
 */
import { escapeHtmlText, escapeXml } from '../safety/escape.ts';
import { element } from './xml.ts';

export interface FeedItem {
  title: string;
  url: string;
  summary: string;
  /** Milliseconds: when the item is dated (the write-up's publication, else the incident's date). */
  date: number;
  categories: string[];
  contentWarning?: string;
}

export interface Feed {
  title: string;
  description: string;
  /** Absolute URL of the site's home page. */
  home: string;
  /** Absolute URL of the feed itself. */
  self: string;
  language: string;
  items: FeedItem[];
}

export function rss(feed: Feed): string {
  const latest = feed.items.reduce((max, item) => Math.max(max, item.date), 0);
  const items = feed.items.map((item) =>
    [
      '    <item>',
      `      ${element('title', item.title)}`,
      `      ${element('link', item.url)}`,
      `      <guid isPermaLink="true">${escapeXml(item.url)}</guid>`,
      `      ${element('pubDate', new Date(item.date).toUTCString())}`,
      `      ${element('description', escapeHtmlText(item.contentWarning ? `Content warning: ${item.contentWarning} ${item.summary}` : item.summary))}`,
      ...item.categories.map((c) => `      ${element('category', c)}`),
      '    </item>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    ${element('title', feed.title)}`,
    `    ${element('link', feed.home)}`,
    `    ${element('description', escapeHtmlText(feed.description))}`,
    `    ${element('language', feed.language)}`,
    `    <atom:link href="${escapeXml(feed.self)}" rel="self" type="application/rss+xml"/>`,
    ...(latest > 0 ? [`    ${element('lastBuildDate', new Date(latest).toUTCString())}`] : []),
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}

/**
 * How many items the feed carries: the newest. A feed is for what is new; with a thousand
 * write-ups it was 630 KB that every reader polls. The site lists them all at /incidents/.
 */
export const FEED_ITEMS = 50;

/** The `limit` newest items, newest first. */
export function newestItems<T extends { date: number }>(items: readonly T[], limit = FEED_ITEMS): T[] {
  return [...items].sort((a, b) => b.date - a.date).slice(0, limit);
}
