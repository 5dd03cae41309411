/**
 * Content collections. The MDX write-ups and pages use Astro's glob loader (so Astro renders
 * them); the data/ registries and records come from the Driftwatch checker, which has already
 * validated them with positions, so the collections hold exactly what `npm run check` accepted.
 */
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { z } from 'zod';
import { dateToEdtf } from './data/dates.ts';
import { invalidateProject, loadProject } from './data/project.ts';
import { projectDir } from './data/paths.ts';
import type { ProjectData } from './check/validate.ts';
import { actorSchema, incidentSchema, pageSchema, platformSchema, recordSchema, siteSchema, sourceSchema } from './schema/index.ts';

type DataCollection = 'platforms' | 'actors' | 'sources' | 'records';

function projectLoader(collection: DataCollection): Loader {
  return {
    name: `driftwatch-${collection}`,
    load: async ({ store, config, watcher }) => {
      const dir = projectDir(config.root);
      const fill = () => {
        const { data } = loadProject(dir);
        store.clear();
        for (const item of data[collection] as ProjectData[DataCollection]) {
          store.set({ id: item.id, data: item as unknown as Record<string, unknown> });
        }
      };
      fill();
      // In `astro dev`, an edit to data/ refreshes the collection (the integration re-checks first).
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

/** data/site.yaml as a collection of one entry, `site`. */
function settingsLoader(): Loader {
  return {
    name: 'driftwatch-site',
    load: async ({ store, config }) => {
      store.clear();
      store.set({ id: 'site', data: loadProject(projectDir(config.root)).data.site as unknown as Record<string, unknown> });
    },
  };
}

/** Astro's frontmatter parser turns unquoted dates into Date objects; give the schema the EDTF text back. */
// Resolved when Astro loads this file, from the folder it runs in (the project root).
const dir = projectDir(process.cwd());

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
  platforms: defineCollection({ loader: projectLoader('platforms'), schema: platformSchema }),
  actors: defineCollection({ loader: projectLoader('actors'), schema: actorSchema }),
  sources: defineCollection({ loader: projectLoader('sources'), schema: sourceSchema }),
  records: defineCollection({ loader: projectLoader('records'), schema: recordSchema }),
};
