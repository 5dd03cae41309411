/**
 * Former ids (`formerly`): each old address must lead to one place. An old id that is an id again
 * now, or that two entries claim, would send readers (and the redirect of its old URL) two ways.
 * Rules: `formerly-reused`, `formerly-claimed-twice`.
 */
import type { Entry } from '../../data/files.ts';
import type { Registry } from '../../schema/index.ts';
import { NAMES, problemAt, type CheckContext } from '../context.ts';
import type { Ids } from './ids.ts';
import type { ProjectFiles } from './read.ts';

/** The entries of each registry, with the id each has (an incident's is its file name). */
function entriesByRegistry(files: ProjectFiles): Array<[Registry, Array<{ id: string; entry: Entry }>]> {
  const withIds = (entries: Entry[]) => entries.flatMap((entry) => {
    const id = (entry.value as { id?: unknown }).id;
    return typeof id === 'string' ? [{ id, entry }] : [];
  });
  return [
    ['platforms', withIds(files.platforms)],
    ['actors', withIds(files.actors)],
    ['sources', withIds(files.sources)],
    ['records', withIds(files.records)],
    ['incidents', files.incidents.flatMap((file) => (file.parsed.entries[0] ? [{ id: file.slug, entry: file.parsed.entries[0] }] : []))],
  ];
}

export function checkFormerIds(ctx: CheckContext, files: ProjectFiles, ids: Ids): void {
  for (const [registry, entries] of entriesByRegistry(files)) {
    const name = NAMES[registry];
    const claimed = new Map<string, { id: string; entry: Entry; index: number }>();
    for (const { id, entry } of entries) {
      const formerly = (entry.value as { formerly?: unknown }).formerly;
      if (!Array.isArray(formerly)) continue;
      for (const [index, old] of formerly.entries()) {
        if (typeof old !== 'string') continue; // the schema says what is wrong with it
        if (ids.ids[registry].has(old)) {
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
}
