/**
 * Social images (Open Graph, Twitter cards): a 1200×630 PNG per incident and one for the site,
 * drawn at build time (./draw.ts, ./png.ts) and cached across builds (./cache.ts).
 *
 * A card takes 5 to 10 ms to draw, so a thousand incidents would hold a build up by as many
 * seconds: in a build, the incidents' cards are drawn and written by the worker thread that
 * writes the files beside Astro's routes (../beside.ts), while the main thread renders the pages.
 * `renderCard` is the one way a card is made, there and in `astro dev`.
 */
import { cacheDir, cacheFile, readCard, writeCard } from './cache.ts';
import { drawCard, fontStamp, type CardInput } from './draw.ts';

export type { CardInput } from './draw.ts';
export { cardSvg, wrap } from './draw.ts';
export { OG_HEIGHT, OG_WIDTH } from './png.ts';

const asBytes = (png: Buffer) => new Uint8Array(png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength)) as Uint8Array<ArrayBuffer>;

/** The card's PNG: from the cache when drawn before with the same fonts, else drawn (and cached). */
export async function renderCard(input: CardInput): Promise<Uint8Array<ArrayBuffer>> {
  const dir = cacheDir();
  if (!dir) return asBytes(await drawCard(input));
  const file = cacheFile(dir, await fontStamp(), input);
  const cached = readCard(file);
  if (cached) return asBytes(cached);
  const png = await drawCard(input);
  writeCard(file, png);
  return asBytes(png);
}
