/**
 * Drafts show in `astro dev` (with a banner) and never in a build. The integration records which
 * command runs; NODE_ENV is no guide (a build run from a test runner says "test").
 */
import { astroCommand } from './env.ts';

export function showDrafts(): boolean {
  return astroCommand() === 'dev';
}
