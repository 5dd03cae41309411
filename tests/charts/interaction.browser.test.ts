/**
 * Chart interaction in Chromium against the built site: tooltip on hover and on focus, one tab
 * stop with arrow-key navigation, Enter follows the link, zoom by button, key and Ctrl+wheel, lane
 * filters. Builds the site into a temporary folder and serves it on 127.0.0.1.
 * Without Chromium the tests skip locally; with CI=true they fail (tests/helpers/browser.ts).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, skipBrowser } from '../helpers/browser.ts';
import { buildSite } from '../helpers/build.ts';
import { serve, type Served } from '../helpers/serve.ts';

describe.skipIf(skipBrowser)('chart interaction (Chromium)', () => {
  let served: Served;
  let origin: string;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    // Served with the site's strict CSP: interaction must work under it.
    served = await serve(await buildSite());
    origin = served.url.replace(/\/$/, '');
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  test('tooltip on hover shows the record, with role="tooltip"', async () => {
    await page.goto(`${origin}/takedowns/`);
    const mark = page.locator('svg.dw-svg [data-record="telegram-bans-2019-11"]');
    await mark.locator('.dw-symbol').hover();
    const tip = page.locator('dw-chart [role="tooltip"]');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain('Telegram bans about 5,000 Islamic State accounts');
    // The native <title> is gone, so the two tooltips never stack.
    expect(await mark.locator('title').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  test('one tab stop per chart; focus shows the tooltip; arrows move; Enter follows the link', async () => {
    await page.goto(`${origin}/timeline/`);
    const chart = page.locator('dw-chart').first();
    expect(await chart.locator('[tabindex="0"]').count()).toBe(1);
    const first = chart.locator('[tabindex="0"]');
    await first.focus();
    const firstId = await first.getAttribute('data-record');
    const focused = () => page.evaluate(() => `${document.activeElement?.getAttribute('data-record')} ${document.activeElement?.getAttribute('class')}`);
    const firstMark = await focused();
    const tip = chart.locator('[role="tooltip"]');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-describedby'))).toBe(await tip.getAttribute('id'));

    await page.keyboard.press('ArrowRight');
    const secondMark = await focused();
    expect(secondMark).toMatch(/^[a-z0-9-]+ dw-/);
    expect(secondMark).not.toBe(firstMark);
    expect(await chart.locator('[tabindex="0"]').count()).toBe(1);
    expect(await tip.textContent()).not.toBe('');

    await page.keyboard.press('ArrowDown');
    const lane = await page.evaluate(() => document.activeElement?.getAttribute('data-lane'));
    expect(lane).not.toBe('attack');

    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Home');
    expect(await focused()).toBe(firstMark);
    expect(firstId).toBeTruthy();

    // A mark whose record the chart's table lists carries no data-href: it leads where the row's link does.
    const href = await page.evaluate(() => {
      const mark = document.activeElement as SVGElement;
      return mark.dataset.href ?? mark.closest('dw-chart')?.querySelector(`.dw-table tr[data-record="${mark.dataset.record}"] a`)?.getAttribute('href');
    });
    expect(href).toBeTruthy();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.href.endsWith(href!) || url.pathname + url.hash === href);
    expect(errors).toEqual([]);
  });

  test('an incident chart’s mark without data-href leads to its record’s card, on the page and from the embed', async () => {
    const slug = 'fishmongers-hall-2019';
    await page.goto(`${origin}/incidents/${slug}/`);
    const chart = page.locator('#incident-timeline-caption').locator('xpath=ancestor::dw-chart');
    await chart.locator('[tabindex="0"]').focus();
    const record = await page.evaluate(() => {
      const mark = document.activeElement as SVGElement;
      return mark.hasAttribute('data-href') ? undefined : mark.dataset.record;
    });
    expect(record).toBeTruthy();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === `/incidents/${slug}/` && url.hash === `#record-${record}`);

    await page.goto(`${origin}/embed/incidents/${slug}/`);
    await page.locator('#incident-timeline-caption').locator('xpath=ancestor::dw-chart').locator('[tabindex="0"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === `/incidents/${slug}/` && url.hash === `#record-${record}`);
    expect(errors).toEqual([]);
  });

  test('zoom by button, key and wheel moves marks and redraws the axis; reset restores', async () => {
    await page.goto(`${origin}/timeline/`);
    const chart = page.locator('dw-chart').first();
    const mark = chart.locator('[data-record="statement-krona-2019-12-02"]').first();
    const before = await mark.getAttribute('transform');
    const ticksBefore = await chart.locator('.dw-axis.is-zoomable .dw-tick-label').allTextContents();

    await chart.locator('button[data-zoom="in"]').click();
    const afterButton = await mark.getAttribute('transform');
    expect(afterButton).not.toBe(before);
    const ticksAfter = await chart.locator('.dw-axis.is-zoomable .dw-tick-label').allTextContents();
    expect(ticksAfter).not.toEqual(ticksBefore);

    // The button zooms on the marks, not on the middle of the view: twice in, most are still in view.
    await chart.locator('button[data-zoom="in"]').click();
    const inView = await chart.evaluate((el) => {
      const svg = el.querySelector('svg.dw-svg')!;
      const width = Number(svg.getAttribute('viewBox')!.split(' ')[2]);
      const xs = [...svg.querySelectorAll('.dw-plot g[data-t]')].map((g) => Number(/translate\(([-\d.]+)/.exec(g.getAttribute('transform') ?? '')?.[1]));
      return xs.filter((x) => x >= 0 && x <= width).length / xs.length;
    });
    expect(inView).toBeGreaterThan(0.5);
    await chart.locator('button[data-zoom="reset"]').click();

    await chart.locator('[tabindex="0"]').focus();
    await page.keyboard.press('+');
    expect(await mark.getAttribute('transform')).not.toBe(afterButton);

    await chart.locator('button[data-zoom="reset"]').click();
    expect(await mark.getAttribute('transform')).toBe(before);

    // The wheel alone scrolls the page, even over the chart; with Ctrl it zooms.
    const box = (await chart.locator('svg.dw-svg').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const scrolled = await page.evaluate(() => window.scrollY);
    await page.mouse.wheel(0, 200);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled);
    expect(await mark.getAttribute('transform')).toBe(before);
    const again = (await chart.locator('svg.dw-svg').boundingBox())!;
    await page.mouse.move(again.x + again.width / 2, again.y + again.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -400);
    await page.keyboard.up('Control');
    await expect.poll(() => mark.getAttribute('transform')).not.toBe(before);
    expect(errors).toEqual([]);
  });

  test('zoomed in, a mark reached by keyboard is panned into view; Escape dismisses a hover tooltip; the chart is a group of marks', async () => {
    await page.goto(`${origin}/timeline/`);
    const chart = page.locator('dw-chart').first();
    expect(await chart.locator('svg.dw-svg').getAttribute('role')).toBe('group');
    await chart.locator('[tabindex="0"]').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('+');
    await page.keyboard.press('End');
    const [x, r0, r1] = await page.evaluate(() => {
      const mark = document.activeElement as SVGGElement;
      const svg = mark.closest('svg') as SVGSVGElement;
      const range = (JSON.parse(svg.dataset.scale!) as { range: [number, number] }).range;
      const x = Number(/translate\(([-\d.]+)/.exec(mark.getAttribute('transform') ?? '')?.[1]);
      return [x, range[0], range[1]];
    });
    expect(x).toBeGreaterThanOrEqual(r0);
    expect(x).toBeLessThanOrEqual(r1);

    await page.keyboard.press('0');
    await page.locator('h1').focus();
    await chart.locator('svg.dw-svg g[data-record]').first().locator('.dw-symbol').hover();
    const tip = chart.locator('[role="tooltip"]');
    await expect.poll(() => tip.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  test('lane filters hide a lane and its marks', async () => {
    await page.goto(`${origin}/timeline/`);
    const chart = page.locator('dw-chart').first();
    // The build leaves data-lane off marks in their own lane's band; the element gives it back.
    expect(await chart.locator('svg .dw-plot > g[data-record]').count()).toBeGreaterThan(0);
    expect(await chart.locator('svg .dw-plot > g[data-record]:not([data-lane])').count()).toBe(0);
    await chart.locator('.dw-filters input[value="statement"]').uncheck();
    expect(await chart.locator('svg [data-lane="statement"]:not(.is-hidden)').count()).toBe(0);
    await chart.locator('.dw-filters input[value="statement"]').check();
    expect(await chart.locator('svg g[data-record][data-lane="statement"]:not(.is-hidden)').count()).toBeGreaterThan(0);
  });
});
