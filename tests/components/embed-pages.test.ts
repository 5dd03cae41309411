/**
 * An incident's embed page, written in a build from what its incident page drew
 * (src/components/embed-pages.ts), in the frame Astro's own embed pages have.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { afterPage, closeEmbedPages, draftEmbed, finishEmbedPages, frameAssets, keepDrawing, noteEmbedFrame, openEmbedPages, writesEmbedPages } from '../../src/components/embed-pages.ts';
import { embedHead, embedPage, type EmbedFrame } from '../../src/layouts/embed-frame.ts';

const frame = (title: string, path: string): EmbedFrame => ({
  language: 'en',
  siteTitle: 'Driftwatch',
  licence: 'CC BY 4.0',
  title,
  canonical: `https://driftwatch.example${path}`,
  from: { href: '/incidents/a/', label: 'An attack' },
  home: '/',
});
const STYLES = '<link rel="stylesheet" href="/_astro/global.css"><link rel="stylesheet" href="/_astro/DrawChart.css">';
const SCRIPT = '<script type="module" src="/_astro/ChartScript.js"></script>';

/** A page as Astro renders an embed page of its own (Embed.astro around one chart), with its locals. */
function astroEmbedPage(): { locals: object; response: Response } {
  const own = frame('Timeline', '/embed/timeline/');
  const locals = {};
  noteEmbedFrame(locals, embedHead(own));
  const html = embedPage(own, STYLES, `<div class="chart-block" data-pagefind-ignore>${SCRIPT}<dw-chart>timeline</dw-chart></div>`);
  return { locals, response: new Response(html, { headers: { 'content-type': 'text/html' } }) };
}

/** An incident page that drew its charts in the order `finished`, and the response it rendered. */
function incidentPage(finished: string[]): { locals: object; response: Response } {
  const locals = {};
  const draft = draftEmbed(locals, { path: '/embed/incidents/a/', frame: frame('Charts: An attack', '/embed/incidents/a/'), listing: '/incidents/a/', charts: ['incident-timeline', 'incident-map'] })!;
  for (const id of finished) keepDrawing(draft, id, `<dw-chart id="${id}"><a href="#record-r1">r1</a></dw-chart>`);
  return { locals, response: new Response('<!DOCTYPE html><html><head></head><body>the incident page</body></html>', { headers: { 'content-type': 'text/html' } }) };
}

const dirs: string[] = [];
const outDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'dw-embeds-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  closeEmbedPages();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("an incident's embed page", () => {
  it('is left to its route in astro dev', async () => {
    closeEmbedPages();
    expect(writesEmbedPages()).toBe(false);
    expect(draftEmbed({}, { path: '/embed/incidents/a/', frame: frame('x', '/'), listing: '/incidents/a/', charts: [] })).toBeUndefined();
    expect(await finishEmbedPages()).toBe(0);
  });

  it('is written in a build from its incident page, its charts in the page’s order, in the frame of Astro’s own embed pages', async () => {
    const out = outDir();
    openEmbedPages(out);
    expect(writesEmbedPages()).toBe(true);
    const astro = astroEmbedPage();
    await afterPage(astro.locals, astro.response);
    const page = incidentPage(['incident-map', 'incident-timeline']);
    await afterPage(page.locals, page.response);
    expect(await finishEmbedPages()).toBe(1);
    const written = readFileSync(join(out, 'embed/incidents/a/index.html'), 'utf8');
    const block = '<div class="chart-block" data-pagefind-ignore data-record-page="/incidents/a/">';
    expect(written).toBe(
      embedPage(
        frame('Charts: An attack', '/embed/incidents/a/'),
        STYLES,
        `${block}${SCRIPT}<dw-chart id="incident-timeline"><a href="/incidents/a/#record-r1">r1</a></dw-chart></div>${block}<dw-chart id="incident-map"><a href="/incidents/a/#record-r1">r1</a></dw-chart></div>`,
      ),
    );
    expect(written).toContain('<title>Charts: An attack · Driftwatch</title><link rel="canonical" href="https://driftwatch.example/embed/incidents/a/">');
  });

  it('waits for an embed page of Astro’s own when its incident page comes first, and fails the build if none comes', async () => {
    const out = outDir();
    openEmbedPages(out);
    const early = incidentPage(['incident-timeline', 'incident-map']);
    await afterPage(early.locals, early.response);
    expect(existsSync(join(out, 'embed/incidents/a/index.html'))).toBe(false);
    const astro = astroEmbedPage();
    await afterPage(astro.locals, astro.response);
    expect(await finishEmbedPages()).toBe(1);
    expect(readFileSync(join(out, 'embed/incidents/a/index.html'), 'utf8')).toContain(`${SCRIPT}<dw-chart id="incident-timeline">`);

    openEmbedPages(outDir());
    const alone = incidentPage(['incident-timeline', 'incident-map']);
    await afterPage(alone.locals, alone.response);
    await expect(finishEmbedPages()).rejects.toThrow(/1 embed pages were not written \(\/embed\/incidents\/a\/…\): Astro rendered no embed page of its own/);
  });

  it('fails rather than write a chart its incident page did not draw', async () => {
    openEmbedPages(outDir());
    const astro = astroEmbedPage();
    await afterPage(astro.locals, astro.response);
    const page = incidentPage(['incident-timeline']);
    await expect(afterPage(page.locals, page.response)).rejects.toThrow('/embed/incidents/a/: chart "incident-map" of its incident page drew nothing for it');
  });

  it('takes from Astro’s embed page what Astro added: the end of its head and its one chart script', () => {
    const own = embedHead(frame('Timeline', '/embed/timeline/'));
    const page = (body: string) => `<!DOCTYPE html><html lang="en" class="embed"><head>${own}${STYLES}</head><body>${body}</body></html>`;
    expect(frameAssets(page(`<div>${SCRIPT}</div>`), own)).toEqual({ head: STYLES, script: SCRIPT });
    expect(() => frameAssets(page('<div></div>'), own)).toThrow(/0 module scripts/);
    expect(() => frameAssets(page(`${SCRIPT}<script type="module" src="/_astro/other.js"></script>`), own)).toThrow(/2 module scripts/);
    expect(() => frameAssets(page(SCRIPT), embedHead(frame('Other', '/embed/other/'))), 'a head Embed.astro did not write').toThrow(/no <head>/);
  });
});
