/** What write-ups do in their bodies (src/check/rules/mdx-use.ts). */
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../../src/check/validate.ts';
import { citedSources } from '../../../src/data/mdx-scan.ts';
import { itReports, WRITEUP, type Case } from '../problems-after.ts';

describe('mdx-use', () => {
  const cases: Case[] = [
    [
      'a javascript: link in a write-up',
      { [WRITEUP]: (text) => `${text}\nA [bad](javascript:alert(1)) link.\n` },
      ['content/incidents/incident-one.mdx:10:9  error  link to "javascript:alert(1)": write-ups may link to http(s) and mailto addresses, and to pages of the site  bad-url'],
    ],
    [
      'links as the Markdown parser reads them: a definition, a link inside a component; not links in code',
      {
        [WRITEUP]: (text) =>
          `${text}\n<Callout>A [bad](vbscript:x) one.</Callout>\n\nShown as code: \`[x](javascript:y)\` and\n\n\`\`\`\n[z](javascript:z)\n\`\`\`\n\n[ref]: <data:text/html,x>\n`,
      },
      [
        'content/incidents/incident-one.mdx:10:18  error  link to "vbscript:x": write-ups may link to http(s) and mailto addresses, and to pages of the site  bad-url',
        'content/incidents/incident-one.mdx:18:9  error  link to "data:text/html,x": write-ups may link to http(s) and mailto addresses, and to pages of the site  bad-url',
      ],
    ],
    [
      'a link whose host holds a backslash or an encoded tab (a dead link, and a host filters misread)',
      { [WRITEUP]: (text) => `${text}\nSee [a](https://t.me\\chan) and [b](https://t.me%09/x), not [c](https://news.example/a%20b) or [d](https://en.wikipedia.org/wiki/Amaq_\\(agency\\)).\n` },
      [
        'content/incidents/incident-one.mdx:10:9  error  link to "https://t.me\\chan" is not a valid address: check it for a backslash or a stray character  bad-url',
        'content/incidents/incident-one.mdx:10:36  error  link to "https://t.me%09/x" is not a valid address: check it for a backslash or a stray character  bad-url',
      ],
    ],
    [
      'HTML that could run code or break the CSP, in a write-up',
      { [WRITEUP]: (text) => `${text}\n<script>alert(1)</script>\n\n<span onclick="x()">s</span>\n\n<a href="data:text/html,x">d</a>\n` },
      [
        "content/incidents/incident-one.mdx:10:1  error  <script> is not allowed in a write-up (it could run code, load from another server or break the site's security policy); use Markdown or the write-up components  unsafe-html",
        "content/incidents/incident-one.mdx:12:7  error  <span onclick> is not allowed: event handlers and inline styles do not run under the site's security policy, and data is never code  unsafe-html",
        'content/incidents/incident-one.mdx:14:4  error  <a href="data:text/html,x"> is not an http(s) or mailto link  bad-url',
      ],
    ],
    [
      'a link to a host written without https://, which would be a broken path on this site',
      { [WRITEUP]: (text) => `${text}\nSee [the channel](t.me/nolink) and [a page](about/), [a file](/data/records.csv), [a report](report.pdf), [the team](about.html#team).\n` },
      ['content/incidents/incident-one.mdx:10:19  error  link to "t.me/nolink" has no https://: as written it is a page of this site; write the whole address  bad-url'],
    ],
    [
      'a scheme-less link to another server, and an image from one',
      { [WRITEUP]: (text) => `${text}\nA [x](//t.me/chan) and ![pic](https://evil.example/p.png), but ![ok](/local.png).\n` },
      [
        'content/incidents/incident-one.mdx:10:7  error  link to "//t.me/chan": write-ups may link to http(s) and mailto addresses, and to pages of the site  bad-url',
        'content/incidents/incident-one.mdx:10:31  error  image from another server ("https://evil.example/p.png"): readers\' browsers would fetch it from there; put the file in public/ and link it as /name.png  unsafe-html',
      ],
    ],
    [
      'code in a write-up: import, an expression, a prop computed, a spread (MDX would run it at build time)',
      { [WRITEUP]: (text) => `${text}\nimport { who } from './helper.js'\n\nBy {process.env.HOME}, {/* a comment is fine */} and <Cite id={someVar} /> <Record {...props} />.\n` },
      [
        'content/incidents/incident-one.mdx:10:1  error  `import` and `export` are not allowed in a write-up: it is text, and the components (<Cite>, <Record>, …) need no import  mdx-code',
        'content/incidents/incident-one.mdx:12:4  error  braces `{…}` hold code in MDX, which write-ups may not run; to print a brace, write `\\{` (comments `{/* … */}` are fine)  mdx-code',
        'content/incidents/incident-one.mdx:12:60  error  <Cite id={…}>: a prop\'s value is text in quotes (id="…") or JSON (id={["a", "b"]}), never code  mdx-code',
        'content/incidents/incident-one.mdx:12:84  error  <Record {…}>: spread props are code; write each prop as name="text"  mdx-code',
        'content/incidents/incident-one.mdx:12:76  error  <Record>: missing required prop "id"  missing-field',
      ],
    ],
    [
      'a <Defang> with nothing to show (it stopped the build)',
      { [WRITEUP]: (text) => `${text}\nSee <Defang /> and <Defang></Defang>, not <Defang url="https://t.me/x" />.\n` },
      [
        'content/incidents/incident-one.mdx:10:5  error  <Defang> shows nothing: give the address as url="…" or between the tags, <Defang>https://…</Defang>  missing-field',
        'content/incidents/incident-one.mdx:10:20  error  <Defang> shows nothing: give the address as url="…" or between the tags, <Defang>https://…</Defang>  missing-field',
      ],
    ],
    [
      'a < meant as text, and a <br> left open: with how to write each',
      { [WRITEUP]: (text) => `${text}\nScores of 3<4.\n`, 'content/pages/about.mdx': (text) => `${text}\n\nA line<br>break.\n` },
      [
        'content/incidents/incident-one.mdx:10:12  error  MDX syntax: Unexpected character `4` (U+0034) before name, expected a character that can start a name, such as a letter, `$`, or `_`; to print `<`, write `\\<` (or `&lt;`)  syntax',
        'content/pages/about.mdx:8:7  error  MDX syntax: Expected a closing tag for `<br>` (8:7-8:11) before the end of `paragraph`; in MDX an element with no content closes itself: write <br />  syntax',
      ],
    ],
    [
      'a <FieldReference> table that does not exist (it rendered nothing)',
      { 'content/pages/about.mdx': (text) => `${text}\n\n<FieldReference only="record-attack" />\n` },
      ['content/pages/about.mdx:8:17  error  <FieldReference>: "only" has "record-attack", which is not one of: incidents, pages, site, platforms, actors, sources, records-attack, records-claim, records-takedown, records-migration, records-statement (did you mean "records-attack"?)  invalid-value'],
    ],
    [
      'code between two comments in one pair of braces',
      { [WRITEUP]: (text) => `${text}\nSecret: {/* a */ process.env.SECRET /* b */}.\n` },
      ['content/incidents/incident-one.mdx:10:9  error  braces `{…}` hold code in MDX, which write-ups may not run; to print a brace, write `\\{` (comments `{/* … */}` are fine)  mdx-code'],
    ],
    [
      'braces that are not code, around a pair that closes: at the brace that opens them',
      { [WRITEUP]: (text) => `${text}\nFine \\{ escaped, then { open {a} here.\n` },
      ['content/incidents/incident-one.mdx:10:23  error  MDX syntax: Could not parse expression with acorn; to print a brace, write `\\{`  syntax'],
    ],
    [
      'braces as text, and a tag left open: at the brace and at the tag, with the message’s positions the file’s',
      { [WRITEUP]: (text) => `${text}\nA stray { here.\n`, 'content/pages/about.mdx': (text) => `${text}\n\n<Callout type="note">\n\nNever closed.\n` },
      [
        'content/incidents/incident-one.mdx:10:9  error  MDX syntax: Unexpected end of file in expression, expected a corresponding closing brace for `{`; to print a brace, write `\\{`  syntax',
        'content/pages/about.mdx:8:1  error  MDX syntax: Expected a closing tag for `<Callout>` (8:1-8:22)  syntax',
      ],
    ],
    [
      'MDX that does not compile (an autolink), at its line',
      { [WRITEUP]: (text) => `${text}\nSee <https://example.org/> now.\n` },
      ['content/incidents/incident-one.mdx:10:12  error  MDX syntax: Unexpected character `/` (U+002F) before local name, expected a character that can start a name, such as a letter, `$`, or `_` (note: to create a link in MDX, use `[text](url)`)  syntax'],
    ],
  ];
  itReports(cases);

  it('hands the site each write-up’s citations, in order of first use, as a full MDX parse reads them', () => {
    // The bundled case study: the minimal fixture cites nothing in its prose.
    const { incidents } = checkProject(process.cwd()).data;
    expect(incidents.length).toBeGreaterThan(0);
    for (const incident of incidents) {
      expect(incident.citations.length).toBeGreaterThan(0);
      expect(incident.citations).toEqual(citedSources(incident.body));
    }
  });
});
