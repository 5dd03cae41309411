/**
 * The Driftwatch Astro integration: runs the same checks as `npm run check` before `astro build`
 * and `astro dev`, with the same lines. A build with errors stops before rendering anything;
 * `astro dev` keeps serving and re-checks whenever content/ or data/ changes. After a build, it
 * defangs what the pages' free text still names of the defang list (src/safety/last-guard.ts),
 * unless `npm run build` does it, in the process that reads the pages for the search index.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { DataProblemsError, formatProblem, hasErrors, type Problem } from '../data/problems.ts';
import { publishBuildContext, searchHandoffFile } from '../site/env.ts';
import { projectDir } from '../site/paths.ts';
import { invalidateProject, loadProject } from '../site/project.ts';
import { defangSite } from '../safety/last-guard.ts';
import { changesSince, summary, type Shown } from './dev-report.ts';
import { movedPages, redirectsFile } from '../site/redirects.ts';
import { refuseLinksAndPipes } from './served-files.ts';
import { targetFile } from './search.ts';
import { embedPagesWritten } from '../components/embed-pages.ts';
import { LARGE_SITE_LIST_LIMIT, LARGE_SITE_RECORDS, listLimitOf, publishedRecordCount } from '../data/queries.ts';
import { formatCount } from '../data/counts.ts';
import { showDrafts } from '../site/drafts.ts';
import type { ProjectData } from '../check/project-data.ts';

function print(problems: readonly Problem[], logger: AstroIntegrationLogger): void {
  for (const problem of problems) {
    if (problem.severity === 'error') logger.error(formatProblem(problem));
    else logger.warn(formatProblem(problem));
  }
}

/**
 * What a site past LARGE_SITE_RECORDS records is told when data/site.yaml leaves
 * `recordListLimit` unset: its pages count past LARGE_SITE_LIST_LIMIT records, and how to list
 * every one. Undefined for any other site.
 */
export function largeSiteNote(data: ProjectData, includeDrafts: boolean): string | undefined {
  if (data.site.recordListLimit !== undefined) return undefined;
  const published = publishedRecordCount(data, { includeDrafts });
  if (listLimitOf(undefined, published) === undefined) return undefined;
  const records = `${formatCount(published)} records${includeDrafts ? ' (drafts included)' : ''}`;
  // The addresses that go are said: a site that grows past the size loses them on that build.
  return `${records}, more than ${formatCount(LARGE_SITE_RECORDS)}: pages list at most ${LARGE_SITE_LIST_LIMIT} records each and count the rest, so that the site stays within static hosts' limits (an incident with more has no card per record and no JSON file of its own, a month with more no page of its own); recordListLimit in data/site.yaml sets another number, or "all" (docs/scale.md)`;
}

export default function driftwatch(): AstroIntegration {
  let root = process.cwd();
  /** What the terminal has shown, so a re-check prints only what changed. */
  let shown: Shown = new Map();
  let base = '/';
  /** Astro's root and the folder it serves as the site's root (public/). */
  let served = { root: '', publicDir: '' };
  return {
    name: 'driftwatch',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        root = projectDir(config.root);
        base = config.base;
        served = { root: fileURLToPath(config.root), publicDir: config.publicDir && fileURLToPath(config.publicDir) };
        // Where the pages read data/ from, and build-time code finds src/ and node_modules/.
        publishBuildContext({ command, projectDir: root, astroRoot: fileURLToPath(config.root) });
        invalidateProject(root);
        // A build with errors stops here. Its error is the whole report, as `npm run check` prints
        // it; logged as well, every line would show twice.
        const { problems, data } = loadProject(root);
        if (command === 'build' && hasErrors(problems)) throw new DataProblemsError(problems);
        const first = changesSince(new Map(), problems);
        print(first.added, logger);
        shown = first.shown;
        const counted = largeSiteNote(data, showDrafts());
        if (counted) logger.info(counted);
      },
      'astro:build:done': async ({ dir, logger }) => {
        // The old addresses of renamed pages, for hosts that redirect by file (after a _redirects of public/, if any).
        const redirects = join(fileURLToPath(dir), '_redirects');
        const own = existsSync(redirects) ? `${readFileSync(redirects, 'utf8').trimEnd()}\n\n` : '';
        writeFileSync(redirects, own + redirectsFile(movedPages(loadProject(root).data), base));
        // Under `npm run build`, the process that reads every page for the search index defangs
        // them as it reads them, once this one has exited (src/integration/search.ts, SearchFeed):
        // one read of each page instead of two. Only if the search integration has said where the
        // pages go: without it, nothing would.
        const handoff = searchHandoffFile();
        if (handoff && existsSync(targetFile(handoff))) return;
        // Before the search index and the weights read the pages (integrations run in order), and
        // once the incidents' embed pages are all written (src/components/embed-pages.ts).
        await embedPagesWritten();
        const changed = defangSite(fileURLToPath(dir), loadProject(root).data.site.defang);
        if (changed > 0) logger.info(`defanged addresses in the text of ${changed} page${changed === 1 ? '' : 's'}`);
      },
      'astro:server:setup': ({ server, logger }) => {
        // Ahead of Vite's own middleware: a link or a pipe in public/, content/ or data/ is refused as the build refuses it.
        if (served.publicDir) server.middlewares.use(refuseLinksAndPipes({ ...served, base }));
        // public/ too: a link or a pipe added there is an error of the check, shown on every page.
        const watched = /[\\/](content|data|public)[\\/]/;
        const data = join(root, 'data') + sep;
        /** A file under data/ changed since the last report: nothing of Astro's sees that, so the browser is told here. */
        let dataSaved = false;
        const report = () => {
          const { problems, data } = loadProject(root);
          const changes = changesSince(shown, problems);
          shown = changes.shown;
          print(changes.added, logger);
          logger.info(summary(changes, problems));
          // data/ is in no content collection (src/content.config.ts says why): after a save there,
          // the open page loads again, with the new data or the checker's report.
          if (dataSaved) server.environments.client.hot.send({ type: 'full-reload', path: '*' });
          dataSaved = false;
        };
        let settling: ReturnType<typeof setTimeout> | undefined;
        const recheck = (file: string) => {
          if (!watched.test(file)) return;
          if (file.startsWith(data)) dataSaved = true;
          // Only this file is read again; the rules across files run over what was kept of the others.
          invalidateProject(root, file);
          // One save can come as several events (a file emptied, then written): the terminal is told
          // once they settle, so they cost one check. A page asked for meanwhile checks at once.
          clearTimeout(settling);
          settling = setTimeout(report, 50);
        };
        // content/, data/ and public/ may live outside the Astro root (DRIFTWATCH_PROJECT).
        server.watcher.add([`${root}/content`, `${root}/data`, `${root}/public`]);
        server.watcher.on('change', recheck);
        server.watcher.on('add', recheck);
        server.watcher.on('unlink', recheck);
      },
    },
  };
}
