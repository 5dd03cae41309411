/**
 * Former ids (`formerly`): each old address must lead to one place. An old id that is an id again
 * now, or that two entries claim, would send readers (and the redirect of its old URL) two ways.
 * Rules: `formerly-reused`, `formerly-claimed-twice`.
 */
import type { Entry } from '../../data/files.ts';
import type { Registry } from '../../schema/index.ts';
import { NAMES, problemAt, type CheckContext } from '../context.ts';
import type { DataIds } from './ids.ts';
import type { ProjectFiles } from './read.ts';

type WithId = { id: string; entry: Entry };

const withIds = (entries: Entry[]): WithId[] =>
  entries.flatMap((entry) => {
    const id = (entry.value as { id?: unknown }).id;
    return typeof id === 'string' ? [{ id, entry }] : [];
  });

/** The former ids of the data's registries and records. */
export function checkFormerDataIds(ctx: CheckContext, files: ProjectFiles, ids: DataIds['ids']): void {
  for (const registry of ['platforms', 'actors', 'sources', 'records'] as const) checkRegistry(ctx, registry, withIds(files[registry]), ids[registry]);
}

/** The former ids of write-ups, whose id is their file name. */
export function checkFormerIncidentIds(ctx: CheckContext, files: ProjectFiles, slugs: ReadonlySet<string>): void {
  checkRegistry(ctx, 'incidents', files.incidents.flatMap((file) => (file.parsed.entries[0] ? [{ id: file.slug, entry: file.parsed.entries[0] }] : [])), slugs);
}

/** One registry's former ids, against the ids it has now (`current`). */
function checkRegistry(ctx: CheckContext, registry: Registry, entries: WithId[], current: ReadonlySet<string>): void {
  const name = NAMES[registry];
  const claimed = new Map<string, { id: string; entry: Entry; index: number }>();
  for (const { id, entry } of entries) {
    const formerly = (entry.value as { formerly?: unknown }).formerly;
    if (!Array.isArray(formerly)) continue;
    for (const [index, old] of formerly.entries()) {
      if (typeof old !== 'string') continue; // the schema says what is wrong with it
      if (current.has(old)) {
        const what = old === id ? 'its own id' : `the id of ${name} "${old}" now`;
        ctx.problems.push(problemAt(entry, ['formerly', index], `former ${name} id "${old}" is ${what}: an old id may not be used again, its old address leads here`, 'formerly-reused'));
        continue;
      }
      const first = claimed.get(old);
      if (first) {
        const at = first.entry.locate(['formerly', first.index]);
        const who = first.id === id ? 'already, earlier in the list' : `by ${name} "${first.id}" too (${first.entry.file}:${at.line}:${at.col})`;
        ctx.problems.push(problemAt(entry, ['formerly', index], `former ${name} id "${old}" is claimed ${who}: its old address can lead to one place only`, 'formerly-claimed-twice'));
        continue;
      }
      claimed.set(old, { id, entry, index });
    }
  }
}
