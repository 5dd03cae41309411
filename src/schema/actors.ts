import { z } from 'zod';
import { formerly, id, notes, ref, registrySources, text } from './common.ts';

export const ACTOR_KINDS = ['armed-group', 'media-outlet', 'government-agency', 'platform-operator', 'researcher', 'individual', 'other'] as const;

/** A name in another script keeps its language so it renders with the right direction. */
export const alias = z.union([
  z.string().min(1),
  z.strictObject({
    name: text('The name as written in its own script.'),
    lang: z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { message: 'must be a BCP 47 language tag, e.g. ar' }).describe('BCP 47 language tag, e.g. ar, ru.'),
  }),
]);

/** One entry of `data/actors.yaml`. */
export const actorSchema = z
  .strictObject({
    id,
    name: text('Name as readers know it.'),
    kind: z.enum(ACTOR_KINDS).describe('What sort of actor it is.'),
    aliases: z.array(alias).optional().describe('Other names: strings, or {name, lang} for names in other scripts.'),
    parent: ref('actors', 'Actor id of the parent organisation (Amaq’s parent is the Islamic State).').optional(),
    sources: registrySources,
    formerly,
    notes,
  })
  .describe('A group, outlet, agency, operator, researcher or person.');

export type Actor = z.infer<typeof actorSchema>;
export type Alias = z.infer<typeof alias>;
