/**
 * Validation of a whole project: every rule of docs/checks.md, every problem in one run. The
 * rules live in rules/, one module per concern; this runs them in order, each on what the
 * earlier ones found. The order is the order of the report before sorting, and later rules
 * rely on earlier ones (references need every id, warnings need every citation).
 */
import { dataVersion, perDataVersion, type CheckCache, type DataVersion } from './cache.ts';
import { newContext } from './context.ts';
import type { CheckResult } from './project-data.ts';
import { checkActorParents, checkRecordRules } from './rules/across-records.ts';
import { checkDisputes } from './rules/disputes.ts';
import { checkFormerDataIds, checkFormerIncidentIds } from './rules/formerly.ts';
import { collectDataIds, withIncidentIds } from './rules/ids.ts';
import { everyLocationProblem } from './rules/locations.ts';
import { checkMdxUse } from './rules/mdx-use.ts';
import { readProject, type ProjectFiles } from './rules/read.ts';
import { checkDataReferences, checkFrontmatterReferences, referenceChecker, skeletonsOf } from './rules/references.ts';
import { checkRegistryFacts } from './rules/registry-facts.ts';
import { publishedSlugs, validateData, validateWriteUps } from './rules/schemas.ts';
import { checkDataWarnings, checkWarnings } from './rules/warnings.ts';

export type { CheckResult, Incident, Page, ProjectData } from './project-data.ts';

/**
 * The version of the data (cache.ts) for a check with a cache: what the rules over the data read
 * is every data entry, which registries could not be read, and of the write-ups only their slugs
 * (records list them) and which of them are published, as the schemas rule judges it (a record's
 * TODO is an error then; a write-up whose frontmatter cannot be read is not published).
 */
function versionOf(cache: CheckCache | undefined, files: ProjectFiles, unreadable: ReadonlySet<string>): DataVersion | undefined {
  if (!cache) return undefined;
  const entries = [...(files.site ? [files.site] : []), ...files.platforms, ...files.actors, ...files.sources, ...files.records];
  const writeUps = [files.incidents.map(({ slug }) => slug), [...publishedSlugs(files)]];
  return dataVersion(cache, entries, JSON.stringify([[...unreadable].sort(), writeUps]));
}

/**
 * Every problem of the project at `root`, and the data that passed. With `cache` (cache.ts), what
 * the last check with it read and judged of files that have not changed since is taken from it,
 * and the rules over the data alone are not run again while the data is what it was.
 */
export function checkProject(root: string, cache?: CheckCache): CheckResult {
  const ctx = newContext(root, cache);
  // 1. Read every file, with positions.
  if (cache) cache.fresh = 0;
  const files = readProject(ctx);
  // Not one file changed, came or went since the last check with this cache: its result again.
  const read = cache ? JSON.stringify([files.listed, ctx.problems]) : '';
  if (cache?.last && cache.fresh === 0 && cache.last.read === read) return cache.last.result;
  // The rules over the data alone run once per version of the data: after a save to a write-up,
  // what they gave last time is taken again, without a pass over every record.
  const version = versionOf(cache, files, ctx.unreadable);
  const overData = <T>(step: string, run: () => T): T => perDataVersion(ctx, version, step, run);
  // 2. Each entry against its schema; disputes against their record's fields.
  const valid = overData('schemas', () => validateData(ctx, files));
  const disputed = overData('disputes', () => checkDisputes(ctx, files.records, valid));
  const written = validateWriteUps(ctx, files);
  // 3. Ids, then every reference to them: in data, then in frontmatter and MDX bodies (with their other rules).
  const dataIds = overData('ids', () => {
    const found = collectDataIds(ctx, files);
    checkFormerDataIds(ctx, files, found.ids);
    return found;
  });
  const ids = withIncidentIds(dataIds, files);
  checkFormerIncidentIds(ctx, files, ids.ids.incidents);
  const skeletons = overData('skeletons', () => skeletonsOf(ctx, ids.locations));
  const citedByData = overData('references', () => {
    const refs = referenceChecker(ctx, ids, skeletons);
    checkDataReferences(refs, ctx, files, valid, disputed);
    return refs.cited;
  });
  const refs = referenceChecker(ctx, ids, skeletons);
  for (const id of citedByData) refs.cited.add(id);
  checkFrontmatterReferences(refs, files);
  const named = checkMdxUse(ctx, refs, [...files.incidents, ...files.pages], written, { defang: valid.site.defang, locations: ids.locations });
  // 4. Rules across records and actors; places against their countries.
  overData('records', () => {
    checkRecordRules(ctx, files.records);
    ctx.problems.push(...everyLocationProblem(valid.records));
    checkActorParents(ctx, valid.actors);
  });
  ctx.problems.push(...everyLocationProblem(written.incidents));
  // 5. Warnings.
  const records = overData('warnings', () => {
    checkRegistryFacts(ctx, { platforms: valid.platforms, actors: valid.actors });
    return checkDataWarnings(ctx, valid.sources, files.records);
  });
  checkWarnings(ctx, { listed: files.listed, sources: valid.sources, incidents: written.incidents, records, cited: refs.cited, named, writeUps: files.incidents });
  const data = overData('data', () => ({
    site: valid.site,
    platforms: valid.platforms.map((p) => p.value),
    actors: valid.actors.map((a) => a.value),
    sources: valid.sources.map((s) => s.value),
    records: valid.records.map((r) => r.value),
  }));
  const result: CheckResult = {
    // One YAML mistake can make the parser say the same thing twice.
    problems: [...new Map(ctx.problems.map((p) => [`${p.file}:${p.line}:${p.col}:${p.message}`, p])).values()],
    locations: ids.locations,
    data: { ...data, incidents: written.incidents.map((i) => i.value), pages: written.pages },
  };
  if (cache) cache.last = { read, result };
  return result;
}
