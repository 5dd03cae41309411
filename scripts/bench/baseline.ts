/**
 * The bare-Astro baseline: a minimal Astro project with the same MDX write-ups as a generated
 * Driftwatch site, rendered through one content collection and one route, with no data, no
 * charts, no feeds and no search. It uses this repository's node_modules through a symlink.
 *
 * The write-ups' components (`<Cite>`, `<Record>`, `<Timeline>`) become empty stubs, so the MDX
 * is compiled exactly as written.
 *
 * Two flavours: `plain` is issue 7's baseline, Astro's default Markdown processor (the native
 * Sätteri); `gfm` compiles the same MDX through the Markdown pipeline the brief fixes for
 * Driftwatch (`unified()` with `remark-gfm`, smart punctuation off, as in astro.config.mjs), so
 * the bench can tell what the stack costs from what Driftwatch adds on top of it.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { GeneratedSite } from './generate.ts';

export type BaselineKind = 'plain' | 'gfm';

const CONFIGS: Record<BaselineKind, string> = {
  plain: `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({ site: 'https://baseline.example', build: { format: 'directory' }, integrations: [mdx()] });
`,
  gfm: `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';

export default defineConfig({
  site: 'https://baseline.example',
  build: { format: 'directory' },
  markdown: { processor: unified({ smartypants: false, remarkPlugins: [remarkGfm] }) },
  integrations: [mdx()],
});
`,
};

const FILES: Record<string, string> = {
  'package.json': `${JSON.stringify({ name: 'bench-baseline', private: true, type: 'module' }, null, 2)}\n`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

export const collections = {
  incidents: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: './content/incidents' }), schema: z.object({ title: z.string() }).passthrough() }),
  pages: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: './content/pages' }), schema: z.object({ title: z.string() }).passthrough() }),
};
`,
  'src/components/Stub.astro': `---
const { id } = Astro.props;
---
<span data-stub={id}><slot /></span>
`,
  'src/layouts/Base.astro': `---
const { title } = Astro.props;
---
<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width" /><title>{title}</title></head>
  <body><main><slot /></main></body>
</html>
`,
  'src/pages/incidents/[slug].astro': `---
import { getCollection, render } from 'astro:content';
import Base from '../../layouts/Base.astro';
import Stub from '../../components/Stub.astro';

export async function getStaticPaths() {
  return (await getCollection('incidents')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<Base title={entry.data.title}><h1>{entry.data.title}</h1><Content components={{ Cite: Stub, Record: Stub, Timeline: Stub }} /></Base>
`,
  'src/pages/[slug].astro': `---
import { getCollection, render } from 'astro:content';
import Base from '../layouts/Base.astro';

export async function getStaticPaths() {
  return (await getCollection('pages')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<Base title={entry.data.title}><h1>{entry.data.title}</h1><Content /></Base>
`,
  'src/pages/index.astro': `---
import { getCollection } from 'astro:content';
import Base from '../layouts/Base.astro';
const incidents = await getCollection('incidents');
---
<Base title="Baseline"><ul>{incidents.map((e) => <li><a href={\`/incidents/\${e.id}/\`}>{e.data.title}</a></li>)}</ul></Base>
`,
};

/** Writes the baseline project of `kind` into `dir` (emptied first), with the MDX of `site`. */
export function writeBaseline(dir: string, site: GeneratedSite, repo: string, kind: BaselineKind = 'plain'): void {
  rmSync(dir, { recursive: true, force: true });
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write('astro.config.mjs', CONFIGS[kind]);
  for (const [path, text] of Object.entries(FILES)) write(path, text);
  for (const [path, text] of site.files) if (path.startsWith('content/')) write(path, text);
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
}
