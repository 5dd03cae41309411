/** The props every chart component takes; each chart adds its own (Timeline's groupBy, …). */
import type { Actor } from '../../schema/actors.ts';
import type { Platform } from '../../schema/platforms.ts';
import type { DataRecord } from '../../schema/records.ts';
import type { Source } from '../../schema/sources.ts';
import type { Grain } from './periods.ts';

export interface ChartLink {
  href: string;
  label: string;
  /** A file to save (a CSV), rather than a page to go to. */
  download?: boolean;
}

export interface ChartProps {
  records: readonly DataRecord[];
  platforms: readonly Platform[];
  actors: readonly Actor[];
  /** Publishers' names for disputed values' sources (their ids without it). */
  sources?: readonly Pick<Source, 'id' | 'publisher'>[];
  hrefFor: (record: DataRecord) => string;
  title?: string;
  /** Unique per page. */
  id?: string;
  csvHref?: string;
  /** More data links beside the CSV. */
  links?: readonly ChartLink[];
  /** Above this many marks, draw bins or bars with counts. */
  binThreshold?: number;
  /** Above this many table rows, the table counts by period instead of listing records. */
  tableLimit?: number;
  /** The period the summary counts by ('year' by default); false: always list the records. */
  summaryGrain?: Grain | false;
  /** Drill-down page of a period, for a summarised table and its bars; undefined for a period without one. */
  drillHref?: (period: string) => string | undefined;
  width?: number;
  /**
   * false: leave the chart out of the search index, where the page lists the same records anyway
   * (an incident's charts beside its record cards). Charts are searchable by default: a
   * drill-down page's table is the only page that lists a record without a write-up.
   */
  searchable?: boolean;
  /**
   * Table rows get ids (`<id>-record-<record>`): the site-wide timeline's, where a record with no
   * write-up is listed and linked to (charts/site/record-href.ts). Other tables' rows have none:
   * nothing links to them, and on an incident page they were 50 bytes a row.
   */
  rowAnchors?: boolean;
  /**
   * false: the chart's script (ChartScript: tooltips, keyboard, zoom) is rendered beside it, not
   * by it (components/Chart.astro renders it first). Drawn without it, the chart's HTML holds no
   * script and can be kept as a string for another page (an incident's embed page): Astro writes
   * a script once per page, and kept HTML would take the page's one copy with it.
   */
  script?: boolean;
}
