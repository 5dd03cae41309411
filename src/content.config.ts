/**
 * Content collections: the MDX write-ups and pages, through Astro's glob loader (so Astro renders
 * them); data/site.yaml as the one-entry `site` collection; the registries (platforms, actors,
 * sources) from the checker's validated result.
 *
 * The records are not a collection: src/site/index.ts takes them straight from the checker's result
 * (src/site/project.ts), which every build computes once anyway. Copying 100,000 records into
 * Astro's data store, serialising it and copying it back out per `getCollection` cost time and
 * memory for nothing (docs/performance.md).
 */
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { z } from 'zod';
import { dateToEdtf } from './schema/edtf.ts';
import { invalidateProject, loadProject } from './site/project.ts';
import { projectDir, siteProjectDir } from './site/paths.ts';
import { actorSchema, incidentSchema, pageSchema, platformSchema, siteSchema, sourceSchema } from './schema/index.ts';

type Registry = 'platforms' | 'actors' | 'sources';

/**
 * A collection filled from the checked project: `site` (data/site.yaml, one entry) or a registry.
 * In `astro dev` it also watches data/: an edit there re-reads the project and refills the
 * collection, so the browser reloads with the new data.
 */
function projectLoader(collection: 'site' | Registry): Loader {
  return {
    name: `driftwatch-${collection}`,
    load: async ({ store, config, watcher }) => {
      const dir = projectDir(config.root);
      let revision = 0;
      const fill = () => {
        const { data } = loadProject(dir);
        const entries: [string, object][] = collection === 'site' ? [['site', data.site]] : data[collection].map((entry) => [entry.id, entry]);
        store.clear();
        for (const [id, entry] of entries) store.set({ id, data: entry as Record<string, unknown>, digest: `${revision}` });
        revision++;
      };
      fill();
      watcher?.add(`${dir}/data`);
      watcher?.on('change', (file) => {
        if (file.startsWith(`${dir}/data`)) {
          invalidateProject(dir, file);
          fill();
        }
      });
    },
  };
}

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
  site: defineCollection({ loader: projectLoader('site'), schema: siteSchema }),
  platforms: defineCollection({ loader: projectLoader('platforms'), schema: platformSchema }),
  actors: defineCollection({ loader: projectLoader('actors'), schema: actorSchema }),
  sources: defineCollection({ loader: projectLoader('sources'), schema: sourceSchema }),
};
