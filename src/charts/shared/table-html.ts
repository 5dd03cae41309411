/**
 * The data table beside a chart, as HTML written as one string rather than as Astro JSX per cell
 * (a table of a few thousand rows is as large as the chart above it). The chart's frame prints it
 * with `set:html`, so everything taken from data is escaped here, with the project's escapers
 * (src/safety/escape.ts): text with `escapeHtmlText`, attribute values with `escapeHtmlAttribute`.
 *
 * The same records as the marks, one row each with the same data-record, so a screen reader or a
 * reader without the chart gets everything. Grouped bins get an anchor (`<tbody id>`) for their
 * bar to link to. Too many records for one page (`table.summary`): a table of counts per period
 * and lane instead, each period (`<tr id>`, for bars to link to) leading to its drill-down page
 * where it has one; records no period holds (dates that cannot be drawn) are still listed below it.
 */
import { escapeHtmlAttribute, escapeHtmlText } from '../../safety/escape.ts';
import { formatCount as count } from './format.ts';
import { attr, text } from './html.ts';
import type { TableModel, TableRow } from './types.ts';

export interface RowsOptions {
  /** Where each record leads, by record id: the text of `linkColumn` links there. */
  hrefs: ReadonlyMap<string, string>;
  /** Index of the column whose text links to the record. */
  linkColumn: number;
  /** The chart's id: with `rowAnchors`, rows get ids (`<id>-record-<record>`), for links from elsewhere. */
  id: string;
  rowAnchors?: boolean;
}

/** One `<tr>` per row, with its record's id in data-record, in order. */
export function tableRowsHtml(rows: readonly TableRow[], options: RowsOptions): string {
  const { hrefs, linkColumn, id, rowAnchors = false } = options;
  let out = '';
  for (const row of rows) {
    const record = escapeHtmlAttribute(row.recordId);
    out += rowAnchors ? `<tr id="${escapeHtmlAttribute(id)}-record-${record}" data-record="${record}">` : `<tr data-record="${record}">`;
    const href = hrefs.get(row.recordId);
    for (let i = 0; i < row.cells.length; i++) {
      const cell = escapeHtmlText(row.cells[i]!);
      out += i === linkColumn && href ? `<td><a href="${escapeHtmlAttribute(href)}">${cell}</a></td>` : `<td>${cell}</td>`;
    }
    out += '</tr>';
  }
  return out;
}

export interface DataTableOptions {
  hrefs: ReadonlyMap<string, string>;
  id: string;
  /** Drill-down page of a summary row's period. */
  drillHref?: (period: string) => string | undefined;
  /** Rows get ids (`<id>-record-<record>`), for links from elsewhere (ChartProps.rowAnchors). */
  rowAnchors?: boolean;
  /**
   * What a summary row leads to, for its caption: the period's page, which lists its records (a
   * drill-down page), or a page of its own that may count them again (the map's country and year
   * pages, under `recordListLimit`), named by what the rows are (`country`).
   */
  drillsTo?: { noun: string; lists: boolean };
}

/** What the caption says of the periods' pages, given how many of the rows have one. */
function pageCaption(paged: number, rows: number, drillsTo: { noun: string; lists: boolean }): string {
  const page = drillsTo.lists ? 'a page listing its records' : 'its page';
  if (paged === 0) return '';
  return paged === rows ? `; each ${drillsTo.noun} leads to ${page}` : `; each linked ${drillsTo.noun} leads to ${page}, the others’ are in the downloads`;
}

/** The whole `<details>` of a chart's data table. */
export function dataTableHtml(table: TableModel, options: DataTableOptions): string {
  const { hrefs, id, drillHref, rowAnchors = false, drillsTo = { noun: 'period', lists: true } } = options;
  const rowCount = table.groups.reduce((n, g) => n + g.rows.length, 0);
  const summary = table.summary;
  let out = `<details class="dw-table"${attr('id', `${id}-table`)}>`;
  out += summary
    ? `<summary>Data table: ${text(count(summary.records))} records counted by period (${text(count(summary.rows.length))} ${summary.rows.length === 1 ? 'row' : 'rows'})</summary>`
    : `<summary>Data table (${text(count(rowCount))} ${rowCount === 1 ? 'row' : 'rows'})</summary>`;
  out += '<div class="dw-table-scroll">';
  if (summary) {
    const paged = summary.rows.filter((row) => drillHref?.(row.key)).length;
    out += `<table${attr('id', `${id}-summary`)} class="dw-summary"><caption>${text(summary.caption)}${text(pageCaption(paged, summary.rows.length, drillsTo))}</caption>`;
    out += `<thead><tr><th scope="col">Period</th>${summary.columns.map((c) => `<th scope="col">${text(c)}</th>`).join('')}</tr></thead><tbody>`;
    for (const row of summary.rows) {
      const href = drillHref?.(row.key);
      out += `<tr${attr('id', `${id}-p-${row.key}`)}><th scope="row">${href ? `<a${attr('href', href)}>${text(row.label)}</a>` : text(row.label)}</th>`;
      for (const n of row.counts) out += `<td class="dw-count">${text(count(n))}</td>`;
      out += '</tr>';
    }
    out += '</tbody></table>';
  }
  if (!summary || rowCount > 0) {
    out += `<table><caption>${text(table.caption)}</caption><thead><tr>${table.columns.map((c) => `<th scope="col">${text(c)}</th>`).join('')}</tr></thead>`;
    for (const group of table.groups) {
      out += `<tbody${attr('id', group.id ? `${id}-${group.id}` : undefined)}>`;
      if (group.heading) out += `<tr class="dw-group"><th scope="colgroup"${attr('colspan', table.columns.length)}>${text(group.heading)}</th></tr>`;
      out += tableRowsHtml(group.rows, { hrefs, linkColumn: table.linkColumn, id, rowAnchors });
      out += '</tbody>';
    }
    out += '</table>';
  }
  return out + '</div></details>';
}
