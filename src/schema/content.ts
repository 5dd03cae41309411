/** Frontmatter of MDX files under `content/`. */
import { z } from 'zod';
import { edtfDate, edtfDay, formerly, location, ref } from './common.ts';

export const INCIDENT_STATUSES = ['published', 'draft'] as const;

/** Frontmatter of `content/incidents/<slug>.mdx`; the slug is the incident's id. */
export const incidentSchema = z
  .strictObject({
    title: z.string().min(1).describe('Title of the write-up.'),
    date: edtfDate.describe('EDTF date the incident is sorted and shown by.'),
    summary: z.string().min(1).describe('One or two plain sentences for lists, feeds and social cards.'),
    status: z.enum(INCIDENT_STATUSES).default('published').describe('published (default) or draft (never in the built site).'),
    contentWarning: z.string().min(1).optional().describe('Text shown before the write-up.'),
    location: location.optional(),
    tags: z
      .array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be a kebab-case word' }))
      .optional()
      .describe('Kebab-case words.'),
    authors: z.array(z.string().min(1)).optional().describe('Names of the authors.'),
    published: edtfDay.optional().describe('EDTF day the write-up was first published: the date of its feed item and its structured data.'),
    updated: edtfDay.optional().describe('EDTF day of the last substantive change.'),
    sources: z.array(ref('sources', 'A source id from data/sources.yaml.')).optional().describe('Source ids the prose cites beyond those of its records.'),
    formerly: formerly.describe('Slugs this write-up had before it was renamed: /incidents/<old>/ redirects here. An old slug may not be reused or claimed twice.'),
    corrections: z
      .array(
        z.strictObject({
          date: edtfDay.describe('EDTF day the correction was made.'),
          text: z.string().min(1).describe('What was wrong and what is right now, in a sentence or two.'),
        }),
      )
      .optional()
      .describe('Editorial corrections in words, shown at the top of the write-up (changes to data are listed from git by themselves).'),
  })
  .describe('An incident write-up.');

/** Frontmatter of `content/pages/<slug>.mdx`: about, methodology, editor guide. */
export const pageSchema = z
  .strictObject({
    title: z.string().min(1).describe('Page title.'),
    summary: z.string().min(1).optional().describe('One sentence for the page description.'),
    status: z.enum(INCIDENT_STATUSES).default('published').describe('published (default) or draft.'),
    order: z.number().int().optional().describe('Position in the footer navigation.'),
  })
  .describe('A free page.');

export type IncidentFrontmatter = z.infer<typeof incidentSchema>;
export type PageFrontmatter = z.infer<typeof pageSchema>;
