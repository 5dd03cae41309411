/**
 * Vitest puts Vite's own mode variables into process.env (BASE_URL='/', MODE='test', DEV='1',
 * PROD='', SSR='1'), and Astro's server build reads `import.meta.env` through process.env: a
 * build run inside vitest would then link every page to `/` whatever BASE_PATH says, and build
 * with DEV set (drafts of free pages included). `buildSite` clears them before every build, so
 * the site under test is the site `npm run build` makes.
 */
export const VITE_MODE_VARIABLES = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX'];

export function clearViteModeEnv(): void {
  for (const key of VITE_MODE_VARIABLES) delete process.env[key];
}
