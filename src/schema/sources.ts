import { z } from 'zod';
import { edtfDate, id, languageTag, notes, text, url } from './common.ts';

export const SOURCE_KINDS = ['news', 'press-release', 'platform-statement', 'social-post', 'report', 'dataset', 'other'] as const;
export const RELIABILITY = ['primary', 'secondary', 'repost', 'machine-translation'] as const;

/** One entry of `data/sources.yaml`: a cited document. */
export const sourceSchema = z
  .strictObject({
    id,
    title: text('Title as published.'),
    publisher: text('Who published it.'),
    kind: z.enum(SOURCE_KINDS).describe('What sort of document it is.'),
    published: edtfDate.describe('EDTF date of publication.'),
    url: url.optional().describe('Where it was published.'),
    archived: url.optional().describe('An archive copy (warned when a url has none).'),
    language: languageTag.optional().describe('BCP 47 language tag, e.g. en, ru.'),
    author: z.string().optional().describe('Author, as credited.'),
    reliability: z.enum(RELIABILITY).optional().describe('How close the document is to the facts it reports.'),
    actor: z
      .string()
      .meta({ references: 'actors', description: 'Actor id of whoever posted it (for social posts); an extremist actor’s post is always defanged.' })
      .optional(),
    notes,
  })
  .describe('A cited document.');

export type Source = z.infer<typeof sourceSchema>;
