/**
 * Files a build writes beside Astro's routes: the downloads (records by kind and year, the
 * registries, the per-incident files, records.parquet) and the incidents' social cards.
 *
 * Astro spends 1.5 to 4 ms on a route whatever it writes (a request, a response, its bytes read
 * back, a folder made), all on the thread that renders the pages; at 1,000 incidents these are
 * 3,300 routes. In a build, their routes hand the files over here instead of returning paths
 * (`writeBeside`): one worker thread writes them into the output folder while the main thread
 * renders the pages, and the integration (src/integration/files.ts) waits for it before the
 * build ends. The bytes are the routes' own: the worker calls the same functions on the same
 * values (`fileBytes`). `astro dev` serves every one of these files from its route, as before.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DataRecord } from '../schema/index.ts';
import { astroRoot } from '../site/env.ts';
import { columnsFor, jsonLines, type ColumnsKey } from './downloads.ts';
import { toCsv } from './table.ts';
import { recordsParquet } from './parquet.ts';
import { renderCard, type CardInput } from './og/index.ts';

/** What a file holds, as plain values a worker can be handed. */
export type FileContent =
  | { type: 'csv'; columns: ColumnsKey; rows: readonly object[] }
  | { type: 'json'; rows: readonly unknown[] }
  | { type: 'parquet'; records: readonly DataRecord[] }
  | { type: 'card'; card: CardInput };

export interface BesideFile {
  /** The site path, from the root of the output folder: `data/incidents/x.csv`. */
  path: string;
  content: FileContent;
}

/** A file's bytes: what its route answers. */
export async function fileBytes(content: FileContent): Promise<string | Uint8Array> {
  switch (content.type) {
    case 'csv':
      return toCsv(columnsFor(content.columns), content.rows);
    case 'json':
      return jsonLines(content.rows);
    case 'parquet':
      return new Uint8Array(recordsParquet(content.records));
    case 'card':
      return renderCard(content.card);
  }
}

/** Writes one file under `outDir`, its folder first. */
export async function writeFile(outDir: string, file: BesideFile): Promise<void> {
  const target = join(outDir, file.path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, await fileBytes(file.content));
}

interface Writer {
  outDir: string;
  worker?: Worker;
  /** Files handed over, and written (the worker reports each batch). */
  sent: number;
  written: number;
  /** Files handed over but not yet posted to the worker: references, not copies (see `pump`). */
  queue: BesideFile[];
  /** Batches posted and not yet reported written. */
  posted: number;
  /** Settles when every file handed over is written, or the worker failed. */
  idle?: { promise: Promise<void>; resolve: () => void };
  failure?: Error;
}

/**
 * The build's writer, on the global object: the integration (loaded with Astro's config) and the
 * routes (in Astro's page bundle) are two copies of this module in one process.
 */
const WRITER = Symbol.for('driftwatch.beside-writer');
const global = globalThis as Record<symbol, Writer | undefined>;

/** A build starts (src/integration/files.ts): routes hand their files over from now on. */
export function openBeside(outDir: string): void {
  global[WRITER]?.worker?.terminate();
  global[WRITER] = { outDir, sent: 0, written: 0, queue: [], posted: 0 };
}

/** `astro dev`, or a build without the integration: every route answers for itself. */
export function closeBesideWithoutWaiting(): void {
  global[WRITER]?.worker?.terminate();
  global[WRITER] = undefined;
}

/**
 * Hands `files` to the worker, when a build is open: then the route returns no paths. False in
 * `astro dev` (the route answers each request itself).
 */
export function writeBeside(files: readonly BesideFile[]): boolean {
  const writer = global[WRITER];
  if (!writer) return false;
  if (files.length === 0) return true;
  if (!writer.worker) {
    const worker = new Worker(join(astroRoot(), 'src/feeds/beside-worker.ts'), { workerData: { outDir: writer.outDir } });
    // The worker keeps the process alive only while the integration waits for it (finishBeside).
    worker.unref();
    worker.on('message', (count: number) => {
      writer.written += count;
      writer.posted -= 1;
      pump(writer);
      if (writer.written === writer.sent) writer.idle?.resolve();
    });
    const stopped = (error: Error) => {
      writer.failure ??= error;
      writer.idle?.resolve();
    };
    worker.on('error', stopped);
    worker.on('exit', (code) => stopped(new Error(`the worker writing files beside the routes stopped (exit ${code})`)));
    writer.worker = worker;
  }
  writer.sent += files.length;
  writer.queue.push(...files);
  pump(writer);
  return true;
}

/**
 * How many files go to the worker in one message, and how many messages may wait for it. Posting
 * copies a file's rows into the worker (structured clone), so every route's files posted at once
 * held a second copy of the dataset until the worker got to them: at 1,000 / 200,000 records the
 * build's peak went from 2.6 to 3.1 GB. A few batches in flight keep the worker busy and that
 * copy small.
 */
const FILES_PER_BATCH = 25;
const BATCHES_IN_FLIGHT = 2;

function pump(writer: Writer): void {
  while (writer.worker && writer.posted < BATCHES_IN_FLIGHT && writer.queue.length > 0) {
    writer.worker.postMessage(writer.queue.splice(0, FILES_PER_BATCH));
    writer.posted += 1;
  }
}

/** Files handed over and waiting on this thread, and files posted to the worker and not yet written. */
export function besideBacklog(): { queued: number; inWorker: number } {
  const writer = global[WRITER];
  if (!writer) return { queued: 0, inWorker: 0 };
  return { queued: writer.queue.length, inWorker: writer.sent - writer.written - writer.queue.length };
}

/** Waits until every file handed over is written; throws if one could not be. Returns how many. */
export async function finishBeside(): Promise<number> {
  const writer = global[WRITER];
  if (!writer) return 0;
  global[WRITER] = undefined;
  const { worker } = writer;
  if (!worker) return 0;
  if (writer.written < writer.sent && !writer.failure) {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    writer.idle = { promise, resolve };
    worker.ref();
    await promise;
  }
  if (writer.written < writer.sent) {
    await worker.terminate();
    throw writer.failure ?? new Error('files beside the routes were not written');
  }
  await worker.terminate();
  return writer.written;
}
