import { z } from 'zod';
import { edtfDate, formerly, id, languageTag, notes, text, url } from './common.ts';

export const SOURCE_KINDS = ['news', 'press-release', 'platform-statement', 'social-post', 'report', 'dataset', 'other'] as const;
export const RELIABILITY = ['primary', 'secondary', 'repost', 'machine-translation'] as const;

/** A SHA-256 digest as `sha256sum` prints it: 64 lower-case hexadecimal digits. */
export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

/** One capture of a source by an archive service, as `npm run archive` writes it. */
export const captureSchema = z
  .strictObject({
    url: url.describe('Address of the archived copy.'),
    at: z.iso
      .datetime({ offset: true, message: 'must be an ISO 8601 date-time such as 2026-12-02T05:00:00Z' })
      .meta({ format: 'date-time', description: 'When the capture was made: ISO 8601 date-time, e.g. 2026-12-02T05:00:00Z.' }),
    sha256: z
      .string()
      .regex(SHA256_PATTERN, { message: 'must be 64 lower-case hexadecimal digits, as sha256sum prints them' })
      .optional()
      .describe('SHA-256 of the bytes the original address served when the capture was made, as sha256sum prints it.'),
    service: url.optional().describe('The archive service asked for the capture, e.g. https://web.archive.org/save/.'),
  })
  .describe('One archived copy of a source.');

/**
 * `archived`: one archive address (the first form), or the captures made of the source. A bare
 * address may stand in the list too: a copy made before its date was recorded, which
 * `npm run archive` keeps as written when it adds a capture after it.
 */
export const archivedSchema = z
  .union([url, z.array(z.union([url, captureSchema])).min(1, { message: 'must list at least one capture' })])
  .describe('An archive copy: one URL, or a list of captures {url, at, sha256?, service?} (warned when a url has none).');

/** One entry of `data/sources.yaml`: a cited document. */
export const sourceSchema = z
  .strictObject({
    id,
    title: text('Title as published.'),
    publisher: text('Who published it.'),
    kind: z.enum(SOURCE_KINDS).describe('What sort of document it is.'),
    published: edtfDate.describe('EDTF date of publication.'),
    url: url.optional().describe('Where it was published.'),
    archived: archivedSchema.optional(),
    language: languageTag.optional().describe('BCP 47 language tag, e.g. en, ru.'),
    author: z.string().optional().describe('Author, as credited.'),
    reliability: z.enum(RELIABILITY).optional().describe('How close the document is to the facts it reports.'),
    actor: z
      .string()
      .meta({ references: 'actors', description: 'Actor id of whoever posted it (for social posts); an extremist actor’s post is always defanged.' })
      .optional(),
    formerly,
    notes,
  })
  .describe('A cited document.');

export type Source = z.infer<typeof sourceSchema>;
export type Capture = z.infer<typeof captureSchema>;

/** A source's captures in one form: a bare `archived` URL is a capture of unknown date. */
export function capturesOf(source: Pick<Source, 'archived'>): Array<Partial<Capture> & { url: string }> {
  if (source.archived === undefined) return [];
  const listed = typeof source.archived === 'string' ? [source.archived] : source.archived;
  return listed.map((capture) => (typeof capture === 'string' ? { url: capture } : capture));
}
