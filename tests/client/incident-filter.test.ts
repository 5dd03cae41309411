/** The incident list's combined filter, with JavaScript; without it, the filter links stand alone. */
import { describe, expect, it } from 'vitest';
import { skipBrowser, useServedSite } from '../helpers/browser.ts';

describe.skipIf(skipBrowser)('filtering the incident list in place', () => {
  const site = useServedSite();

  it('combines year, platform and actor without a page load, and says how many remain', async () => {
    const page = await site.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.url}incidents/`);
    const form = page.locator('form[data-incident-filter]');
    await expect.poll(() => form.isVisible()).toBe(true);
    const item = page.locator('[data-incident-item]').first();
    await page.selectOption('select[name="platform"]', 'tamtam');
    expect(await item.isVisible()).toBe(true);
    await page.selectOption('select[name="year"]', '2019');
    await expect.poll(() => page.locator('[data-incident-filter-status]').textContent()).toBe('1 of 1 incidents');
    // The choice is in the address: a bookmark or a shared link opens the same list.
    await expect.poll(() => new URL(page.url()).search).toBe('?year=2019&platform=tamtam');
    // An actor the incident does not name hides it.
    // The item names its actors by their place in the form's list (the first after "any" is 0).
    const actors = (await page.locator('select[name="actor"] option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).filter((v) => v !== '');
    const own = ((await item.getAttribute('data-actors')) ?? '').split(' ').map(Number);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((place) => Number.isInteger(place) && place >= 0 && place < actors.length)).toBe(true);
    const otherActor = actors.find((_, place) => !own.includes(place));
    if (otherActor) {
      await page.selectOption('select[name="actor"]', otherActor);
      await expect.poll(() => item.isVisible()).toBe(false);
    }
    // Opened from such an address, the list is filtered and the form says so.
    const again = await site.browser.newPage();
    await again.goto(`${site.url}incidents/?year=2019&platform=tamtam`);
    await expect.poll(() => again.locator('[data-incident-filter-status]').textContent()).toBe('1 of 1 incidents');
    expect(await again.locator('select[name="platform"]').inputValue()).toBe('tamtam');
    expect(await again.locator('select[name="year"]').inputValue()).toBe('2019');
    await again.close();
    await page.click('form[data-incident-filter] button[type="reset"]');
    await expect.poll(() => item.isVisible()).toBe(true);
    await expect.poll(() => new URL(page.url()).search).toBe('');
    expect(errors).toEqual([]);
  });

  it('leaves the form hidden without JavaScript, where the links do the filtering', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}incidents/`);
    expect(await page.locator('form[data-incident-filter]').isVisible()).toBe(false);
    expect(await page.locator('nav.filters a[href$="/incidents/platform/tamtam/"]').count()).toBe(1);
    await context.close();
  });
});
