/** XML for the feed and the sitemap, written by hand: every text and attribute value is escaped (safety/escape.ts). */
import { escapeXml } from '../safety/escape.ts';

/** `<name>text</name>`, escaped. */
export const element = (name: string, text: string): string => `<${name}>${escapeXml(text)}</${name}>`;
