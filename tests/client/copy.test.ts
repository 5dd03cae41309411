/**
 * "Cite this record" in the browser (src/client/copy.ts): the card carries its plain text; its
 * BibTeX and CSL-JSON are made when a reader asks, from the page's shared citation parts and the
 * card, by the same module the server writes the page's forms with (src/client/cite-forms.ts).
 * Built from the hostile fixture with a record title that tries to break each form, served under
 * the strict CSP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { bibtex, cslJsonText, recordCitation, RECORD_CITE_MODEL, type RecordCiteModel } from '../../src/client/cite-forms.ts';
import { plainCitation } from '../../src/seo/cite.ts';
import { launch, skipBrowser } from '../helpers/browser.ts';
import { buildSite } from '../helpers/build.ts';
import { fixture, removeFixture, replaceOnce } from '../helpers/fixture.ts';
import { serve } from '../helpers/serve.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const TITLE = 'Say "hi" {braces} } { \\back\\slash \\textbf{x} </script><script>window.__xss=9</script> 100% & $5 #1 _a_ ~ ^ @dataset{x,';
const AUTHORS = ['Doe, "J" {x}', 'R&D_Lab </script>'];
const PAGE = 'incidents/hostile-incident/index.html';

describe.skipIf(skipBrowser)("a record's citation, made in the browser", () => {
  let project: string;
  let dist: string;
  let url: string;
  let close: () => Promise<void>;
  let browser: Browser;

  beforeAll(async () => {
    project = fixture('hostile', {
      'data/records/hostile.yaml': replaceOnce('title: "<script>window.__xss=1</script> attack"', `title: ${JSON.stringify(TITLE)}`),
      'data/site.yaml': (text) => `${text}version: 1.2.0\nauthors: ${JSON.stringify(AUTHORS)}\n`,
    });
    dist = await buildSite({ project });
    const served = await serve(dist);
    url = served.url;
    close = served.close;
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await close?.();
    removeFixture(project);
  });

  /** The shared parts as the page carries them, checked against the site's settings. */
  function pageModel(): RecordCiteModel {
    const html = readFileSync(join(dist, PAGE), 'utf8');
    const json = new RegExp(`<script type="application/json" id="${RECORD_CITE_MODEL}">([^<]*)</script>`).exec(html)?.[1];
    expect(json, 'the page carries the shared parts once').toBeDefined();
    expect(html.split(`id="${RECORD_CITE_MODEL}"`)).toHaveLength(2);
    const model = JSON.parse(json!) as RecordCiteModel;
    expect(model).toEqual({
      authors: AUTHORS,
      container: 'Hostile <script>window.__xss=1</script> dataset',
      type: 'dataset',
      version: '1.2.0',
      accessed: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      page: 'https://driftwatch.example/incidents/hostile-incident/',
    });
    return model;
  }

  it('writes only the plain text into the card, and no BibTeX or CSL-JSON per record', () => {
    const html = readFileSync(join(dist, PAGE), 'utf8');
    const start = html.indexOf('id="record-attack-1"');
    const card = html.slice(start, html.indexOf('</details>', html.indexOf('class="cite-record"', start)));
    expect(card).toContain('<summary>Cite this record</summary>');
    expect(card).not.toContain('@dataset{attack-1');
    expect(card).not.toContain('organization = ');
    expect(card).not.toContain('"container-title"');
    // The plain text, escaped as HTML text: the title cannot open an element.
    const plain = plainCitation(recordCitation(pageModel(), { id: 'attack-1', title: TITLE }));
    expect(card).toContain(plain.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;'));
    expect(card).toContain('BibTeX and CSL-JSON: the write-up\'s and the dataset\'s under <a href="#cite-heading">Cite this page</a>.');
  });

  it('copies BibTeX and CSL-JSON made from the page and the card, by keyboard, and says so', async () => {
    const model = pageModel();
    const expected = recordCitation(model, { id: 'attack-1', title: TITLE });
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(`${url}${PAGE.replace('index.html', '')}`);
    const card = page.locator('#record-attack-1');
    await card.locator('summary').click();
    const note = card.locator('[data-record-forms]');
    await expect.poll(() => note.textContent()).toBe('Copy as Plain text BibTeX CSL-JSON ');

    for (const [name, text] of [
      ['BibTeX', bibtex(expected)],
      ['CSL-JSON', cslJsonText(expected)],
    ] as const) {
      const button = card.getByRole('button', { name: `Copy the record's citation as ${name}` });
      await button.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(text);
      // What was copied is shown under the buttons, to read or select.
      expect(await card.locator('pre code').textContent()).toBe(text);
      await expect.poll(() => page.locator('[role="status"]').textContent()).toBe(`Copied the record's citation as ${name}`);
    }
    // The copied CSL-JSON reads back as the title; the plain text's button copies the card's text.
    expect(JSON.parse(await page.evaluate(() => navigator.clipboard.readText())).title).toBe(TITLE);
    await card.getByRole('button', { name: "Copy the record's citation as plain text" }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(plainCitation(expected));
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says where the forms are without JavaScript, and the page has the write-up’s and the dataset’s', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${url}${PAGE.replace('index.html', '')}`);
    const card = page.locator('#record-attack-1');
    await card.locator('summary').click();
    expect(await card.locator('button').count()).toBe(0);
    expect(await card.locator('[data-record-forms]').textContent()).toBe("BibTeX and CSL-JSON: the write-up's and the dataset's under Cite this page.");
    for (const id of ['cite-text', 'cite-bibtex', 'cite-csl', 'cite-dataset-text', 'cite-dataset-bibtex', 'cite-dataset-csl']) {
      expect(await page.locator(`#${id}`).count(), id).toBe(1);
    }
    expect(await page.locator('#cite-dataset-bibtex').textContent()).toMatch(/^@dataset\{hostile-script-window-xss-1-script--data,\n {2}author = \{\{Doe, "J" \\\{x\\\}\} and \{R\\&D\\_Lab <\/script>\}\},/);
    await context.close();
  });
});
