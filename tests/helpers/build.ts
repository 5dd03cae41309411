/**
 * Whole-site builds for tests: Astro's own `build()`, into a temporary folder, quietly.
 * Builds are cached per (project, base) within one test process, since several test files
 * look at the same output.
 */
import { clearViteModeEnv } from './env.ts';
import { REPO } from './fixture.ts';
import { testBuildDirs } from './run-dir.ts';

export interface BuildOptions {
  /** A folder with content/ and data/ (DRIFTWATCH_PROJECT); the bundled case study by default. */
  project?: string;
  /** BASE_PATH, e.g. '/dw/'. */
  base?: string;
  /** NODE_ENV for the build; unset by default, as `npm run build` leaves it. */
  nodeEnv?: string;
}

const builds = new Map<string, Promise<string>>();

async function run({ project, base, nodeEnv }: BuildOptions): Promise<string> {
  const { outDir, cacheDir } = testBuildDirs('dist-');
  const saved = { project: process.env.DRIFTWATCH_PROJECT, base: process.env.BASE_PATH, cache: process.env.DRIFTWATCH_CACHE_DIR, nodeEnv: process.env.NODE_ENV };
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  process.env.DRIFTWATCH_CACHE_DIR = cacheDir;
  clearViteModeEnv();
  // Vitest's NODE_ENV=test builds with import.meta.env.DEV set: the dev server's middleware then
  // runs in the build and defangs each page as it renders (src/middleware.ts), so no test could
  // see whether the build's own last guard works. `npm run build` sets no NODE_ENV.
  if (nodeEnv) process.env.NODE_ENV = nodeEnv;
  else delete process.env.NODE_ENV;
  if (project) process.env.DRIFTWATCH_PROJECT = project;
  else delete process.env.DRIFTWATCH_PROJECT;
  if (base) process.env.BASE_PATH = base;
  else delete process.env.BASE_PATH;
  try {
    const { build } = await import('astro');
    await build({ root: REPO, outDir, logLevel: 'error' });
    return outDir;
  } finally {
    for (const [key, value] of [['DRIFTWATCH_PROJECT', saved.project], ['BASE_PATH', saved.base], ['DRIFTWATCH_CACHE_DIR', saved.cache], ['NODE_ENV', saved.nodeEnv]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

export function buildSite(options: BuildOptions = {}): Promise<string> {
  const key = JSON.stringify(options);
  let pending = builds.get(key);
  if (!pending) {
    // Builds share process.env, so they run one after another.
    const previous = [...builds.values()].at(-1) ?? Promise.resolve('');
    pending = previous.catch(() => '').then(() => run(options));
    builds.set(key, pending);
  }
  return pending;
}
