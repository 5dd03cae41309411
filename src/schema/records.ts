/**
 * Dated records (`data/records/*.yaml` and `*.csv`): one schema per kind, joined into a union
 * discriminated by `kind`.
 */
import { z } from 'zod';
import { disputedValue, edtfDate, formerly, id, location, notes, ref, sources, text } from './common.ts';

export const RECORD_KINDS = ['attack', 'claim', 'takedown', 'migration', 'statement'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const WEAPONS = ['firearms', 'explosives', 'incendiary', 'melee', 'vehicle', 'hoax', 'other', 'unknown'] as const;
export const CLAIM_MODES = ['letter', 'call', 'email', 'note', 'video', 'posted-online', 'personal', 'other', 'unknown'] as const;
export const CLAIM_STATUSES = ['claimed', 'competing', 'disputed', 'retracted'] as const;
export const EVIDENCE = ['none-offered', 'offered', 'unknown'] as const;
export const INITIATORS = ['platform', 'law-enforcement-referral', 'user-reports', 'automated', 'court-order', 'unknown'] as const;
export const OUTCOMES = ['referred', 'removed', 'restored', 'unknown'] as const;
export const SCOPE_UNITS = ['accounts', 'channels', 'groups', 'bots', 'items', 'links'] as const;
export const SCOPE_PRECISIONS = ['exact', 'approximate', 'at-least', 'unknown'] as const;

/** Fields every record has, whatever its kind. */
const base = {
  id,
  date: edtfDate.describe('EDTF date the record is sorted and drawn by.'),
  title: text('One line of plain text.'),
  sources,
  incidents: z.array(ref('incidents', 'Slug of an incident write-up (content/incidents/<slug>.mdx).')).optional().describe('Incident write-ups this record belongs to.'),
  disputed: z.array(disputedValue).optional().describe('Other values that other sources give, kept side by side.'),
  formerly,
  notes,
};

const count = (description: string) => z.number().int({ message: 'must be a whole number' }).min(0, { message: 'must not be negative' }).optional().describe(description);

export const attackSchema = z
  .strictObject({
    ...base,
    kind: z.literal('attack'),
    location,
    perpetrators: z.array(ref('actors', 'Actor id.')).optional().describe('Actor ids of the perpetrators.'),
    weapon: z.array(z.enum(WEAPONS)).optional().describe('GTD-style weapon types.'),
    killed: count('Victims killed (attackers not counted).'),
    injured: count('Victims injured.'),
    perpetrators_killed: count("Perpetrators killed (GTD's nkillter)."),
  })
  .describe('An attack.');

export const claimSchema = z
  .strictObject({
    ...base,
    kind: z.literal('claim'),
    attack: ref('records', 'Id of the attack record claimed.'),
    claimant: ref('actors', 'Actor id of whoever claims it.'),
    outlet: ref('actors', 'Actor id of the outlet that published it (Amaq, Nashir).').optional(),
    platforms: z.array(ref('platforms', 'Platform id.')).optional().describe('Platform ids where it was published.'),
    mode: z.enum(CLAIM_MODES).describe("GTD's claimmode."),
    status: z.enum(CLAIM_STATUSES).describe("claimed, competing (GTD's compclaim), disputed or retracted."),
    evidence: z.enum(EVIDENCE).optional().describe('Whether the claimant offered evidence.'),
  })
  .describe('A claim of responsibility for an attack.');

export const scopeSchema = z
  .strictObject({
    count: z.number().int().min(0).optional().describe('How many.'),
    unit: z.enum(SCOPE_UNITS).optional().describe('What was counted.'),
    precision: z.enum(SCOPE_PRECISIONS).optional().describe('How exact the count is.'),
    text: z.string().min(1).optional().describe('Words, when only words are known ("hundreds").'),
  })
  .superRefine((scope, ctx) => {
    if (scope.count === undefined && scope.text === undefined) {
      ctx.addIssue({ code: 'custom', message: 'scope needs a count (with unit and precision) or a text such as "hundreds"', params: { rule: 'missing-field' } });
    }
    if (scope.count !== undefined && scope.unit === undefined) {
      ctx.addIssue({ code: 'custom', message: 'a scope count needs a unit (accounts, channels, groups, bots, items, links)', path: ['unit'], params: { rule: 'missing-field' } });
    }
  })
  .describe('How much was hit: {count, unit, precision} or {text}.');

export const takedownSchema = z
  .strictObject({
    ...base,
    kind: z.literal('takedown'),
    platform: ref('platforms', 'Platform id where content or accounts were hit.'),
    initiator: z.enum(INITIATORS).describe('Who set it off.'),
    referrer: ref('actors', "Actor id of the referrer (e.g. Europol's EU IRU).").optional(),
    targets: z.array(ref('actors', 'Actor id.')).optional().describe('Actor ids whose content or accounts were hit.'),
    outcome: z.enum(OUTCOMES).describe('referred, removed, restored or unknown: a referral is not a removal.'),
    scope: scopeSchema.optional(),
    countries: count('How many countries took part (joint actions).'),
    providers: count('How many online service providers took part (joint actions).'),
  })
  .describe('Content or accounts removed or referred.');

export const migrationSchema = z
  .strictObject({
    ...base,
    kind: z.literal('migration'),
    actors: z.array(ref('actors', 'Actor id.')).min(1, { message: 'needs at least one actor' }).describe('Actor ids that moved.'),
    from: ref('platforms', 'Platform id they left.'),
    to: ref('platforms', 'Platform id they moved to.'),
    trigger: ref('records', 'Id of the takedown that set it off.').optional(),
  })
  .describe('An actor moving its presence between platforms.');

export const statementSchema = z
  .strictObject({
    ...base,
    kind: z.literal('statement'),
    actor: ref('actors', 'Actor id of whoever said it.'),
    platform: ref('platforms', 'Platform id, when it was said on one.').optional(),
  })
  .describe('What an agency, platform or researcher said on the record.');

/** The schema for each kind, for per-kind validation and CSV typing. */
export const recordSchemas = {
  attack: attackSchema,
  claim: claimSchema,
  takedown: takedownSchema,
  migration: migrationSchema,
  statement: statementSchema,
} as const;

export const recordSchema = z.discriminatedUnion('kind', [attackSchema, claimSchema, takedownSchema, migrationSchema, statementSchema]);

export type Attack = z.infer<typeof attackSchema>;
export type Claim = z.infer<typeof claimSchema>;
export type Takedown = z.infer<typeof takedownSchema>;
export type Migration = z.infer<typeof migrationSchema>;
export type Statement = z.infer<typeof statementSchema>;
export type DataRecord = z.infer<typeof recordSchema>;
export type Disputed = NonNullable<DataRecord['disputed']>[number];
export type Scope = z.infer<typeof scopeSchema>;
