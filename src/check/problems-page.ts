/**
 * `astro dev` with errors in content/ or data/: every page answers with the checker's report
 * instead (src/middleware.ts), the lines `npm run check` prints, so an editor sees in the
 * browser what to fix, where. No page renders meanwhile: a write-up with code in braces would
 * otherwise run it, and a broken record would be silently missing from the page.
 */
import { escapeHtmlAttribute, escapeHtmlText } from '../safety/escape.ts';
import { compareProblems, formatProblem, type Problem } from '../data/problems.ts';

/** The report as a page; `viteClient` is the dev server's script, which reloads the page once a file is saved. */
export function problemsPage(problems: readonly Problem[], viteClient: string): string {
  const errors = problems.filter((p) => p.severity === 'error').sort(compareProblems);
  const count = `${errors.length} error${errors.length === 1 ? '' : 's'}`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${count} in content/ and data/ · Driftwatch</title>
<script type="module" src="${escapeHtmlAttribute(viteClient)}"></script></head>
<body>
<main>
<h1>${count} in content/ and data/</h1>
<p>The site is not shown until ${errors.length === 1 ? 'it is' : 'they are'} fixed: this page reloads when you save. The same lines are in the terminal, and in <code>npm run check</code>.</p>
<ol>
${errors.map((p) => `<li><pre>${escapeHtmlText(formatProblem(p))}</pre></li>`).join('\n')}
</ol>
</main>
</body>
</html>
`;
}
