/**
 * Where content/ and data/ live. By default beside astro.config.mjs; `DRIFTWATCH_PROJECT` points
 * the same site code at another folder (a fixture site in tests, a benchmark site, or a team's
 * own data kept in its own repository).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function projectDir(astroRoot: string | URL): string {
  const root = typeof astroRoot === 'string' ? astroRoot : fileURLToPath(astroRoot);
  const override = process.env.DRIFTWATCH_PROJECT;
  return override ? resolve(root, override) : root;
}
