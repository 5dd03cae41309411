/** One escaper per output language (src/safety/escape.ts), tested on what breaks each language. */
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { bibtexEscape, escapeHtmlAttribute, escapeHtmlText, escapeXml, jsonInScript, neutraliseFormula, renderedHtmlToText } from '../../src/safety/escape.ts';

const NASTY = ['Tom & "Jerry" <script>alert(1)</script>', "Fishmongers' Hall", '&amp; already escaped', '<img src=x onerror=alert(1)>', 'a > b < c', ''];

describe('HTML text', () => {
  it('writes the five characters as Astro does, and nothing else', () => {
    expect(escapeHtmlText(`<b title="x">Tom & Jerry's</b>`)).toBe('&lt;b title=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;');
    expect(escapeHtmlText('TamTam — Телеграм')).toBe('TamTam — Телеграм');
  });

  it('reads back as the text it was (what <Defang> does with its rendered slot)', () => {
    for (const text of NASTY) expect(renderedHtmlToText(escapeHtmlText(text))).toBe(text);
    // Astro's renderer also writes &#x27;, and tags around the text are dropped.
    expect(renderedHtmlToText('<p>https://t.me/a?x=1&amp;y=&#x27;2&#x27;</p>')).toBe("https://t.me/a?x=1&y='2'");
  });
});

describe('HTML attribute', () => {
  it('cannot end a double-quoted value or open a tag', () => {
    for (const value of NASTY) expect(escapeHtmlAttribute(value)).not.toMatch(/["<>]|&(?!amp;|quot;|lt;|gt;)/);
    expect(escapeHtmlAttribute('a "quoted" <title> & more')).toBe('a &quot;quoted&quot; &lt;title&gt; &amp; more');
  });

  it("leaves the apostrophe alone: the embed snippet shows this markup to readers", () => {
    expect(escapeHtmlAttribute("Fishmongers' Hall")).toBe("Fishmongers' Hall");
  });
});

describe('XML', () => {
  it('writes documents that parse whatever the text holds, dropping characters XML 1.0 forbids', () => {
    for (const text of [...NASTY, 'bell \u0007, lone surrogate \uD800, \uFFFE']) {
      expect(XMLValidator.validate(`<t a="${escapeXml(text)}">${escapeXml(text)}</t>`)).toBe(true);
    }
    expect(escapeXml('a\u0000b')).toBe('ab');
    expect(escapeXml('😀')).toBe('😀');
  });
});

describe('JSON in a <script>', () => {
  it('cannot close the script element, and parses back to the same value', () => {
    const value = { headline: '</script><script>alert(1)</script> & \u2028' };
    const text = jsonInScript(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('BibTeX', () => {
  /** What LaTeX prints for the escapes bibtexEscape writes. */
  const printed = (field: string) =>
    field.replace(/\\(textbackslash|textasciitilde|textasciicircum)\{\}|\\([{}&%$#_])/g, (_, command: string | undefined, char: string | undefined) =>
      command ? { textbackslash: '\\', textasciitilde: '~', textasciicircum: '^' }[command]! : char!,
    );

  it('escapes what LaTeX reads as markup, and prints back the text as written', () => {
    expect(bibtexEscape('a\\b~c^')).toBe('a\\textbackslash{}b\\textasciitilde{}c\\textasciicircum{}');
    expect(bibtexEscape('Fish & {chips}: 100% _true_ $5 #1')).toBe('Fish \\& \\{chips\\}: 100\\% \\_true\\_ \\$5 \\#1');
    for (const text of [...NASTY, '\\{', '}}}{', '\\textbf{x}', '@dataset{x, title = {y}}']) expect(printed(bibtexEscape(text))).toBe(text);
  });

  it('leaves no brace that could end the field: every unescaped brace is one of its own commands', () => {
    for (const text of ['}', '{', '\\}', '\\', 'a}b{c', '}\n}\n@comment{']) {
      const bare = bibtexEscape(text).replace(/\\[{}&%$#_]/g, '').replaceAll('{}', '');
      expect(bare).not.toMatch(/[{}]/);
    }
  });
});

describe('CSV cells', () => {
  it('neutralises every formula trigger, and only those', () => {
    for (const cell of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    expect(neutraliseFormula('London')).toBe('London');
  });
});
