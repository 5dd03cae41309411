/**
 * An incident's embed page, /embed/incidents/<slug>/: its charts alone, for one <iframe>, drawn as
 * on its incident page (the same props: `incidentChart` in charts/registry.ts).
 *
 * In a build it is not one of Astro's routes. A route costs Astro its request, its layout and its
 * file written back whatever it holds, one page at a time, and an embed page held nothing of its
 * own: at 1,000 / 20,000 records the 1,000 embed routes took 5.8 s of rendering, each replaying
 * its incident page's drawing, which had to wait in memory for its second page. Instead, the
 * incident page keeps what its charts drew (`draftEmbed`, `keepDrawing`, from Chart.astro), and
 * once Astro has rendered the incident page the middleware writes the embed page into the output
 * folder (`afterPage`), in the frame every embed page shares (layouts/embed-frame.ts). What Astro
 * adds to an embed page (its stylesheets in the `<head>`, the chart script) is taken from the
 * first embed page Astro renders itself, a site-wide chart's: the same layout and the same chart
 * component. Those come before the incident pages in Astro's order; an incident page rendered
 * before any would wait for one (`waiting`).
 *
 * Written, the page is a file of the build like any other: the last guard of the defang rule and
 * the search feed read it (src/safety/last-guard.ts, src/integration/search.ts), the weights count
 * it, and the sitemap leaves it out as it leaves out every embed. `astro dev` renders it from its
 * route (src/pages/embed/incidents/[slug].astro), which has no pages in a build.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { escapeHtmlAttribute } from '../safety/escape.ts';
import { embedPage, type EmbedFrame } from '../layouts/embed-frame.ts';

export interface EmbedDraft {
  /** Site path of the embed page, before the base path: `/embed/incidents/<slug>/`. */
  path: string;
  frame: EmbedFrame;
  /** The incident page, under the base path: the charts' links to its record cards lead there. */
  listing: string;
  /** Its charts' ids, in the order the page shows them. */
  charts: readonly string[];
  /**
   * What each drew on the incident page, by id, anchors leading back to it. Charts render at
   * once and finish in any order; the page shows them in the order of `charts`.
   */
  drawings: Map<string, string>;
}

/** What Astro adds to an embed page it renders: the end of its `<head>`, and the chart script. */
interface FrameAssets {
  head: string;
  script: string;
}

interface Writer {
  outDir: string;
  assets?: FrameAssets;
  /** Embed pages whose incident page was rendered before Astro rendered an embed page itself. */
  waiting: EmbedDraft[];
  /**
   * Files being written. Off the thread that renders: written one after the other there, 1,000
   * embed pages took it 0.4 s. The build waits for them (`embedPagesWritten`).
   */
  writing: Set<Promise<void>>;
  written: number;
  failure?: unknown;
}

/**
 * The build's writer, on the global object: the integration (loaded with Astro's config) and the
 * pages and middleware (in Astro's page bundle) are two copies of this module in one process.
 */
const WRITER = Symbol.for('driftwatch.embed-writer');
const global = globalThis as Record<symbol, Writer | undefined>;

/** What a page tells the middleware, in `Astro.locals`. */
const DRAFT = 'driftwatchEmbedDraft';
const FRAME = 'driftwatchEmbedFrame';
const local = (locals: object) => locals as Record<string, unknown>;

/** A build starts (src/integration/files.ts): incident pages write their embed pages from now on. */
export function openEmbedPages(outDir: string): void {
  global[WRITER] = { outDir, waiting: [], writing: new Set(), written: 0 };
}

/** `astro dev`: the route renders every embed page. */
export function closeEmbedPages(): void {
  global[WRITER] = undefined;
}

/** Whether incident pages write their embed pages (a build): then the route has no pages. */
export function writesEmbedPages(): boolean {
  return global[WRITER] !== undefined;
}

/** Once Astro has rendered every page: waits for the embed pages being written; throws if one could not be. */
export async function embedPagesWritten(): Promise<void> {
  const writer = global[WRITER];
  if (!writer) return;
  while (writer.writing.size > 0) await Promise.all(writer.writing);
  if (writer.failure) throw writer.failure;
}

/** The build is done: how many embed pages were written. Throws if some could not be (`waiting`, or a file). */
export async function finishEmbedPages(): Promise<number> {
  const writer = global[WRITER];
  if (!writer) return 0;
  try {
    await embedPagesWritten();
  } finally {
    global[WRITER] = undefined;
  }
  if (writer.waiting.length > 0) {
    throw new Error(`${writer.waiting.length} embed pages were not written (${writer.waiting[0]!.path}…): Astro rendered no embed page of its own (layouts/Embed.astro) to take their stylesheets and chart script from`);
  }
  return writer.written;
}

/** Anchors to record cards (`href="#record-…"`), drawn for the page that lists them, as links to that page (`listing`) from another. */
export function awayFromCards(html: string, listing: string): string {
  return html.replaceAll('href="#record-', `href="${listing}#record-`);
}

/**
 * On an incident page with charts, in a build: its embed page, for its charts to keep their
 * drawings in (`keepDrawing`) and the middleware to write once the page is rendered. Undefined
 * in `astro dev`.
 */
export function draftEmbed(locals: object, draft: Omit<EmbedDraft, 'drawings'>): EmbedDraft | undefined {
  if (!global[WRITER]) return undefined;
  const drafted: EmbedDraft = { ...draft, drawings: new Map() };
  local(locals)[DRAFT] = drafted;
  return drafted;
}

/**
 * What a chart drew on the incident page, kept for its embed page, where its links to the record
 * cards lead back to the incident page. It holds no script: Chart.astro draws it without one and
 * renders the script beside it (ChartScript), as Astro writes a script once per page.
 */
export function keepDrawing(draft: EmbedDraft, id: string, html: string): void {
  draft.drawings.set(id, awayFromCards(html, draft.listing));
}

/** From layouts/Embed.astro: this page is an embed page, whose `<head>` starts with `head` (embed-frame.ts). */
export function noteEmbedFrame(locals: object, head: string): void {
  local(locals)[FRAME] = head;
}

/** Astro's external module scripts; data text never holds `<script`, and attribute values escape `"`. */
const MODULE_SCRIPT = /<script type="module" src="[^"]*"><\/script>/g;

/** What Astro added to an embed page it rendered (`html`), whose own `<head>` is `own`. */
export function frameAssets(html: string, own: string): FrameAssets {
  const end = html.indexOf('</head>');
  const start = html.indexOf(own);
  if (end < 0 || start < 0 || start > end) throw new Error('an embed page Astro rendered has no <head> as layouts/embed-frame.ts writes it');
  const scripts = html.slice(end).match(MODULE_SCRIPT) ?? [];
  // One chart script, in the first chart's block; anything else would need a place in embedPage.
  if (scripts.length !== 1) throw new Error(`an embed page Astro rendered has ${scripts.length} module scripts, where components/embed-pages.ts expects the chart script alone`);
  return { head: html.slice(start + own.length, end), script: scripts[0]! };
}

/** An incident's embed page, as the route would render it (Embed.astro around Chart.astro with `away`). */
export function embedPageHtml(draft: EmbedDraft, assets: FrameAssets): string {
  const block = `<div class="chart-block" data-pagefind-ignore data-record-page="${escapeHtmlAttribute(draft.listing)}">`;
  const charts = draft.charts.map((id, i) => {
    const drawing = draft.drawings.get(id);
    if (drawing === undefined) throw new Error(`${draft.path}: chart "${id}" of its incident page drew nothing for it`);
    return `${block}${i === 0 ? assets.script : ''}${drawing}</div>`;
  });
  return embedPage(draft.frame, assets.head, charts.join(''));
}

function write(writer: Writer & { assets: FrameAssets }, draft: EmbedDraft): void {
  // build.format 'directory' (astro.config.mjs): a page is <path>/index.html.
  const file = join(writer.outDir, draft.path, 'index.html');
  const html = embedPageHtml(draft, writer.assets);
  const writing: Promise<void> = mkdir(dirname(file), { recursive: true })
    .then(() => writeFile(file, html))
    .then(
      () => void writer.written++,
      (error: unknown) => void (writer.failure ??= error),
    )
    .finally(() => writer.writing.delete(writing));
  writer.writing.add(writing);
}

/**
 * In a build, from the middleware once Astro has rendered a page (`response`, not yet written):
 * an embed page Astro rendered gives what it added to the frame, the first time; an incident page
 * gets its embed page written.
 */
export async function afterPage(locals: object, response: Response): Promise<void> {
  const writer = global[WRITER];
  if (!writer) return;
  const own = local(locals)[FRAME] as string | undefined;
  if (own !== undefined && !writer.assets) {
    writer.assets = frameAssets(await response.clone().text(), own);
    for (const draft of writer.waiting.splice(0)) write(writer as Writer & { assets: FrameAssets }, draft);
  }
  const draft = local(locals)[DRAFT] as EmbedDraft | undefined;
  if (!draft) return;
  if (writer.assets) write(writer as Writer & { assets: FrameAssets }, draft);
  else writer.waiting.push(draft);
}
