import { z } from 'zod';
import { edtfDate, country, formerly, id, notes, registrySources, text, url } from './common.ts';

export const PLATFORM_KINDS = ['messenger', 'social-network', 'video', 'forum', 'chat-server', 'file-sharing', 'other'] as const;

/** One entry of `data/platforms.yaml`. */
export const platformSchema = z
  .strictObject({
    id,
    name: text('Name as the platform writes it.'),
    kind: z.enum(PLATFORM_KINDS).describe('What sort of service it is.'),
    owner: z.string().optional().describe('Company or project behind it.'),
    country: country.optional().describe("ISO 3166-1 alpha-2 code of the owner's country."),
    launched: edtfDate.optional().describe('EDTF date of launch.'),
    closed: edtfDate.optional().describe('EDTF date the service shut down; its lane ends there on the charts.'),
    website: url.optional().describe("The platform's own home page."),
    sources: registrySources,
    formerly,
    notes,
  })
  .describe('A platform: a service where content is posted, removed and moved.');

export type Platform = z.infer<typeof platformSchema>;
