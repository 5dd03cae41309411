/** Responsive from 320 px: no page scrolls sideways on a small phone. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, skipBrowser } from '../helpers/browser.ts';
import { buildSite } from '../helpers/build.ts';
import { serve, type Served } from '../helpers/serve.ts';

const PAGES = ['', 'incidents/', 'incidents/fishmongers-hall-2019/', 'timeline/', 'claims/', 'takedowns/', 'platforms/tamtam/', 'actors/islamic-state/', 'sources/', 'data/', 'search/', 'guide/', 'about/'];

describe.skipIf(skipBrowser)('at 320 px wide', () => {
  let served: Served;
  let browser: Browser;
  beforeAll(async () => {
    served = await serve(await buildSite());
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('no page is wider than the screen (charts and tables scroll inside their own box)', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    const widths: Record<string, number> = {};
    for (const path of PAGES) {
      await page.goto(`${served.url}${path}`);
      widths[path || '/'] = await page.evaluate(() => document.documentElement.scrollWidth);
    }
    expect(Object.entries(widths).filter(([, width]) => width > 320)).toEqual([]);
  });
});
