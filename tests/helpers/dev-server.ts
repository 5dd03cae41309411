/**
 * `astro dev` as an editor runs it, for tests: in a shell without the test runner's variables
 * (Astro's dev server answers 404 to everything under VITEST), on a free port, with an Astro cache
 * of its own. `siteRoot` makes a folder laid out like this repository (the site's code beside
 * content/, data/ and public/), so `astro dev` serves public/ and checks the project where it runs,
 * as `npm run dev` does here; `DRIFTWATCH_PROJECT` alone keeps public/ in the repository.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fixture, REPO, type Edit } from './fixture.ts';
import { clearViteModeEnv } from './env.ts';
import { testBuildDirs } from './run-dir.ts';

/** The environment of an editor's shell: the test runner's own variables left out. */
export const withoutTestRunner = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(env).filter(([key]) => !/^(VITEST|TEST$|NODE_ENV$|DRIFTWATCH_)/.test(key)));

export const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/**
 * A fixture's content/ and data/, edited, with the site's code beside them (src/, the config,
 * public/, and a link to node_modules/): a project of its own in a temporary folder
 * (`removeFixture` removes it).
 */
export function siteRoot(name: string, edits: Record<string, Edit> = {}): string {
  const dir = fixture(name, edits);
  for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(join(REPO, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

export interface DevServer {
  origin: string;
  /** What the server printed so far. */
  output(): string;
  /** GET `path` once the server answers, retried while it starts or re-checks after a save, until `until` holds (60 s). */
  get(path: string, until: (status: number, body: string) => boolean, init?: RequestInit): Promise<{ status: number; body: string; headers: Headers }>;
  stop(): Promise<void>;
}

/** `astro dev` in `cwd` (the repository, or a `siteRoot`), with `env` added to an editor's environment. */
export async function startDev(cwd: string, env: Record<string, string> = {}): Promise<DevServer> {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  clearViteModeEnv();
  const { cacheDir } = testBuildDirs('dev-');
  let output = '';
  const server: ChildProcess = spawn(process.execPath, [join(REPO, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port)], {
    cwd,
    env: { ...withoutTestRunner(process.env), ASTRO_TELEMETRY_DISABLED: '1', DRIFTWATCH_CACHE_DIR: cacheDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk) => (output += chunk));
  server.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  return {
    origin,
    output: () => output,
    async get(path, until, init) {
      const deadline = Date.now() + 60_000;
      let last = { status: 0, body: '', headers: new Headers() };
      while (Date.now() < deadline) {
        try {
          const response = await fetch(`${origin}${path}`, { signal: AbortSignal.timeout(10_000), ...init });
          last = { status: response.status, body: await response.text(), headers: response.headers };
          if (until(last.status, last.body)) return last;
        } catch {
          // not listening yet (or, for a path that hangs, no answer in 10 s)
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      throw new Error(`${path}: gave up at ${last.status}; server said:\n${output.slice(-2000)}`);
    },
    async stop() {
      if (server.exitCode !== null || server.signalCode !== null) return;
      server.kill();
      // A thread blocked opening a pipe can hold the process: SIGKILL after a grace period.
      const timer = setTimeout(() => server.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
