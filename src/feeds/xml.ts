/**
 * XML for the feed and the sitemap, written by hand and escaped by hand: every text and attribute
 * value goes through `escapeXml`, and characters XML 1.0 forbids are dropped.
 */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** `<name>text</name>`, escaped. */
export const element = (name: string, text: string): string => `<${name}>${escapeXml(text)}</${name}>`;

/**
 * RSS readers treat `<description>` as HTML: plain text from data is HTML-escaped first, then
 * XML-escaped by `element`, so `<script>` in a summary arrives as the text "<script>".
 */
export function escapeHtmlText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}
