/**
 * Content collections: the MDX write-ups and free pages, through Astro's glob loader, so that
 * Astro renders them.
 *
 * Nothing of data/ is a collection: src/site/index.ts takes the site's settings, the registries and
 * the records straight from the checker's result (src/site/project.ts), which every build computes
 * once anyway. In Astro's data store they were validated a second time, serialised into its cache
 * and into the bundle of the pages, and copied back out per `getCollection`: at 1,000 write-ups
 * the 5,000 sources were two fifths of the store (docs/performance.md). In `astro dev` the
 * integration reloads the browser after a save under data/ (src/integration/index.ts).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'zod';
import { dateToEdtf } from './schema/edtf.ts';
import { siteProjectDir } from './site/paths.ts';
import { incidentSchema, pageSchema } from './schema/index.ts';

// The project folder the integration resolved from Astro's root (src/integration/index.ts); else
// from the folder Astro runs in.
const dir = siteProjectDir();

/** Astro's frontmatter parser turns unquoted dates into Date objects; give the schema the EDTF text back. */
const withEdtfDates = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => {
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, v instanceof Date ? dateToEdtf(v) : v]));
  }, schema);

export const collections = {
  incidents: defineCollection({
    loader: glob({ pattern: '**/*.mdx', base: `${dir}/content/incidents` }),
    schema: withEdtfDates(incidentSchema),
  }),
  pages: defineCollection({
    loader: glob({ pattern: '**/*.mdx', base: `${dir}/content/pages` }),
    schema: pageSchema,
  }),
};
