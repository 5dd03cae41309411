/**
 * Content collections: the MDX write-ups and pages, through Astro's glob loader (so Astro renders
 * them), and data/site.yaml as the one-entry `site` collection.
 *
 * The data/ registries and records are not collections: src/data/site.ts takes them straight from
 * the checker's result (src/data/project.ts), which every build computes once anyway. Copying
 * 100,000 records into Astro's data store, serialising it and copying it back out per
 * `getCollection` cost time and memory for nothing.
 */
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { z } from 'zod';
import { dateToEdtf } from './data/dates.ts';
import { invalidateProject, loadProject } from './data/project.ts';
import { projectDir } from './data/paths.ts';
import { incidentSchema, pageSchema, siteSchema } from './schema/index.ts';

/**
 * data/site.yaml as a collection of one entry, `site`. In `astro dev` it also watches data/: an
 * edit there re-reads the project and touches this entry, so the browser reloads with the new data.
 */
function settingsLoader(): Loader {
  return {
    name: 'driftwatch-site',
    load: async ({ store, config, watcher }) => {
      const dir = projectDir(config.root);
      let revision = 0;
      const fill = () => {
        store.clear();
        store.set({ id: 'site', data: loadProject(dir).data.site as unknown as Record<string, unknown>, digest: `${revision++}` });
      };
      fill();
      watcher?.add(`${dir}/data`);
      watcher?.on('change', (file) => {
        if (file.startsWith(`${dir}/data`)) {
          invalidateProject(dir);
          fill();
        }
      });
    },
  };
}

/** Astro's frontmatter parser turns unquoted dates into Date objects; give the schema the EDTF text back. */
// The project folder the integration resolved from Astro's root (src/integration/index.ts); else
// from the folder Astro runs in.
const dir = process.env.DRIFTWATCH_PROJECT_DIR ?? projectDir(process.cwd());

const withEdtfDates = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => {
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, v instanceof Date ? dateToEdtf(v) : v]));
  }, schema);

export const collections = {
  incidents: defineCollection({
    loader: glob({ pattern: '**/*.{md,mdx}', base: `${dir}/content/incidents` }),
    schema: withEdtfDates(incidentSchema),
  }),
  pages: defineCollection({
    loader: glob({ pattern: '**/*.{md,mdx}', base: `${dir}/content/pages` }),
    schema: pageSchema,
  }),
  site: defineCollection({ loader: settingsLoader(), schema: siteSchema }),
};
