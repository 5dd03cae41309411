/**
 * Draws social cards off the build's main thread (./index.ts `prepareCards`): each job's card into
 * its cache file, reporting the file once written. Runs as TypeScript source under Node's type
 * stripping, outside Vite's bundle.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeCard } from './cache.ts';
import { drawCard, type CardInput } from './draw.ts';

const { jobs } = workerData as { jobs: { file: string; input: CardInput }[] };
for (const { file, input } of jobs) {
  writeCard(file, await drawCard(input));
  parentPort!.postMessage(file);
}
