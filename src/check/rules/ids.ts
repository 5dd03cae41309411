/**
 * Ids: unique within each registry, record ids unique across every record file; the file names
 * of write-ups and pages, which are their ids and addresses. Rules: `duplicate-id`, `bad-id`.
 */
import type { Entry } from '../../data/files.ts';
import { ID_PATTERN } from '../../schema/common.ts';
import type { Registry } from '../../schema/index.ts';
import { fileProblem, NAMES, problemAt, type CheckContext } from '../context.ts';
import type { Problem } from '../../data/problems.ts';
import { RESERVED_PAGE_NAMES } from '../project-files.ts';
import type { MdxFile, ProjectFiles } from './read.ts';

export interface Ids {
  /** Every id written, valid or not, by registry. */
  ids: Record<Registry, Set<string>>;
  /** Where each id was first written, as `registry:id`. */
  locations: Map<string, Entry>;
}

/** Why the file name of a write-up or page cannot be its id and address, if it cannot. */
export function fileNameProblem({ name, file, slug }: MdxFile, kind: 'incident' | 'page'): Problem | undefined {
  if (!ID_PATTERN.test(slug)) {
    const what = kind === 'incident' ? "the incident's id and URL" : "the page's URL";
    return fileProblem(file, `file name "${name}" must be a lower-case kebab-case slug: it is ${what}`, 'bad-id');
  }
  if (kind === 'page' && RESERVED_PAGE_NAMES.includes(slug)) return fileProblem(file, `/${slug}/ is an address the site itself uses: give the page another file name`, 'bad-id');
  return undefined;
}

/** The ids of the data's registries and records, and where each was first written. */
export type DataIds = { ids: Omit<Ids['ids'], 'incidents'>; locations: Ids['locations'] };

export function collectDataIds(ctx: CheckContext, files: ProjectFiles): DataIds {
  const locations = new Map<string, Entry>();
  const idsOf = (registry: Registry, entries: Entry[]): Set<string> => {
    const ids = new Set<string>();
    for (const entry of entries) {
      const id = (entry.value as { id?: unknown }).id;
      if (typeof id !== 'string') continue;
      ids.add(id);
      const first = locations.get(`${registry}:${id}`);
      if (first) {
        const at = first.locate(['id']);
        ctx.problems.push(problemAt(entry, ['id'], `duplicate ${NAMES[registry]} id "${id}" (first defined at ${first.file}:${at.line}:${at.col})`, 'duplicate-id'));
      } else {
        locations.set(`${registry}:${id}`, entry);
      }
    }
    return ids;
  };
  const ids = {
    platforms: idsOf('platforms', files.platforms),
    actors: idsOf('actors', files.actors),
    sources: idsOf('sources', files.sources),
    records: idsOf('records', files.records),
  };
  return { ids, locations };
}

/** Every id: the data's, and the write-ups', which are their file names. */
export function withIncidentIds({ ids, locations }: DataIds, files: ProjectFiles): Ids {
  return { ids: { ...ids, incidents: new Set(files.incidents.map((i) => i.slug)) }, locations };
}
