/**
 * The Starlight baseline: the same MDX write-ups published with the tool a research team would
 * otherwise pick, Starlight (Astro's documentation theme, Pagefind search built in), in its
 * default setup: one docs collection, the sidebar generated from the pages, search on.
 *
 * Its packages are pinned (starlightPackages) and installed from the npm registry into one
 * project folder in the bench's work folder, once (`npm install` again only when the pins
 * change); each size rewrites that project's pages. (A project linking the packages from
 * elsewhere does not build: Vite then leaves Starlight's own modules unbundled, and Node cannot
 * load their `astro:` imports.) The write-ups' components (`<Cite>`,
 * `<Record>`, `<Timeline>`) become one empty stub, imported at the top of each file, so the MDX
 * compiles as written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { GeneratedSite } from './generate.ts';

/** Astro as Driftwatch has it (so both build with the same Astro), Starlight's latest 0.42. */
export function starlightPackages(repo: string): Record<string, string> {
  const astro = JSON.parse(readFileSync(join(repo, 'node_modules/astro/package.json'), 'utf8')) as { version: string };
  return { astro: astro.version, '@astrojs/starlight': '0.42.4' };
}

/** Installs the pinned packages into the project `dir` unless they are there already. Returns an error message, or undefined. */
export function installStarlight(dir: string, repo: string, log: (line: string) => void): string | undefined {
  const packages = starlightPackages(repo);
  const manifest = `${JSON.stringify({ name: 'bench-starlight', private: true, type: 'module', dependencies: packages }, null, 2)}\n`;
  const installed = join(dir, 'node_modules/@astrojs/starlight/package.json');
  if (existsSync(installed) && existsSync(join(dir, 'package.json')) && readFileSync(join(dir, 'package.json'), 'utf8') === manifest) return undefined;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), manifest);
  log(`installing ${Object.entries(packages).map(([n, v]) => `${n}@${v}`).join(' ')} from the npm registry into ${dir}…`);
  const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'], { cwd: dir, encoding: 'utf8', env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH}` } });
  if (npm.status !== 0) return `npm install failed (${npm.status}): ${(npm.stderr || npm.stdout || '').trim().split('\n').slice(-5).join(' | ')}`;
  return undefined;
}

const CONFIG = `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  site: 'https://starlight.example',
  integrations: [starlight({ title: 'Bench' })],
});
`;

const CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`;

const STUB = `---
const { id } = Astro.props;
---
<span data-stub={id}><slot /></span>
`;

/** The components the generated write-ups use, each imported as the stub. */
const COMPONENTS = ['Cite', 'Record', 'Timeline'];

/** An MDX file with the stub imports after its frontmatter; `depth` folders below src/content/docs. */
function withStubs(text: string, depth: number): string {
  const up = '../'.repeat(depth + 2);
  const imports = COMPONENTS.map((name) => `import ${name} from '${up}components/Stub.astro';`).join('\n');
  const end = text.startsWith('---\n') ? text.indexOf('\n---\n', 4) : -1;
  if (end < 0) return `${imports}\n\n${text}`;
  return `${text.slice(0, end + 5)}\n${imports}\n${text.slice(end + 5)}`;
}

/** Writes the pages of `site` into the installed Starlight project `dir`, replacing those of an earlier size. */
export function writeStarlight(dir: string, site: GeneratedSite): void {
  for (const old of ['src', 'dist', '.astro', 'node_modules/.astro', 'node_modules/.vite']) rmSync(join(dir, old), { recursive: true, force: true });
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write('astro.config.mjs', CONFIG);
  write('src/content.config.ts', CONTENT_CONFIG);
  write('src/components/Stub.astro', STUB);
  write('src/content/docs/index.mdx', '---\ntitle: Bench\n---\n\nThe same write-ups as the Driftwatch site of this size.\n');
  for (const [path, text] of site.files) {
    const incident = /^content\/incidents\/(.+\.mdx)$/.exec(path);
    const page = /^content\/pages\/(.+\.mdx)$/.exec(path);
    if (incident) write(`src/content/docs/incidents/${incident[1]}`, withStubs(text, 1));
    else if (page) write(`src/content/docs/${page[1]}`, withStubs(text, 0));
  }
}

/** Where a write-up is served in the Starlight project, and the file an editor would change. */
export const starlightIncident = (slug: string) => ({ path: `/incidents/${slug}/`, file: `src/content/docs/incidents/${slug}.mdx` });
