/**
 * Social images (Open Graph, Twitter cards): a 1200×630 PNG per incident and one for the site,
 * drawn at build time (./draw.ts, ./png.ts) and cached across builds (./cache.ts).
 *
 * A card takes 5 to 10 ms to draw, so a thousand incidents would hold a build up by as many
 * seconds. The card route asks for all of them up front (`prepareCards`): a worker thread draws
 * the missing ones into the cache while the main thread renders the pages that come before
 * /og/, and `renderCard` then finds its card drawn, or waits for it. Whatever the worker could
 * not draw, `renderCard` draws itself.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { astroCommand, astroRoot } from '../../site/env.ts';
import { cacheDir, cacheFile, readCard, writeCard } from './cache.ts';
import { drawCard, fontStamp, type CardInput } from './draw.ts';

export type { CardInput } from './draw.ts';
export { cardSvg, wrap } from './draw.ts';
export { OG_HEIGHT, OG_WIDTH } from './png.ts';

/** Cards the worker is drawing, by cache file; each settles when the worker reports it, or stops. */
const ahead = new Map<string, Promise<void>>();
let worker: Worker | undefined;
let waiting = 0;

/**
 * Starts drawing, in a worker thread, the cards not yet cached. Only in `astro build` (in dev a
 * card is drawn when asked for) and with the cache on (the worker hands cards over as files).
 */
export async function prepareCards(inputs: readonly CardInput[]): Promise<void> {
  const dir = cacheDir();
  const script = join(astroRoot(), 'src/feeds/og/worker.ts');
  if (astroCommand() !== 'build' || !dir || worker || !existsSync(script)) return;
  const stamp = await fontStamp();
  const jobs = inputs.map((input) => ({ file: cacheFile(dir, stamp, input), input })).filter((job) => !existsSync(job.file));
  if (jobs.length === 0) return;
  const settle = new Map<string, () => void>();
  for (const job of jobs) ahead.set(job.file, new Promise((resolve) => settle.set(job.file, resolve)));
  const settleAll = () => {
    for (const resolve of settle.values()) resolve();
    settle.clear();
  };
  worker = new Worker(script, { workerData: { jobs } });
  // The worker keeps the process alive only while a page waits for it (renderCard).
  worker.unref();
  worker.on('message', (file: string) => {
    settle.get(file)?.();
    settle.delete(file);
  });
  worker.on('error', settleAll);
  worker.on('exit', settleAll);
}

async function waitFor(pending: Promise<void>): Promise<void> {
  if (waiting++ === 0) worker?.ref();
  try {
    await pending;
  } finally {
    if (--waiting === 0) worker?.unref();
  }
}

const asBytes = (png: Buffer) => new Uint8Array(png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength)) as Uint8Array<ArrayBuffer>;

export async function renderCard(input: CardInput): Promise<Uint8Array<ArrayBuffer>> {
  const dir = cacheDir();
  if (!dir) return asBytes(await drawCard(input));
  const file = cacheFile(dir, await fontStamp(), input);
  const pending = ahead.get(file);
  if (pending) {
    await waitFor(pending);
    ahead.delete(file);
  }
  const cached = readCard(file);
  if (cached) return asBytes(cached);
  const png = await drawCard(input);
  writeCard(file, png);
  return asBytes(png);
}
