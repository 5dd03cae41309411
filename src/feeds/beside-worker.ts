/**
 * Writes the files a build's routes hand over (./beside.ts) into the output folder, off the
 * thread that renders the pages; reports each batch once written. Runs as TypeScript source under
 * Node's type stripping, outside Vite's bundle.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeFile, type BesideFile } from './beside.ts';

const { outDir } = workerData as { outDir: string };
let queue = Promise.resolve();
parentPort!.on('message', (files: BesideFile[]) => {
  // One batch after the other; a file that cannot be written stops the worker, and the build.
  queue = queue.then(async () => {
    for (const file of files) await writeFile(outDir, file);
    parentPort!.postMessage(files.length);
  });
  queue.catch((error: unknown) => {
    throw error;
  });
});
