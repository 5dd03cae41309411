/**
 * Every `DRIFTWATCH_*` environment variable, read here and nowhere else, so one file says what
 * can change a build from the outside. Each is read when asked (not when this module loads): the
 * integration sets some of them while Astro starts, for the pages' module graph and worker
 * threads, which cannot be handed a value any other way.
 */
const env = process.env;

/** The command Astro runs (`dev`, `build`, `preview`, `sync`), as the integration recorded it. */
export type AstroCommand = 'dev' | 'build' | 'preview' | 'sync';

/**
 * `DRIFTWATCH_PROJECT`: the folder of content/ and data/ when it is not the Astro root (a fixture
 * site in tests, a bench site, a team's own data in its own repository); relative to where the
 * command runs.
 */
export function projectSetting(): string | undefined {
  return env.DRIFTWATCH_PROJECT || undefined;
}

/** `DRIFTWATCH_CACHE_DIR`: Astro's cache folder outright (the bench's cold builds, every test build). */
export function astroCacheSetting(): string | undefined {
  return env.DRIFTWATCH_CACHE_DIR || undefined;
}

/** `DRIFTWATCH_OG_CACHE`: where social cards are cached across builds; `off` for no cache. */
export function socialCardCacheSetting(): string | undefined {
  return env.DRIFTWATCH_OG_CACHE;
}

/**
 * `DRIFTWATCH_HOST`: the static host a build is for (`cloudflare-pages`, `github-pages`,
 * `netlify`): `npm run build` fails when the output crosses that host's limits
 * (src/integration/host-limits.ts) instead of warning.
 */
export function deployHostSetting(): string | undefined {
  return env.DRIFTWATCH_HOST || undefined;
}

/** `DRIFTWATCH_SEARCH_AFTER`: a file where `astro build` writes its output folder, for scripts/build.ts to index after Astro exits. */
export function searchHandoffFile(): string | undefined {
  return env.DRIFTWATCH_SEARCH_AFTER || undefined;
}

/** The variables that make `astro build` leave the search index to its parent (scripts/build.ts). */
export function searchHandoffEnv(file: string): Record<string, string> {
  return { DRIFTWATCH_SEARCH_AFTER: file };
}

/**
 * The variables that point a build at another project folder and cache folders, and the host it
 * is held to (`''`: none, whatever the shell says) (scripts/bench.ts).
 */
export function projectEnv(settings: { project?: string; astroCache?: string; socialCardCache?: string; host?: string }): Record<string, string> {
  const vars: Record<string, string> = {};
  if (settings.host !== undefined) vars.DRIFTWATCH_HOST = settings.host;
  if (settings.project !== undefined) vars.DRIFTWATCH_PROJECT = settings.project;
  if (settings.astroCache !== undefined) vars.DRIFTWATCH_CACHE_DIR = settings.astroCache;
  if (settings.socialCardCache !== undefined) vars.DRIFTWATCH_OG_CACHE = settings.socialCardCache;
  return vars;
}

/** What the integration learns when Astro starts, for code it cannot call (pages, loaders, workers). */
export interface BuildContext {
  command: AstroCommand;
  /** The project folder resolved from Astro's root (`DRIFTWATCH_PROJECT_DIR`). */
  projectDir: string;
  /** Astro's root, where build-time code finds src/ and node_modules/ (`DRIFTWATCH_ROOT`). */
  astroRoot: string;
}

export function publishBuildContext(context: BuildContext): void {
  env.DRIFTWATCH_COMMAND = context.command;
  env.DRIFTWATCH_PROJECT_DIR = context.projectDir;
  env.DRIFTWATCH_ROOT = context.astroRoot;
}

/** `DRIFTWATCH_COMMAND`, as published; undefined outside Astro (a test, `npm run check`). */
export function astroCommand(): AstroCommand | undefined {
  return env.DRIFTWATCH_COMMAND as AstroCommand | undefined;
}

/** `DRIFTWATCH_PROJECT_DIR`, as published. */
export function publishedProjectDir(): string | undefined {
  return env.DRIFTWATCH_PROJECT_DIR;
}

/** `DRIFTWATCH_ROOT`, as published, else the folder the process runs in. */
export function astroRoot(): string {
  return env.DRIFTWATCH_ROOT ?? process.cwd();
}
