/**
 * Text from data, escaped for the language it is written into: one function per output language,
 * and nowhere else. Astro escapes what a component prints in `{…}`; these are for what the site
 * writes by hand (feeds, the sitemap, social images, the dev error page, the embed snippet, the
 * JSON-LD block, CSV cells, chart marks and data table rows, BibTeX). The browser imports this
 * module too (the record's citation, src/client/cite-forms.ts): it imports nothing.
 */

/** `&`, `<`, `>`, `"`, `'` as Astro writes them in text, so hand-written HTML reads the same as Astro's. */
const HTML_TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text inside an HTML element (and in RSS `<description>`, which readers read as HTML). */
export function escapeHtmlText(text: string): string {
  // Most text needs nothing: testing first is a third of the cost of a replace that finds nothing.
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => HTML_TEXT[c]!) : text;
}

/**
 * Text inside an HTML element where quotes need no escaping (`<code>` of JSON, whose every `"`
 * would be six bytes as `&quot;`): only `&`, `<` and `>`.
 */
export function escapeHtmlContent(text: string): string {
  return /[&<>]/.test(text) ? text.replace(/[&<>]/g, (c) => HTML_TEXT[c]!) : text;
}

/**
 * A value inside a double-quoted HTML attribute (`title="…"`), the only quoting the site writes.
 * An apostrophe stays as it is: the embed snippet shows this markup to readers as text.
 */
export function escapeHtmlAttribute(value: string): string {
  return /[&"<>]/.test(value) ? value.replace(/[&"<>]/g, (c) => HTML_TEXT[c]!) : value;
}

/** The entities `escapeHtmlText` and Astro write, back to their characters. */
const HTML_ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

/**
 * HTML that Astro rendered from text (a component's slot) as that text again: tags dropped,
 * the entities it writes decoded. Not a general HTML parser: only for Astro's own output.
 */
export function renderedHtmlToText(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => HTML_ENTITIES[entity]!);
}

/**
 * Text or an attribute value in XML (RSS, the sitemap, SVG drawn by hand). Characters XML 1.0
 * forbids (most control characters, unpaired surrogates, U+FFFE/U+FFFF) are dropped: a reader
 * would refuse the whole file for one of them.
 */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;')
      .replaceAll('"', '&quot;')
      .replaceAll("'", '&apos;')
  );
}

/**
 * A value as JSON inside an HTML `<script>` (JSON-LD), which the browser reads as raw text up to
 * the first `</script`: `<`, `>` and `&` become `\u` escapes (JSON parsers read them back as the
 * same characters), and so do U+2028/U+2029, which older JavaScript parsers take for line ends.
 */
export function jsonInScript(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

/**
 * Text in a braced BibTeX field, so that it comes out as written: `\`, `{` and `}` (which would
 * end the field or start a command), and `&`, `%`, `$`, `#`, `_`, `~`, `^`, which LaTeX reads as
 * markup.
 */
export function bibtexEscape(text: string): string {
  return text
    .replace(/[\\{}]/g, (c) => (c === '\\' ? '\\textbackslash{}' : `\\${c}`))
    .replace(/[&%$#_]/g, (c) => `\\${c}`)
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}');
}

/**
 * A CSV cell's text, before quoting. Spreadsheet formulas are code: a cell starting with `=`,
 * `+`, `-`, `@`, tab or carriage return gets a leading `'` so that Excel, LibreOffice and Sheets
 * show it as text (OWASP CSV injection).
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
