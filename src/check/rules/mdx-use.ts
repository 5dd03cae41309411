/**
 * What write-ups and pages do in their bodies: components by known names with valid props and
 * ids that exist, no code, no HTML that could run or load anything, links to http(s) only. Also
 * hands each write-up the sources it cites, read in the same scan. Rules: `syntax`, `mdx-code`,
 * `unsafe-html`, `bad-url`, `unknown-component`, `missing-field`, and the props' own.
 */
import type { Entry } from '../../data/files.ts';
import { COMPONENT_NAMES, componentProps, type ComponentName } from '../../schema/mdx-props.ts';
import { blockNestingPast, mayNestInline } from '../../data/mdx-nesting.ts';
import { citedIds, htmlProblems, scanMdxRecovering, unsafeMarkdownLinks, type ComponentUse, type MdxScan } from '../../data/mdx-scan.ts';
import { objectShape } from '../../schema/introspect.ts';
import type { Problem } from '../../data/problems.ts';
import { copies, perEntry } from '../cache.ts';
import { newContext, prefixingProblems, type CheckContext } from '../context.ts';
import { issuesToProblems } from '../issues.ts';
import { scanSimpleComponents } from '../mdx-fast.ts';
import type { Incident, Page } from '../project-data.ts';
import { didYouMean } from '../suggest.ts';
import { hasUnfilled } from '../unfilled.ts';
import type { MdxFile } from './read.ts';
import type { ReferenceChecker } from './references.ts';
import type { Validated } from './schemas.ts';

/**
 * The components a body uses. Its syntax errors are reported, each at its place; past a stray `{`
 * or `<` the scan reads on, so the rest of the file is still checked in the same run.
 */
function scan(ctx: CheckContext, { file, parsed }: MdxFile): MdxScan & { whole: boolean } {
  // The quick scan reads no nesting: a body that may nest deep is parsed, and its depth judged.
  const simple = blockNestingPast(parsed.body) === undefined && !mayNestInline(parsed.body) ? scanSimpleComponents(parsed.body, parsed.bodyLine) : undefined;
  if (simple) return { uses: simple, code: [], links: [], whole: true };
  try {
    const { scan: read, errors } = scanMdxRecovering(parsed.body, parsed.bodyLine);
    for (const error of errors) ctx.problems.push({ file, ...error.at, severity: 'error', message: error.message, rule: error.rule });
    return { ...read, whole: errors.every((error) => error.stray !== undefined) };
  } catch (error) {
    ctx.problems.push({ file, line: parsed.bodyLine, col: 1, severity: 'error', message: `MDX could not read this write-up: ${(error as Error).message}`, rule: 'syntax' });
    return { uses: [], code: [], links: [], whole: false };
  }
}

/** What a component's props are found to be against their schema, before the ids they name are looked up. */
function propsProblems(use: ComponentUse, schema: (typeof componentProps)[ComponentName], entry: Entry): Problem[] {
  const result = schema.safeParse(use.props);
  if (result.success) return [];
  // A prop written as code has its own error (mdx-code): not a second one for its value.
  const computed = (issue: { path: PropertyKey[] }) => issue.path[0] !== undefined && String(issue.path[0]) in use.props && use.props[String(issue.path[0])] === undefined;
  return issuesToProblems(result.error.issues.filter((issue) => !computed(issue)), entry, () => Object.keys(objectShape(schema)));
}

/** One component: its name, its props against their schema (kept with the file's scan), the ids they name. */
function checkComponent(ctx: CheckContext, refs: ReferenceChecker, file: string, use: ComponentUse, kept: Map<ComponentUse, Problem[]>): void {
  if (!(COMPONENT_NAMES as string[]).includes(use.name)) {
    const known = COMPONENT_NAMES.map((n) => `<${n}>`).join(', ');
    ctx.problems.push({ file, ...use.at, severity: 'error', message: `unknown component <${use.name}>${didYouMean(use.name, COMPONENT_NAMES)}; write-ups can use ${known}`, rule: 'unknown-component' });
    return;
  }
  if (use.name === 'Defang' && use.props.url === undefined && !use.text.trim()) {
    ctx.problems.push({ file, ...use.at, severity: 'error', message: '<Defang> shows nothing: give the address as url="…" or between the tags, <Defang>https://…</Defang>', rule: 'missing-field' });
  }
  const schema = componentProps[use.name as ComponentName];
  const entry: Entry = { file, value: use.props, locate: (path) => use.propAt[String(path[0])] ?? use.at };
  let props = kept.get(use);
  if (!props) kept.set(use, (props = propsProblems(use, schema, entry)));
  const found = props;
  prefixingProblems(ctx, (message) => `<${use.name}>: ${message.replace(/\bfield\b/, 'prop')}`, () => {
    ctx.problems.push(...copies(found));
    refs.check(schema, entry);
  });
}

/**
 * A `<Record id>` in an incident's write-up whose record does not list the incident: the page,
 * its charts and its record list leave the record out, while the text names it.
 */
function checkRecordInIncident(ctx: CheckContext, file: string, slug: string, use: ComponentUse, locations: ReadonlyMap<string, Entry>): void {
  const id = use.props.id;
  const entry = typeof id === 'string' ? locations.get(`records:${id}`) : undefined;
  if (!entry) return; // unknown ids are told by the references
  const listed = (entry.value as { incidents?: unknown }).incidents;
  if (Array.isArray(listed) && (listed.includes(slug) || listed.some(hasUnfilled))) return;
  const at = entry.locate(Array.isArray(listed) ? ['incidents'] : ['id']);
  const message = `<Record>: record "${id}" does not list "${slug}" under "incidents", so this incident's page, charts and record list leave it out; add "${slug}" to its incidents (${entry.file}:${at.line}:${at.col})`;
  ctx.problems.push({ file, ...(use.propAt.id ?? use.at), severity: 'warning', message, rule: 'record-not-in-incident' });
}

/** The record ids the bodies name with `<Record>`; `undefined` when a body could not be read to its end, and might name more. */
export function checkMdxUse(
  ctx: CheckContext,
  refs: ReferenceChecker,
  mdxFiles: MdxFile[],
  written: { incidents: Validated<Incident>[]; pages: Page[] },
  { defang, locations }: { defang: readonly string[]; locations: ReadonlyMap<string, Entry> },
): Set<string> | undefined {
  const named = new Set<string>();
  let whole = true;
  const incidentFiles = new Set(written.incidents.map(({ value }) => value.file));
  const citingByFile = new Map<string, { citations: string[] }>([
    ...written.incidents.map((incident) => [incident.value.file, incident.value] as const),
    ...written.pages.map((page) => [page.file, page] as const),
  ]);
  for (const mdx of mdxFiles) {
    if (!mdx.parsed.entries[0]) {
      whole = false; // a write-up whose frontmatter could not be read may name records too
      continue;
    }
    // A body unchanged since the last check (the same entry, cache.ts) is not scanned again.
    const { scanned, problems, props } = perEntry(ctx.cache, 'mdx-scan', mdx.parsed.entries[0], undefined, () => {
      const found = newContext(ctx.root);
      return { scanned: scan(found, mdx), problems: found.problems, props: new Map<ComponentUse, Problem[]>() };
    });
    ctx.problems.push(...copies(problems));
    whole &&= scanned.whole;
    const { file, parsed } = mdx;
    const citing = citingByFile.get(file);
    if (citing) citing.citations = citedIds(scanned.uses);
    for (const problem of [...scanned.code, ...htmlProblems(scanned.uses), ...unsafeMarkdownLinks(scanned.links, defang)]) {
      ctx.problems.push({ file, ...problem.at, severity: ('severity' in problem && problem.severity) || 'error', message: problem.message, rule: problem.rule });
    }
    // Lower-case names are HTML elements, judged above.
    for (const use of scanned.uses) if (!/^[a-z]/.test(use.name)) checkComponent(ctx, refs, file, use, props);
    for (const use of scanned.uses) {
      if (use.name !== 'Record' || typeof use.props.id !== 'string') continue;
      named.add(use.props.id);
      if (incidentFiles.has(file)) checkRecordInIncident(ctx, file, mdx.slug, use, locations);
    }
  }
  return whole ? named : undefined;
}
