/**
 * A citation as BibTeX and as CSL-JSON. One module for both sides: the server writes a page's and
 * the dataset's forms into the HTML with it (components/CiteThis.astro), and the browser makes a
 * record's forms with it when a reader asks for them (copy.ts), from what every record on the page
 * shares (`RecordCiteModel`, once per page) and what is the record's own (its id, title and
 * address, which its card shows anyway). Pure: no DOM, no Node; it imports only the escaper.
 */
import { bibtexEscape } from '../safety/escape.ts';

export interface Citation {
  /** Stable key: the page's or the record's id. */
  id: string;
  title: string;
  authors: string[];
  /** The site's title, or its dataset's, as the container. */
  container: string;
  /** Absolute URL of what is cited. */
  url: string;
  /** 'webpage' for write-ups, 'dataset' for the data and its records. */
  type: 'webpage' | 'dataset';
  /** The dataset's version (data/site.yaml), when the cited thing is part of it. */
  version?: string;
  /** The dataset's DOI, bare. */
  doi?: string;
  /** [year, month?, day?] of the version cited (its last substantive change), if known. */
  issued?: number[];
  /** ISO day the page was made: the access date a reader of the built page can give. */
  accessed?: string;
}

/**
 * What every record's citation on a page shares, written once into the page as JSON
 * (`<script type="application/json" id="record-cite">`): `page` is the page's absolute URL.
 */
export type RecordCiteModel = Omit<Citation, 'id' | 'title' | 'url'> & { page: string };

/** What a record's citation has of its own. `url` only where the record is cited at another page than this one. */
export interface CitedRecord {
  id: string;
  title: string;
  url?: string;
}

/** The element id of the page's `RecordCiteModel`. */
export const RECORD_CITE_MODEL = 'record-cite';

/** A record's citation: the page's shared parts, its own id and title, and its anchor on the page. */
export function recordCitation(model: RecordCiteModel, record: CitedRecord): Citation {
  const { page, ...shared } = model;
  return { ...shared, id: record.id, title: record.title, url: record.url ?? `${page}#record-${record.id}` };
}

export function bibtex(c: Citation): string {
  const parts = c.issued;
  const fields: [string, string][] = [];
  // Corporate authors in double braces, so BibTeX does not split them into first and last names.
  if (c.authors.length > 0) fields.push(['author', c.authors.map((a) => `{${bibtexEscape(a)}}`).join(' and ')]);
  fields.push(['title', `{${bibtexEscape(c.title)}}`], ['organization', bibtexEscape(c.container)]);
  if (parts) fields.push(['year', String(parts[0])]);
  if (parts?.[1]) fields.push(['month', String(parts[1])]);
  if (parts?.length === 3) fields.push(['date', parts.map((p) => String(p).padStart(2, '0')).join('-')]);
  if (c.version) fields.push(['version', bibtexEscape(c.version)]);
  if (c.doi) fields.push(['doi', bibtexEscape(c.doi)]);
  fields.push(['url', c.url]);
  if (c.accessed) fields.push(['urldate', c.accessed]);
  const key = c.id.replace(/[^a-zA-Z0-9-]/g, '-');
  return `@${c.type === 'dataset' ? 'dataset' : 'online'}{${key},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}`;
}

export function cslJson(c: Citation): object {
  return {
    id: c.id,
    type: c.type,
    title: c.title,
    author: c.authors.map((literal) => ({ literal })),
    'container-title': c.container,
    URL: c.url,
    ...(c.version ? { version: c.version } : {}),
    ...(c.doi ? { DOI: c.doi } : {}),
    ...(c.issued ? { issued: { 'date-parts': [c.issued] } } : {}),
    ...(c.accessed ? { accessed: { 'date-parts': [c.accessed.split('-').map(Number)] } } : {}),
  };
}

/** CSL-JSON as the site shows and copies it: indented, one item. */
export function cslJsonText(c: Citation): string {
  return JSON.stringify(cslJson(c), null, 2);
}
