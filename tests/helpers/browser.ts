/**
 * Headless Debian Chromium through playwright-core. No test tool downloads a browser here.
 *
 * Without /usr/bin/chromium, browser tests skip locally, but under CI=true they fail: CI must
 * never pass for lack of a browser.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasBrowser = existsSync(CHROMIUM);
/** `describe.skipIf(skipBrowser)`: skips only outside CI. */
export const skipBrowser = !hasBrowser && process.env.CI !== 'true';

export async function launch(): Promise<Browser> {
  if (!hasBrowser) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium)`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // The machine has no network but the loopback: keep Chromium from trying to phone home.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/**
 * For a browser test file: builds the bundled site (once per run), serves it with the site's CSP
 * and starts Chromium before the tests; closes both after. Read `.url` and `.browser` in tests.
 */
export function useServedSite(): { readonly url: string; readonly browser: Browser } {
  const state: { url: string; browser?: Browser; close?: () => Promise<void> } = { url: '' };
  beforeAll(async () => {
    const { buildSite } = await import('./build.ts');
    const { serve } = await import('./serve.ts');
    const served = await serve(await buildSite());
    state.url = served.url;
    state.close = served.close;
    state.browser = await launch();
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.close?.();
  });
  return {
    get url() {
      return state.url;
    },
    get browser() {
      return state.browser!;
    },
  };
}
