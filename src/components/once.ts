/**
 * Markup drawn once per build and shown on more than one page: an incident's charts are the same
 * on its page and on its embed page, and drawing them is most of either page's cost. Each entry
 * is kept until its last expected use, so memory holds only markup still waiting for a page.
 * Only in a build: in `astro dev` data changes between requests.
 *
 * Scripts are not replayed. Astro writes a component's script once per page, where it first
 * renders it; whether that falls inside the drawn markup depends on what the first page rendered
 * before it. The page that replays renders the scripts itself (Chart.astro: ChartScript).
 */
import { astroCommand } from '../site/env.ts';

const kept = new Map<string, { html: string; left: number }>();

/** Astro's external scripts (`<script type="module" src="…"></script>`); data text never holds `<script`. */
const SCRIPT = /<script\b[^>]*><\/script>/g;

export async function drawOnce(key: string | undefined, uses: number, draw: () => Promise<string>): Promise<string> {
  if (key === undefined || astroCommand() !== 'build') return draw();
  const hit = kept.get(key);
  if (hit) {
    if (--hit.left <= 0) kept.delete(key);
    return hit.html;
  }
  const html = await draw();
  if (uses > 1) kept.set(key, { html: html.replace(SCRIPT, ''), left: uses - 1 });
  return html;
}
