/**
 * Every chart of the site, in one list: its name, its layout, the component that draws it, and
 * where it appears. Incident, platform and actor pages, the charts write-ups use, the site-wide
 * chart pages, the embeds and the sitemap all read this list, and `DrawChart.astro` is the one
 * place a chart's name becomes its drawing.
 *
 * Adding a chart is one entry: a folder `src/charts/<name>/` with a pure `layout.ts` and an
 * `.astro` component that takes the props every chart takes (`shared/props.ts`), then an entry
 * below. Where it appears is part of the entry:
 * - `pages`: incident pages (and each incident's embed page), platform and actor pages draw it
 *   for their records, when `shows` says the records give it something to draw;
 * - `mdx`: the tag write-ups use; its props go in `schema/mdx-props.ts`, and a three-line
 *   wrapper in `src/mdx/` (see `mdx/Timeline.astro`) is what MDX renders;
 * - `site`: a page of its own (`/<name>/`, with drill-down pages by year and month, route files
 *   under `src/pages/<name>/` as the timeline's) and its embed (`/embed/<name>/`).
 *
 * Pure: no `.astro` import, so plain TypeScript (the record links, the tests) reads it too.
 */
import { RECORD_KINDS, type DataRecord, type RecordKind } from '../schema/records.ts';
import type { ComponentName } from '../schema/mdx-props.ts';
import { claimRows, fileForClaims, layoutClaims } from './claims/layout.ts';
import type { Filed } from './shared/drill.ts';
import type { Grain } from './shared/periods.ts';
import type { ChartInput } from './shared/records.ts';
import { fileForTakedowns, layoutTakedowns, takedownRows } from './takedowns/layout.ts';
import { fileForTimeline, layoutTimeline, timelineRows } from './timeline/layout.ts';
import { layoutMap, place } from './map/layout.ts';

/** The pages that draw charts for their own records. */
export type ChartScope = 'incidents' | 'platforms' | 'actors';

/** What every chart's layout accepts (each takes more options of its own). */
export interface LayoutInput extends ChartInput {
  binThreshold?: number;
  tableLimit?: number;
  summaryGrain?: Grain | false;
}

/** A chart's page of its own: what it says, its downloads, and what its drill-down pages list. */
export interface SiteChart {
  /** Site path of the page, before the base path. */
  path: string;
  title: string;
  /** Title of the chart itself (its figure caption). */
  chartTitle: string;
  description: string;
  /** What the page shows, in a sentence; `{period}` is replaced on drill-down pages. */
  intro: string;
  /**
   * The kinds of record it shows: a year's page links the CSV of each kind for that year; the
   * chart's own page links the data page's row of the first (there is a file per kind and year).
   */
  kinds: RecordKind[];
  /** The data page's row for what it shows (site path); platform and actor charts link to it too. */
  data: string;
  /** Site path of the chart alone, for an `<iframe>` (the whole site's records). */
  embed: string;
  /** The records the chart shows, each with the instant it is filed under (drill-down pages). */
  file: (records: readonly DataRecord[]) => Filed[];
  /** How many table rows these records make (a period too big for one page is split). */
  rows: (records: readonly DataRecord[]) => number;
}

export interface ChartEntry {
  /** Its id: in addresses (`/timeline/`, `/embed/timeline/`), element ids and shared drawings. */
  name: string;
  /** What it is called: the caption of an incident's or a write-up's chart, an embed's title. */
  title: string;
  /** Records to marks, pure (the component calls it; tests and tools may too). */
  layout: (options: LayoutInput) => object;
  /** The file that draws it, under `src/charts/`: `timeline/Timeline.astro`. */
  component: `${string}/${string}.astro`;
  appears: {
    /** The pages that draw it for their records. */
    pages: readonly ChartScope[];
    /** Whether these records give it anything to draw. */
    shows: (records: readonly DataRecord[]) => boolean;
    /** The tag write-ups use (`<Timeline />`). */
    mdx?: ComponentName;
    /** Its own page and embed. */
    site?: SiteChart;
  };
}

const hasKind = (records: readonly DataRecord[], ...kinds: DataRecord['kind'][]) => records.some((record) => kinds.includes(record.kind));

export const CHARTS = [
  {
    name: 'timeline',
    title: 'Timeline',
    layout: layoutTimeline,
    component: 'timeline/Timeline.astro',
    appears: {
      pages: ['incidents', 'platforms', 'actors'],
      shows: (records) => records.length > 0,
      mdx: 'Timeline',
      site: {
        path: '/timeline/',
        title: 'Timeline',
        chartTitle: 'All records over time',
        description: 'Every dated record on one timeline: attacks, claims, takedowns, migrations and statements.',
        intro: 'Every published record{period} on one time axis, one lane per kind of record. Select a mark for the record’s details; the data table below the chart lists the same records, or, when they are too many for one page, counts them by period and leads to the page of each period that has one.',
        kinds: [...RECORD_KINDS],
        data: '/data/#all-records',
        embed: '/embed/timeline/',
        file: fileForTimeline,
        rows: timelineRows,
      },
    },
  },
  {
    name: 'claims',
    title: 'Claims of responsibility',
    layout: layoutClaims,
    component: 'claims/ClaimsChart.astro',
    appears: {
      // A platform's records lack the attacks a claims chart needs; an actor's page has a timeline only.
      pages: ['incidents'],
      shows: (records) => hasKind(records, 'claim'),
      mdx: 'ClaimsChart',
      site: {
        path: '/claims/',
        title: 'Claims of responsibility',
        chartTitle: 'Claims of responsibility and their delay',
        description: 'Claims of responsibility for attacks, and how long after each attack they came.',
        intro: 'For each attack{period}, its claims of responsibility in time order with the delay from the attack; below, the delay to the first claim across all claimed attacks.',
        kinds: ['claim', 'attack'],
        data: '/data/#claim',
        embed: '/embed/claims/',
        file: fileForClaims,
        rows: claimRows,
      },
    },
  },
  {
    name: 'takedowns',
    title: 'Takedowns and migrations',
    layout: layoutTakedowns,
    component: 'takedowns/TakedownsChart.astro',
    appears: {
      pages: ['incidents', 'platforms'],
      shows: (records) => hasKind(records, 'takedown', 'migration'),
      mdx: 'TakedownsChart',
      site: {
        path: '/takedowns/',
        title: 'Takedowns and migrations',
        chartTitle: 'Takedowns and migrations by platform',
        description: 'Takedowns and referrals by platform over time, and the migrations between platforms that followed.',
        intro: 'Takedowns and referrals on each platform{period} over time, sized by how much was hit where the sources give a number, and the moves from one platform to another.',
        kinds: ['takedown', 'migration'],
        data: '/data/#takedown',
        embed: '/embed/takedowns/',
        file: fileForTakedowns,
        rows: takedownRows,
      },
    },
  },
  {
    name: 'map',
    title: 'Map',
    layout: layoutMap,
    component: 'map/MapChart.astro',
    appears: {
      // Its own pages (/map/, its years, /embed/map/) are src/charts/map/pages.ts: a map drills
      // down by year and by country, not by month.
      pages: ['incidents'],
      shows: (records) => records.some((record) => place(record) !== undefined),
    },
  },
] as const satisfies readonly ChartEntry[];

export type ChartName = (typeof CHARTS)[number]['name'];

/** The charts with a page of their own (`/timeline/`, …), in the list's order. */
export type SiteChartEntry = ChartEntry & { name: ChartName; appears: { site: SiteChart } };

const byName = new Map<string, ChartEntry>(CHARTS.map((entry) => [entry.name, entry]));

/** The entry of a chart by its name; throws on a name no entry has (a typo in a route file). */
export function chartNamed(name: string): ChartEntry {
  const entry = byName.get(name);
  if (!entry) throw new Error(`no chart named "${name}" in src/charts/registry.ts`);
  return entry;
}

/** The entry of a site-wide chart, with its page. */
export function siteChartNamed(name: string): SiteChartEntry {
  const entry = chartNamed(name);
  if (!entry.appears.site) throw new Error(`chart "${name}" has no page of its own (appears.site in src/charts/registry.ts)`);
  return entry as SiteChartEntry;
}

/** The entry whose write-up tag is `tag` (`Timeline`), if any. */
export function chartOfTag(tag: string): ChartEntry | undefined {
  return (CHARTS as readonly ChartEntry[]).find((entry) => entry.appears.mdx === tag);
}

/** The charts with a page of their own: their pages, embeds and CSVs. */
export function siteCharts(): SiteChartEntry[] {
  return (CHARTS as readonly ChartEntry[]).filter((entry) => entry.appears.site) as SiteChartEntry[];
}

/** The charts a page of `scope` draws for its records (and so an incident's embed page). */
export function chartsOf(scope: ChartScope, records: readonly DataRecord[]): ChartEntry[] {
  return (CHARTS as readonly ChartEntry[]).filter((entry) => entry.appears.pages.includes(scope) && entry.appears.shows(records));
}

/** Site path of an incident's embed page: all of its charts, for one `<iframe>`. */
export const incidentEmbedPath = (slug: string): string => `/embed/incidents/${slug}/`;

/** The title of an incident's embed page, and of the snippet on its page that embeds it. */
export const incidentEmbedTitle = (incident: { title: string }): string => `Charts: ${incident.title}`;

/**
 * Height of the `<iframe>` an embed snippet suggests for a page of `charts` charts. Generous: a
 * frame too tall leaves space below, one too short hides the table, the download and the link
 * back (the case study's single charts measure 420 to 670 px between 360 and 1,000 px wide).
 */
export const embedHeight = (charts: number): number => 80 + 600 * Math.max(1, charts);

/**
 * The props of one of an incident's charts: the same on its page and on its embed page, which
 * shows what the incident page drew (components/embed-pages.ts) rather than drawing it again.
 * `counted`: the page counts its records rather than listing them (data/site.yaml
 * `recordListLimit`, data/queries.ts `listsEachRecord`): bars and counts, whatever the chart's
 * own number of records, and no cards on the page for the chart's links to lead to.
 */
export function incidentChart(incident: { id: string; title: string }, chart: ChartEntry, counted = false) {
  return {
    chart: chart.name,
    id: `incident-${chart.name}`,
    title: `${chart.title}: ${incident.title}`,
    csv: `/data/incidents/${incident.id}.csv`,
    listedAt: counted ? undefined : `/incidents/${incident.id}/`,
    limit: counted ? 0 : undefined,
  };
}
