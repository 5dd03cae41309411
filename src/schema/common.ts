/**
 * Building blocks shared by every schema: ids, references, dates, URLs, sources, disputes.
 *
 * A reference field carries `references: '<registry>'` in its zod metadata. The checker reads
 * that metadata to resolve ids, and the JSON Schema export keeps it, so "which fields point
 * where" is written down exactly once: here, on the field.
 */
import { z } from 'zod';
import { DateError, parseDate } from './edtf.ts';
import { isWebAddress, writtenHost } from '../safety/url.ts';
import { COUNTRY_CODES, isoCodeFor } from './countries.ts';

export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Where an id can point. Records and incidents count as registries for this purpose. */
export type Registry = 'platforms' | 'actors' | 'sources' | 'records' | 'incidents';

/** A permanent lower-case kebab-case id: it is the URL and the join key. */
export const id = z
  .string()
  .regex(ID_PATTERN, { message: 'must be lower-case kebab-case (a-z, 0-9 and single hyphens)' })
  .describe('Permanent lower-case kebab-case id: the URL and the join key.');

/** An id in another registry; resolved by the checker, with a "did you mean" hint. */
export function ref(target: Registry, description: string) {
  return z.string().meta({ references: target, description });
}

/** The registry a schema's field points at, if any (see `ref`). */
export function referenceTarget(schema: z.ZodType): Registry | undefined {
  const meta = z.globalRegistry.get(schema) as { references?: Registry } | undefined;
  return meta?.references;
}

/** An EDTF date string (`2019-11-29`, `2019-11~`, `2019-11-21/2019-11-24`, …). */
export const edtfDate = z
  .string()
  .superRefine((value, ctx) => {
    try {
      parseDate(value);
    } catch (error) {
      const message = error instanceof DateError ? error.message : `"${value}" is not a valid date`;
      ctx.addIssue({ code: 'custom', message, params: { rule: message.includes('ends before') ? 'interval-order' : 'bad-date' } });
    }
  })
  .meta({ format: 'edtf', description: 'EDTF date: 2019-11-29, 2019-11, 2019, 2019-11~, 2019-12-01?, 2019-11-21/2019-11-24 or 2019-11-29T13:58:00Z.' });

/** One day (`2019-12-04`), as an EDTF date: when a write-up was published or changed. */
export const edtfDay = edtfDate
  .superRefine((value, ctx) => {
    let span;
    try {
      span = parseDate(value);
    } catch {
      return; // edtfDate has said why
    }
    if (span.interval || (span.precision !== 'day' && span.precision !== 'time')) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not one day: write the day, e.g. 2019-12-04`, params: { rule: 'bad-date' } });
    }
  })
  .meta({ format: 'edtf', description: 'EDTF day: 2019-12-04.' });

/** An absolute http(s) URL. `javascript:`, `data:` and relative paths are errors. */
export const url = z
  .string()
  .superRefine((value, ctx) => {
    if (isWebAddress(value)) return;
    // http://localhost/x is absolute, but no reader can follow it: say what is wrong with it.
    const host = writtenHost(value);
    const message = host && !host.includes('.') && URL.canParse(value) ? `must be an address on the web: "${host}" is not a public host` : 'must be an absolute http: or https: URL';
    ctx.addIssue({ code: 'custom', message, params: { rule: 'bad-url' } });
  })
  .meta({ format: 'uri', description: 'Absolute http: or https: URL.' });

/** A BCP 47 language tag: `en`, `ru`, `ar`, `pt-BR`. */
export const languageTag = z
  .string()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { message: 'must be a BCP 47 language tag, e.g. en' })
  .describe('BCP 47 language tag, e.g. en, ru.');

/** ISO 3166-1 alpha-2 country code. */
export const country = z
  .string()
  .regex(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code in capitals, e.g. GB' })
  .superRefine((value, ctx) => {
    if (!/^[A-Z]{2}$/.test(value) || COUNTRY_CODES.has(value)) return;
    const iso = isoCodeFor(value);
    ctx.addIssue({ code: 'custom', message: `"${value}" is not an ISO 3166-1 alpha-2 code${iso ? ` (did you mean "${iso}"?)` : ''}`, params: { rule: 'invalid-format' } });
  })
  .describe('ISO 3166-1 alpha-2 country code, e.g. GB.');

/** Plain text: shown escaped, never interpreted as Markdown or HTML. */
export const text = (description: string) => z.string().min(1, { message: 'must not be empty' }).describe(description);

/** A non-empty list of source ids: a fact nobody published is not a fact on this site. */
export const sources = z
  .array(ref('sources', 'A source id from data/sources.yaml.'))
  .min(1, { message: 'needs at least one source: a fact nobody published is not a fact here' })
  .describe('Source ids (data/sources.yaml) that support this.');

/**
 * The sources behind a registry entry's own facts (owner, country, launch, closing, description).
 * Optional, unlike a record's: an entry that states no fact needs none, and `check` warns
 * (`unsourced-registry-fact`) on one that states facts without any.
 */
export const registrySources = z
  .array(ref('sources', 'A source id from data/sources.yaml.'))
  .min(1, { message: 'must list at least one source, or be left out' })
  .optional()
  .describe("Source ids (data/sources.yaml) behind this entry's facts: owner, country, dates, the description in its notes.");

/**
 * How well a place is known, finest first: the point itself, a named place (a street, a
 * building's block), the city, a region (province, county), or only the country.
 */
export const LOCATION_LEVELS = ['exact', 'place', 'city', 'region', 'country'] as const;
export type LocationLevel = (typeof LOCATION_LEVELS)[number];

/** The grid a `publish` level snaps coordinates to, in degrees (about 1 km, 11 km and 111 km of latitude); `country` snaps to the country's centroid. */
export const LEVEL_GRID_DEGREES: Readonly<Record<Exclude<LocationLevel, 'exact' | 'country'>, number>> = { place: 0.01, city: 0.1, region: 1 };

/** The radius of uncertainty each level implies, in km; a country's is its shape. */
export const LEVEL_RADIUS_KM: Readonly<Record<Exclude<LocationLevel, 'country'>, number>> = { exact: 0.1, place: 1, city: 10, region: 100 };

const listed = (table: Readonly<Record<string, number>>, unit: string) => Object.entries(table).map(([level, value]) => `${level} ${value}${unit}`).join(', ');

/** Whether `a` is a finer level than `b` (`exact` is finer than `city`). */
export const finerThan = (a: LocationLevel, b: LocationLevel): boolean => LOCATION_LEVELS.indexOf(a) < LOCATION_LEVELS.indexOf(b);

export const location = z
  .strictObject({
    place: text('Place name as readers know it.'),
    country,
    lat: z.number().min(-90).max(90).optional().describe('Latitude, WGS 84.'),
    lon: z.number().min(-180).max(180).optional().describe('Longitude, WGS 84.'),
    precision: z.enum(LOCATION_LEVELS).optional().describe(`How well the sources place it: exact (default), place, city, region or country. The map draws it as a radius of uncertainty (${listed(LEVEL_RADIUS_KM, ' km')}) or, for country, the country's shape.`),
    publish: z
      .enum(LOCATION_LEVELS)
      .optional()
      .describe(`The finest level shown publicly (default: the precision; finer is an error). Coarser protects people: the coordinates are snapped to a grid of this level (${listed(LEVEL_GRID_DEGREES, '°')}) or to the country's centroid before anything is written.`),
    uncertainty_km: z.number().positive({ message: 'must be more than 0' }).optional().describe('Radius of uncertainty in km, where the level’s own radius says too much or too little.'),
  })
  .superRefine((place, ctx) => {
    // Half a coordinate cannot be drawn, and is usually the other half forgotten.
    for (const [has, missing] of [['lat', 'lon'], ['lon', 'lat']] as const) {
      if (place[has] !== undefined && place[missing] === undefined) {
        ctx.addIssue({ code: 'custom', path: [has], message: `must come with ${missing}: give both coordinates, or neither`, params: { rule: 'location-coordinates' } });
      }
    }
    const precision = place.precision ?? 'exact';
    if (place.publish && finerThan(place.publish, precision)) {
      ctx.addIssue({
        code: 'custom',
        path: ['publish'],
        message: `must not be finer than the precision "${precision}": a place known to the ${precision} cannot be published as "${place.publish}" (publish ${precision} or coarser)`,
        params: { rule: 'publish-finer-than-precision' },
      });
    }
  })
  .describe('Where it happened.');

export type Location = z.infer<typeof location>;

/** Another value that other sources give, kept side by side instead of silently picking one. */
export const disputedValue = z
  .strictObject({
    field: z.string().describe('The field of this record whose value is disputed.'),
    value: z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), location]).describe('The value the other sources give (a location as a mapping).'),
    sources: z
      .array(ref('sources', 'A source id from data/sources.yaml.'))
      .min(1, { message: 'needs at least one source' })
      .describe('Sources that give this value.'),
    note: z.string().optional().describe('What exactly the sources say, for readers.'),
  })
  .describe('A value that other sources give.');

/**
 * Ids an entry had before it was renamed: the old addresses keep working (a redirect page, a line
 * in `_redirects`, an anchor) and the corrections log follows the entry through the rename.
 */
export const formerly = z
  .array(id)
  .optional()
  .describe('Ids this entry had before it was renamed: their old addresses lead here. An old id may not be reused or claimed twice.');

/** Fields every record and registry entry may carry. */
export const notes = z.string().optional().describe('Free text for editors; may be shown on the site.');
