/**
 * Markup drawn once per build and shown on more than one page: an incident's charts are the same
 * on its page and on its embed page, and drawing them is most of either page's cost. Each entry
 * is kept until its last expected use, so only markup still waiting for a page is held, and past
 * a budget it waits in a temporary file rather than in memory. Only in a build: in `astro dev` data changes between requests.
 *
 * Scripts are not replayed. Astro writes a component's script once per page, where it first
 * renders it; whether that falls inside the drawn markup depends on what the first page rendered
 * before it. The page that replays renders the scripts itself (Chart.astro: ChartScript).
 */
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { astroCommand } from '../site/env.ts';

/**
 * How much markup (in characters: a drawing is mostly ASCII, so about bytes) waits in memory for
 * its other pages; past it, what waits goes to a temporary file. Astro renders every embed page before any incident page, so every incident's drawing
 * waits at once: 213 MB of HTML at 1,000 / 200,000 records, held at the build's peak of memory
 * (measured: Astro's process at 2.5 GB just as the last embed page was written).
 */
export const KEPT_IN_MEMORY = 32 * 2 ** 20;

/** Markup waiting for its other pages: in memory (`html`), or in a file of the spill folder. */
interface Kept {
  html?: string;
  file?: string;
  left: number;
}

const kept = new Map<string, Kept>();
let inMemory = 0;
let spillDir: string | undefined;
let spilled = 0;
let cleansOnExit = false;
/** Files in the spill folder not replayed yet: at none, the folder goes. */
let waitingInFiles = 0;

function spill(html: string): string {
  if (!spillDir) {
    spillDir = mkdtempSync(join(tmpdir(), 'driftwatch-once-'));
    if (!cleansOnExit) {
      // What was never replayed (a build that failed part way) goes when the process does.
      process.once('exit', () => spillDir && rmSync(spillDir, { recursive: true, force: true }));
      cleansOnExit = true;
    }
  }
  const file = join(spillDir, `${spilled++}.html`);
  writeFileSync(file, html);
  waitingInFiles++;
  return file;
}

function keep(key: string, html: string, left: number, budget: number): void {
  if (inMemory + html.length <= budget) {
    inMemory += html.length;
    kept.set(key, { html, left });
  } else kept.set(key, { file: spill(html), left });
}

function replay(key: string, entry: Kept): string {
  const html = entry.html ?? readFileSync(entry.file!, 'utf8');
  if (--entry.left <= 0) {
    kept.delete(key);
    if (entry.html !== undefined) inMemory -= entry.html.length;
    else {
      unlinkSync(entry.file!);
      if (--waitingInFiles === 0 && spillDir) {
        rmSync(spillDir, { recursive: true, force: true });
        spillDir = undefined;
      }
    }
  }
  return html;
}

/** What waits, for tests: entries in memory and in files, and the characters held in memory. */
export function keptNow(): { inMemory: number; inFiles: number; characters: number } {
  const entries = [...kept.values()];
  return { inMemory: entries.filter((e) => e.html !== undefined).length, inFiles: entries.filter((e) => e.file !== undefined).length, characters: inMemory };
}

/** Astro's external scripts (`<script type="module" src="…"></script>`); data text never holds `<script`. */
const SCRIPT = /<script\b[^>]*><\/script>/g;

export async function drawOnce(key: string | undefined, uses: number, draw: () => Promise<string>, budget = KEPT_IN_MEMORY): Promise<string> {
  if (key === undefined || astroCommand() !== 'build') return draw();
  const hit = kept.get(key);
  if (hit) return replay(key, hit);
  const html = await draw();
  if (uses > 1) keep(key, html.replace(SCRIPT, ''), uses - 1, budget);
  return html;
}
