/** Responsive from 320 px: no page scrolls sideways on a small phone. */
import { describe, expect, it } from 'vitest';
import { skipBrowser, useServedSite } from '../helpers/browser.ts';

const PAGES = ['', 'incidents/', 'incidents/fishmongers-hall-2019/', 'timeline/', 'claims/', 'takedowns/', 'platforms/tamtam/', 'actors/islamic-state/', 'sources/', 'data/', 'search/', 'guide/', 'about/'];

describe.skipIf(skipBrowser)('at 320 px wide', () => {
  const site = useServedSite();

  it('no page is wider than the screen (charts and tables scroll inside their own box)', async () => {
    const page = await site.browser.newPage({ viewport: { width: 320, height: 640 } });
    const widths: Record<string, number> = {};
    for (const path of PAGES) {
      await page.goto(`${site.url}${path}`);
      widths[path || '/'] = await page.evaluate(() => document.documentElement.scrollWidth);
    }
    expect(Object.entries(widths).filter(([, width]) => width > 320)).toEqual([]);
  });
});
