import { z } from 'zod';
import { languageTag, url } from './common.ts';

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
  })
  .describe('Site settings.');

export type SiteSettings = z.infer<typeof siteSchema>;
