/**
 * "Cite this page" in three forms, made at build time: plain text, BibTeX and CSL-JSON. The plain
 * text is written here; BibTeX and CSL-JSON by src/client/cite-forms.ts, which the browser uses
 * too (a record's forms are made there when a reader asks). Pure functions of the page's
 * metadata; the components only show them.
 */
import { dateInWords } from '../data/date-words.ts';
import { parseDate } from '../schema/edtf.ts';
import type { Site } from '../site/index.ts';
import { absoluteUrl } from './meta.ts';

export interface CiteInput {
  /** Stable key: the page's id (`fishmongers-hall-2019`). */
  id: string;
  title: string;
  authors: string[];
  /** The site's title, as the container. */
  container: string;
  /** Absolute URL of the page. */
  url: string;
  /** EDTF day of the last substantive change (the version being cited), if known. */
  updated?: string;
  /** 'webpage' for write-ups, 'dataset' for the data and its records. */
  type: 'webpage' | 'dataset';
  /** The dataset's version (data/site.yaml), when the cited thing is part of it. */
  version?: string;
  /** The dataset's DOI, bare. */
  doi?: string;
  /** ISO day the page was made: the access date a reader of the built page can give. */
  accessed?: string;
}

/** [year, month?, day?] of an EDTF day, month or year (uncertainty marks dropped). */
export function dateParts(edtf: string | undefined): number[] | undefined {
  if (!edtf) return undefined;
  try {
    const span = parseDate(edtf.split('/')[0]!);
    const d = new Date(span.start);
    const parts = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
    return span.precision === 'year' ? parts.slice(0, 1) : span.precision === 'month' ? parts.slice(0, 2) : parts;
  } catch {
    return undefined;
  }
}

export function plainCitation(input: CiteInput): string {
  const parts = dateParts(input.updated);
  const when = parts ? ` ${dateInWords(Date.UTC(parts[0]!, (parts[1] ?? 1) - 1, parts[2] ?? 1), parts.length === 1 ? 'year' : parts.length === 2 ? 'month' : 'day')}.` : '';
  const who = input.authors.length > 0 ? `${input.authors.join(', ')}. ` : '';
  const version = input.version ? ` Version ${input.version}.` : '';
  const doi = input.doi ? ` https://doi.org/${input.doi}` : '';
  const accessed = input.accessed ? ` Accessed ${input.accessed}.` : '';
  return `${who}“${input.title}”. ${input.container}${input.type === 'dataset' ? ' (dataset)' : ''}.${version}${when} ${input.url}${doi}${accessed ? `.${accessed}` : ''}`;
}

/**
 * The input as the BibTeX and CSL-JSON writers take it (`Citation` of src/client/cite-forms.ts,
 * which the browser shares): the version's day as [year, month?, day?] instead of EDTF.
 */
export function citation(input: CiteInput): Omit<CiteInput, 'updated'> & { issued?: number[] } {
  const { updated, ...rest } = input;
  const issued = dateParts(updated);
  return issued ? { ...rest, issued } : rest;
}

/** The dataset's citation: on the data page, and under each write-up's own on its page. */
export function datasetCite(site: Site, astroSite: URL | undefined): CiteInput {
  const title = site.site.title;
  return {
    id: `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-data`,
    title: `${title} data`,
    authors: site.datasetAuthors,
    container: title,
    url: absoluteUrl(astroSite, '/data/'),
    updated: site.datasetUpdated,
    type: 'dataset',
    version: site.site.version,
    doi: site.site.doi,
    accessed: site.builtOn,
  };
}
