/**
 * Drafts show in `astro dev` (with a banner) and never in a build. The integration records which
 * command runs; NODE_ENV is no guide (a build run from a test runner says "test").
 */
export function showDrafts(): boolean {
  return process.env.DRIFTWATCH_COMMAND === 'dev';
}
