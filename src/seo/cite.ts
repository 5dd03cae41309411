/**
 * "Cite this page" in three forms, made at build time: plain text, BibTeX and CSL-JSON.
 * Pure functions of the page's metadata; the component only shows them.
 */
import { dateInWords } from '../data/date-words.ts';
import { parseDate } from '../schema/edtf.ts';

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

/** BibTeX's special characters, escaped so the text comes out as written. */
export function bibtexEscape(text: string): string {
  return text
    .replace(/[\\{}]/g, (c) => (c === '\\' ? '\\textbackslash{}' : `\\${c}`))
    .replace(/[&%$#_]/g, (c) => `\\${c}`)
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}');
}

export function bibtex(input: CiteInput): string {
  const parts = dateParts(input.updated);
  const fields: [string, string][] = [
    // Corporate authors in double braces, so BibTeX does not split them into first and last names.
    ...(input.authors.length > 0 ? [['author', input.authors.map((a) => `{${bibtexEscape(a)}}`).join(' and ')] as [string, string]] : []),
    ['title', `{${bibtexEscape(input.title)}}`],
    ['organization', bibtexEscape(input.container)],
    ...(parts ? [['year', String(parts[0])] as [string, string]] : []),
    ...(parts && parts[1] ? [['month', String(parts[1])] as [string, string]] : []),
    ...(parts && parts.length === 3 ? [['date', parts.map((p) => String(p).padStart(2, '0')).join('-')] as [string, string]] : []),
    ...(input.version ? [['version', bibtexEscape(input.version)] as [string, string]] : []),
    ...(input.doi ? [['doi', bibtexEscape(input.doi)] as [string, string]] : []),
    ['url', input.url],
    ...(input.accessed ? [['urldate', input.accessed] as [string, string]] : []),
  ];
  const key = input.id.replace(/[^a-zA-Z0-9-]/g, '-');
  return `@${input.type === 'dataset' ? 'dataset' : 'online'}{${key},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}`;
}

export function cslJson(input: CiteInput): object {
  const parts = dateParts(input.updated);
  return {
    id: input.id,
    type: input.type,
    title: input.title,
    author: input.authors.map((literal) => ({ literal })),
    'container-title': input.container,
    URL: input.url,
    ...(input.version ? { version: input.version } : {}),
    ...(input.doi ? { DOI: input.doi } : {}),
    ...(parts ? { issued: { 'date-parts': [parts] } } : {}),
    ...(input.accessed ? { accessed: { 'date-parts': [input.accessed.split('-').map(Number)] } } : {}),
  };
}
