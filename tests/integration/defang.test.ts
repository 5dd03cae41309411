/**
 * `astro build` alone: the integration's last guard (src/integration/index.ts, `defangSite`)
 * leaves every page and feed of the built site with the listed domains defanged, free text
 * included, at / and under a base path. (`npm run build` defangs in its search feed instead:
 * tests/build/npm-build.test.ts.)
 */
import { afterAll, describe, it } from 'vitest';
import { buildSite } from '../helpers/build.ts';
import { removeFixture } from '../helpers/fixture.ts';
import { expectDefanged, withFreeTextAddresses } from '../helpers/free-text.ts';

const made: string[] = [];
afterAll(() => made.forEach(removeFixture));

describe('astro build', () => {
  it('defangs every page and feed, free text included', async () => {
    expectDefanged(await buildSite({ project: withFreeTextAddresses(made) }));
  }, 120_000);

  it('defangs every page and feed under a base path too', async () => {
    expectDefanged(await buildSite({ project: withFreeTextAddresses(made), base: '/dw/' }));
  }, 120_000);
});
