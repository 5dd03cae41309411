/**
 * The props of every component editors put in MDX, as zod schemas: one source for the checker
 * (which validates each use at its line before anything builds), the components (which validate
 * again when they render) and the editor guide.
 */
import { z } from 'zod';
import { ref } from './common.ts';
import { RECORD_KINDS } from './records.ts';

const chartFilter = {
  kinds: z.array(z.enum(RECORD_KINDS)).optional().describe('Only records of these kinds.'),
  platforms: z.array(ref('platforms', 'A platform id.')).optional().describe('Only records that involve these platforms.'),
  records: z.array(ref('records', 'A record id.')).optional().describe('Exactly these records (any incident).'),
  title: z.string().optional().describe('Caption of the chart.'),
};

export const componentProps = {
  Cite: z.strictObject({ id: ref('sources', 'A source id from data/sources.yaml.').describe('The source cited.') }).describe('A numbered citation into the page’s source list.'),
  Record: z.strictObject({ id: ref('records', 'A record id.').describe('The record mentioned.') }).describe('An inline mention of a record, with its date.'),
  Timeline: z.strictObject({ ...chartFilter, lanes: z.enum(['kind', 'platform']).optional().describe('Lanes by record kind (default) or by platform.') }).describe('Timeline of this incident’s records.'),
  ClaimsChart: z.strictObject(chartFilter).describe('Claims of responsibility with their latency from the attack.'),
  TakedownsChart: z.strictObject(chartFilter).describe('Takedowns and migrations by platform.'),
  ContentWarning: z.strictObject({ title: z.string().optional().describe('Heading; "Content warning" by default.') }).describe('A warning shown before what follows.'),
  Callout: z.strictObject({ type: z.enum(['note', 'caution']).default('note').describe('note (default) or caution.'), title: z.string().optional().describe('Optional heading.') }).describe('A boxed note or caution.'),
  FieldReference: z
    .strictObject({ only: z.enum(['incidents', 'pages', 'site', 'platforms', 'actors', 'sources', ...RECORD_KINDS.map((kind) => `records-${kind}` as const)]).optional().describe('One table: incidents, pages, site, platforms, actors, sources, records-<kind>.') })
    .describe('The field reference, generated from the schemas (for the editor guide).'),
  Defang: z.strictObject({ url: z.string().optional().describe('The URL to show defanged; or put it between the tags.') }).describe('Shows a URL defanged, as text, never a link.'),
} as const;

export type ComponentName = keyof typeof componentProps;
export const COMPONENT_NAMES = Object.keys(componentProps) as ComponentName[];

