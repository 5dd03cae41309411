/**
 * Where a record's details are shown: its incident's page (unless that counts its records, past
 * `recordListLimit`), else its row in the site-wide timeline's table (unless its month has no
 * page), else the data page of its kind. The timeline's row depends on how the chart pages its
 * records (drill-down by year and month), which is why this lives with the charts and not in the
 * site facade below them.
 */
import type { DataRecord } from '../../schema/index.ts';
import type { Site } from '../../site/index.ts';
import { timelineListing } from './site-charts.ts';
import { listsEachRecord } from '../../data/queries.ts';

type RecordHref = (record: DataRecord) => string;

/** One function per loaded site: the listing is computed on first use and kept with it. */
const bySite = new WeakMap<Site, RecordHref>();

export function recordHrefs(site: Site): RecordHref {
  let href = bySite.get(site);
  if (!href) bySite.set(site, (href = hrefsFor(site)));
  return href;
}

function hrefsFor(site: Site): RecordHref {
  const dataHref = new Map<string, string>();
  let listing: Map<string, string> | undefined;
  return (record) => {
    // An incident's page that counts its records (past `recordListLimit`) has no card to link to.
    const slug = (record.incidents ?? []).find((id) => site.incidentById.has(id) && listsEachRecord(site.site, site.recordsOfIncident(id).length));
    if (slug) return site.url(`/incidents/${slug}/#record-${record.id}`);
    // No write-up that lists it: its row in the timeline's table, with its date, kind and title.
    const listed = (listing ??= timelineListing(site.records, site.site.recordListLimit)).get(record.id);
    if (listed) return site.url(listed);
    let href = dataHref.get(record.kind);
    if (!href) dataHref.set(record.kind, (href = site.url(`/data/#${record.kind}`)));
    return href;
  };
}
