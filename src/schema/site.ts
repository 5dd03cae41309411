import { z } from 'zod';
import { languageTag, url } from './common.ts';

/** Semantic Versioning 2.0.0: MAJOR.MINOR.PATCH, an optional pre-release and build. */
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/** `data/site.yaml`: the site's own settings. A single mapping, not a list. */
export const siteSchema = z
  .strictObject({
    title: z.string().min(1).describe('Site title.'),
    description: z.string().min(1).describe('One sentence: what the site covers.'),
    licence: z.string().min(1).describe('Licence of the text and data, e.g. CC BY 4.0.'),
    language: languageTag.default('en').describe('BCP 47 tag of the site’s language.'),
    defang: z
      .array(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, { message: 'must be a bare domain such as t.me' }))
      .default([])
      .describe('Domains whose URLs are extremist material: always rendered defanged, never linked.'),
    repository: url.optional().describe('Where the site’s source lives, for "edit this page" links.'),
    version: z
      .string()
      .regex(SEMVER, { message: 'must be a SemVer version such as 1.0.0 (MAJOR.MINOR.PATCH)' })
      .optional()
      .describe('The dataset’s version, SemVer (1.2.0): in CITATION.cff, datapackage.json, "Cite this", and the changelog on the data page, which starts a new section at each commit that changes it.'),
    doi: z
      .string()
      .regex(/^10\.\d{4,9}\/\S+$/, { message: 'must be a bare DOI such as 10.5281/zenodo.1234567 (without https://doi.org/)' })
      .optional()
      .describe('The dataset’s DOI, bare: 10.5281/zenodo.1234567.'),
    recordListLimit: z
      .union([z.number().int().min(1), z.literal('all')], { error: 'must be a whole number of at least 1, or all' })
      .optional()
      .describe('The most records an incident’s page, a month’s page of the timeline, claims or takedowns, and a platform’s or an actor’s page list one by one, and a year’s or a country’s page of the map draws one by one. An incident with more counts them instead: its charts (and a chart in its write-up of more records than this) draw bars and count in their tables instead of a mark and a row each, and its page has no card per record, leaving them to its CSV (its records as JSON are in the files of each kind and year); a map page with more draws hexagons and counts by country or year; a month of the timeline, claims or takedowns with more gets no page of its own, its year counting it and the downloads holding its records; a platform’s or an actor’s page lists this many of each role (at most 200 whether set or not). Links to a record no page lists lead to the downloads of its kind. `all`: no limit of its own, as on a small site (a platform’s or an actor’s page still lists at most 200 of each role). Unset: `all` for a site of up to 50,000 published records, 50 for a larger one, whose pages listing each record would be too large for static hosts (docs/scale.md); `npm run build` says when that applies.'),
    authors: z
      .array(z.string().min(1, { message: 'must not be empty' }))
      .optional()
      .describe('Who made the dataset, for citations and CITATION.cff: a person as "Family, Given", an organisation as its name.'),
  })
  .describe('Site settings.');

export type SiteSettings = z.infer<typeof siteSchema>;
