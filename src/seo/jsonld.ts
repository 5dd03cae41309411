/** schema.org JSON-LD, as data: Base.astro writes it into its `<script>` with `jsonInScript` (safety/escape.ts). */
export interface ArticleInput {
  url: string;
  headline: string;
  description: string;
  image?: string;
  authors: string[];
  /** ISO date the page was first published. */
  datePublished?: string;
  /** ISO date of the last substantive change. */
  dateModified?: string;
  /** ISO date the events happened (the incident's). */
  about?: { name: string; date: string; place?: string };
  keywords?: string[];
  publisher: string;
  siteUrl: string;
  language: string;
  licence: string;
}

export function articleLd(input: ArticleInput): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    '@id': input.url,
    url: input.url,
    mainEntityOfPage: input.url,
    headline: input.headline,
    description: input.description,
    inLanguage: input.language,
    license: input.licence,
    ...(input.image ? { image: input.image } : {}),
    author: input.authors.map((name) => ({ '@type': 'Organization', name })),
    publisher: { '@type': 'Organization', name: input.publisher, url: input.siteUrl },
    ...(input.datePublished ? { datePublished: input.datePublished } : {}),
    ...(input.dateModified ? { dateModified: input.dateModified } : {}),
    ...(input.keywords?.length ? { keywords: input.keywords.join(', ') } : {}),
    ...(input.about
      ? { about: { '@type': 'Event', name: input.about.name, startDate: input.about.date, ...(input.about.place ? { location: { '@type': 'Place', name: input.about.place } } : {}) } }
      : {}),
  };
}

export interface DatasetInput {
  url: string;
  name: string;
  description: string;
  licence: string;
  publisher: string;
  siteUrl: string;
  files: { name: string; title: string; description: string; csv: string; json: string }[];
  /** The whole dataset in one Parquet file. */
  parquet?: string;
  temporalCoverage?: string;
}

export function datasetLd(input: DatasetInput): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': input.url,
    url: input.url,
    name: input.name,
    description: input.description,
    license: input.licence,
    isAccessibleForFree: true,
    creator: { '@type': 'Organization', name: input.publisher, url: input.siteUrl },
    ...(input.temporalCoverage ? { temporalCoverage: input.temporalCoverage } : {}),
    distribution: [
      ...(input.parquet ? [{ '@type': 'DataDownload', name: 'All records (Parquet)', description: 'Every record in one typed table.', encodingFormat: 'application/vnd.apache.parquet', contentUrl: input.parquet }] : []),
      ...input.files.flatMap((file) => [
      { '@type': 'DataDownload', name: `${file.title} (CSV)`, description: file.description, encodingFormat: 'text/csv', contentUrl: file.csv },
      { '@type': 'DataDownload', name: `${file.title} (JSON)`, description: file.description, encodingFormat: 'application/json', contentUrl: file.json },
      ]),
    ],
  };
}
