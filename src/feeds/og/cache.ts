/**
 * Social cards cached across builds by a hash of what they show, so an editor's rebuild draws
 * only the cards that changed: node_modules/.cache/driftwatch/og/, or DRIFTWATCH_OG_CACHE
 * (`off` turns the cache off).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { socialCardCacheSetting } from '../../site/env.ts';
import type { CardInput } from './draw.ts';

/** Bump when the drawing changes, so cached cards are drawn again. */
const CARD_VERSION = 'card-3';

export function cacheDir(): string | undefined {
  const setting = socialCardCacheSetting();
  return setting === 'off' ? undefined : (setting ?? join(process.cwd(), 'node_modules/.cache/driftwatch/og'));
}

/** Where a card is cached: `fontStamp` changes with the fonts. */
export function cacheFile(dir: string, fontStamp: string, input: CardInput): string {
  const key = createHash('sha256').update(JSON.stringify([CARD_VERSION, fontStamp, input.site, input.kicker, input.title, input.meta])).digest('hex');
  return join(dir, `${key}.png`);
}

export function readCard(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

export function writeCard(file: string, png: Buffer): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    // Written beside, then renamed: a build that stops half-way never leaves half a card.
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(temporary, png);
    renameSync(temporary, file);
  } catch {
    // A read-only or full disk only costs the next build the drawing.
  }
}
