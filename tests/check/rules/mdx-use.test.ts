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
      // t.me is on the fixture's defang list: the advice never makes it a link.
      ['content/incidents/incident-one.mdx:10:19  error  link to "t.me/nolink": its domain is on the defang list, so the site never links to it (as written it is also a broken page of this site); use <Defang>…</Defang> or plain text  bad-url'],
    ],
    [
      'a link to a host written without https:// that is not on the defang list: write the whole address',
      { [WRITEUP]: (text) => `${text}\nSee [the paper](news.example/paper).\n` },
      ['content/incidents/incident-one.mdx:10:17  error  link to "news.example/paper" has no https://: as written it is a page of this site; write the whole address  bad-url'],
    ],
    [
      'a full link to a defanged domain: shown as text, so a warning with the same advice',
      { [WRITEUP]: (text) => `${text}\nSee [the channel](https://t.me/somechannel).\n` },
      ['content/incidents/incident-one.mdx:10:19  warning  link to "https://t.me/somechannel": its domain is on the defang list, so the site never links to it (it is shown as defanged text); use <Defang>…</Defang> or plain text  defanged-link'],
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
        'content/incidents/incident-one.mdx:10:12  error  "<" starts a tag in MDX; to print it, write \\< (or &lt;)  syntax',
        'content/pages/about.mdx:8:7  error  <br> must close itself in MDX: write <br />  syntax',
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
      [
        'content/incidents/incident-one.mdx:10:23  error  "{" starts code in MDX, and what follows it is not code: to print a brace, write \\{ (and \\} for a closing one)  syntax',
        // Read on past the stray brace, the pair after it is code: told too, in the same run.
        'content/incidents/incident-one.mdx:10:30  error  braces `{…}` hold code in MDX, which write-ups may not run; to print a brace, write `\\{` (comments `{/* … */}` are fine)  mdx-code',
      ],
    ],
    [
      'braces as text, and a tag left open: at the brace and at the tag, with the message’s positions the file’s',
      { [WRITEUP]: (text) => `${text}\nA stray { here.\n`, 'content/pages/about.mdx': (text) => `${text}\n\n<Callout type="note">\n\nNever closed.\n` },
      [
        'content/incidents/incident-one.mdx:10:9  error  "{" is never closed: in MDX a brace starts code; to print a brace, write \\{ (and \\} for a closing one)  syntax',
        'content/pages/about.mdx:8:1  error  <Callout> is never closed: end it with </Callout>, or write it as <Callout … /> when nothing goes between  syntax',
      ],
    ],
    [
      'MDX that does not compile (an autolink), at its line',
      { [WRITEUP]: (text) => `${text}\nSee <https://example.org/> now.\n` },
      ['content/incidents/incident-one.mdx:10:5  error  "<" starts a tag in MDX, so <https://…> is not a link: write [text](https://…), or the address as plain text (in <Defang>…</Defang> if it must not be followed)  syntax'],
    ],
    [
      'a stray brace does not hide the rest of the file: its other problems in the same run',
      { [WRITEUP]: (text) => `${text}\nA stray { here, and 3<4.\n\n<Cite id="news-l" /> and <Recrod id="attack-1" />\n` },
      [
        'content/incidents/incident-one.mdx:10:9  error  "{" is never closed: in MDX a brace starts code; to print a brace, write \\{ (and \\} for a closing one)  syntax',
        'content/incidents/incident-one.mdx:10:22  error  "<" starts a tag in MDX; to print it, write \\< (or &lt;)  syntax',
        'content/incidents/incident-one.mdx:12:7  error  <Cite>: unknown source "news-l" (did you mean "news-1"?); a new source goes in data/sources.yaml (npm run new -- source <url>)  unknown-ref',
        'content/incidents/incident-one.mdx:12:26  error  unknown component <Recrod> (did you mean "Record"?); write-ups can use <Cite>, <Record>, <Timeline>, <ClaimsChart>, <TakedownsChart>, <ContentWarning>, <Callout>, <FieldReference>, <Defang>  unknown-component',
      ],
    ],
    [
      'a tag closed by the wrong name, and a closing tag never opened: which to write',
      { [WRITEUP]: (text) => `${text}\n<Callout type="note">\n\ntext\n\n</Calout>\n`, 'content/pages/about.mdx': (text) => `${text}\n\nSome </Callout> here.\n` },
      [
        'content/incidents/incident-one.mdx:14:1  error  </Calout> does not close <Callout> (opened on line 10): write </Callout>  syntax',
        'content/pages/about.mdx:8:6  error  </Callout> closes a tag that was never opened: delete it, or open the tag before it  syntax',
      ],
    ],
    [
      'a <Record> in a write-up whose record does not list the incident: at the MDX line, naming where to add it',
      { [WRITEUP]: (text) => `${text}\nThe takedown <Record id="takedown-1" /> and the attack <Record id="attack-1" />.\n` },
      [
        'content/incidents/incident-one.mdx:10:22  warning  <Record>: record "takedown-1" does not list "incident-one" under "incidents", so this incident\'s page, charts and record list leave it out; add "incident-one" to its incidents (data/records/main.yaml:26:7)  record-not-in-incident',
      ],
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
