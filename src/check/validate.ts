/**
 * Validation of a whole project: every rule of docs/checks.md, every problem in one run. The
 * rules live in rules/, one module per concern; this runs them in order, each on what the
 * earlier ones found. The order is the order of the report before sorting, and later rules
 * rely on earlier ones (references need every id, warnings need every citation).
 */
import type { CheckCache } from './cache.ts';
import { newContext } from './context.ts';
import type { CheckResult } from './project-data.ts';
import { checkActorParents, checkRecordRules } from './rules/across-records.ts';
import { checkDisputes } from './rules/disputes.ts';
import { checkFormerIds } from './rules/formerly.ts';
import { collectIds } from './rules/ids.ts';
import { everyLocationProblem } from './rules/locations.ts';
import { checkMdxUse } from './rules/mdx-use.ts';
import { readProject } from './rules/read.ts';
import { checkDataReferences, referenceChecker } from './rules/references.ts';
import { checkRegistryFacts } from './rules/registry-facts.ts';
import { validateData, validateWriteUps } from './rules/schemas.ts';
import { checkWarnings } from './rules/warnings.ts';

export type { CheckResult, Incident, Page, ProjectData } from './project-data.ts';

/**
 * Every problem of the project at `root`, and the data that passed. With `cache` (cache.ts), what
 * the last check with it read and judged of files that have not changed since is taken from it.
 */
export function checkProject(root: string, cache?: CheckCache): CheckResult {
  const ctx = newContext(root, cache);
  // 1. Read every file, with positions.
  if (cache) cache.fresh = 0;
  const files = readProject(ctx);
  // Not one file changed, came or went since the last check with this cache: its result again.
  const read = cache ? JSON.stringify([files.listed, ctx.problems]) : '';
  if (cache?.last && cache.fresh === 0 && cache.last.read === read) return cache.last.result;
  // 2. Each entry against its schema; disputes against their record's fields.
  const valid = validateData(ctx, files);
  const disputed = checkDisputes(ctx, files.records, valid);
  const written = validateWriteUps(ctx, files);
  // 3. Ids, then every reference to them: in data, then in MDX bodies (with their other rules).
  const ids = collectIds(ctx, files);
  checkFormerIds(ctx, files, ids);
  const refs = referenceChecker(ctx, ids);
  checkDataReferences(refs, ctx, files, valid, disputed);
  const named = checkMdxUse(ctx, refs, [...files.incidents, ...files.pages], written, { defang: valid.site.defang, locations: ids.locations });
  // 4. Rules across records and actors; places against their countries.
  checkRecordRules(ctx, files.records);
  ctx.problems.push(...everyLocationProblem([...valid.records, ...written.incidents]));
  checkActorParents(ctx, valid.actors);
  // 5. Warnings.
  checkWarnings(ctx, { listed: files.listed, sources: valid.sources, incidents: written.incidents, records: files.records, cited: refs.cited, named, writeUps: files.incidents });
  checkRegistryFacts(ctx, { platforms: valid.platforms, actors: valid.actors });
  const result: CheckResult = {
    // One YAML mistake can make the parser say the same thing twice.
    problems: [...new Map(ctx.problems.map((p) => [`${p.file}:${p.line}:${p.col}:${p.message}`, p])).values()],
    locations: ids.locations,
    data: {
      site: valid.site,
      platforms: valid.platforms.map((p) => p.value),
      actors: valid.actors.map((a) => a.value),
      sources: valid.sources.map((s) => s.value),
      records: valid.records.map((r) => r.value),
      incidents: written.incidents.map((i) => i.value),
      pages: written.pages,
    },
  };
  if (cache) cache.last = { read, result };
  return result;
}
