/**
 * The record rows of a chart's data table as HTML, written as one string rather than as Astro
 * JSX per cell (a table of a few thousand rows is as large as the chart above it). DataTable.astro
 * prints it with `set:html`, so everything taken from data is escaped here, with the project's
 * escapers (src/safety/escape.ts): cells with `escapeHtmlText`, attribute values with
 * `escapeHtmlAttribute`.
 */
import { escapeHtmlAttribute, escapeHtmlText } from '../../safety/escape.ts';
import type { TableRow } from './types.ts';

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
