/**
 * The editor's loop in `astro dev`, timed from outside as an editor lives it: the server started
 * cold, then
 * - first page: an incident page, the first request after the server is ready;
 * - warm page: other incident pages after it (median of three): what each further page costs;
 * - saved edit visible: a sentence appended to the first incident's MDX, then that page asked
 *   for every 100 ms until it shows the sentence;
 * - saved data edit visible (Driftwatch: a write-up's records live in data/): a word added to the
 *   title of one of the first incident's records, then that page asked for until it shows it.
 * The files are restored and the server's process group stopped afterwards.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';

export interface DevLoop {
  /** Seconds from start to the server answering. */
  ready: number;
  firstPage: number;
  warmPage: number;
  savedEdit: number;
  /** With `dataEdit`. */
  savedDataEdit?: number;
}

/** A saved change to a file that a page shows. */
export interface FileEdit {
  file: string;
  /** The file's text changed so that the page shows `marker`. */
  edit: (text: string, marker: string) => string;
}

export interface DevLoopOptions {
  command: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Site paths of incident pages: the first is edited, the others are the warm requests. */
  pages: string[];
  /** The MDX file of the first page. */
  file: string;
  /** A data file the first page shows, and how to change it so that it shows a marker (scripts/bench/generate.ts). */
  dataEdit?: FileEdit;
  log?: (line: string) => void;
}

const seconds = (since: number) => (performance.now() - since) / 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port no one listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function get(url: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(300_000) });
  return { status: response.status, text: await response.text() };
}

/** Seconds until the page at `url` shows `marker`, asked for every 100 ms (at most 300 s). */
async function untilShown(url: string, marker: string, what: string): Promise<number> {
  const t = performance.now();
  for (;;) {
    if (seconds(t) > 300) throw new Error(`the edit to ${what} was not visible after 300 s`);
    const response = await get(url).catch(() => ({ status: 0, text: '' }));
    if (response.text.includes(marker)) return seconds(t);
    await sleep(100);
  }
}

export async function measureDevLoop(options: DevLoopOptions): Promise<DevLoop> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(options.command, [...options.args, '--port', String(port), '--host', '127.0.0.1'], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env, ASTRO_TELEMETRY_DISABLED: '1', BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-5_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const original = readFileSync(options.file, 'utf8');
  const data = options.dataEdit && { ...options.dataEdit, original: readFileSync(options.dataEdit.file, 'utf8') };
  try {
    // Ready: the server answers at all (any status).
    let ready = 0;
    while (!ready) {
      if (child.exitCode !== null) throw new Error(`astro dev exited (${child.exitCode}): ${output.slice(-1_000)}`);
      if (seconds(started) > 600) throw new Error(`astro dev did not answer in 600 s: ${output.slice(-1_000)}`);
      try {
        await fetch(`${origin}/__bench_ready__`, { signal: AbortSignal.timeout(5_000) });
        ready = seconds(started);
      } catch {
        await sleep(200);
      }
    }
    const [first, ...others] = options.pages;
    let t = performance.now();
    const firstResponse = await get(`${origin}${first}`);
    const firstPage = seconds(t);
    if (firstResponse.status !== 200) throw new Error(`${first}: HTTP ${firstResponse.status}`);
    const warm: number[] = [];
    for (const page of others.slice(0, 3)) {
      t = performance.now();
      const response = await get(`${origin}${page}`);
      warm.push(seconds(t));
      if (response.status !== 200) throw new Error(`${page}: HTTP ${response.status}`);
    }
    warm.sort((a, b) => a - b);
    const marker = `Bench edit ${Date.now().toString(36)}`;
    writeFileSync(options.file, `${original.trimEnd()}\n\n${marker}.\n`);
    const savedEdit = await untilShown(`${origin}${first}`, marker, options.file);
    let savedDataEdit: number | undefined;
    if (data) {
      const dataMarker = `Bench data edit ${Date.now().toString(36)}`;
      writeFileSync(data.file, data.edit(data.original, dataMarker));
      savedDataEdit = await untilShown(`${origin}${first}`, dataMarker, data.file);
    }
    options.log?.(`dev: ready ${ready.toFixed(1)} s, first page ${firstPage.toFixed(2)} s, warm ${warm.map((w) => w.toFixed(2)).join('/')} s, saved edit ${savedEdit.toFixed(2)} s${savedDataEdit === undefined ? '' : `, saved data edit ${savedDataEdit.toFixed(2)} s`}`);
    return { ready, firstPage, warmPage: warm[Math.floor((warm.length - 1) / 2)] ?? Number.NaN, savedEdit, savedDataEdit };
  } finally {
    writeFileSync(options.file, original);
    if (data) writeFileSync(data.file, data.original);
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // gone already
      }
      await Promise.race([new Promise((resolve) => child.once('exit', resolve)), sleep(5_000)]);
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // gone already
        }
      }
    }
  }
}
