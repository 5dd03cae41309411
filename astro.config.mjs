// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import driftwatch from './src/integration/index.ts';
import files from './src/integration/files.ts';
import search from './src/integration/search.ts';
import weights from './src/integration/weights.ts';
import rehypeSafeLinks from './src/markdown/safe-links.ts';
import { defangDomains } from './src/site/project.ts';
import { projectCacheDir } from './src/site/paths.ts';

// Where the site is served: one setting for links, assets, feeds and search.
// SITE_URL=https://example.org BASE_PATH=/dw/ npm run build
const site = process.env.SITE_URL || 'https://driftwatch.example';
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  site,
  base,
  // Astro's content cache holds one project's entries: each DRIFTWATCH_PROJECT gets its own.
  cacheDir: projectCacheDir(),
  trailingSlash: 'ignore',
  build: {
    format: 'directory',
    // The site runs under a Content-Security-Policy without 'unsafe-inline': no inline <style>.
    inlineStylesheets: 'never',
  },
  // Nothing may reach a third party, not even Astro's own telemetry or prefetching.
  prefetch: false,
  devToolbar: { enabled: false },
  markdown: {
    // Prism marks code with classes; Shiki writes inline styles, which the CSP forbids.
    syntaxHighlight: 'prism',
    processor: unified({
      // Text is printed as written. Smart punctuation rewrote `--`, `...` and quotes inside
      // handles, defanged URLs and quoted statements (`@news--official` became `@news—official`),
      // and its natural-language parse was a quarter of the time spent on each write-up.
      smartypants: false,
      remarkPlugins: [remarkGfm],
      rehypePlugins: [[rehypeSafeLinks, { domains: () => defangDomains(process.cwd()), base }]],
    }),
  },
  vite: {
    build: {
      // Same reason: every script and stylesheet is a file of its own, never inlined.
      assetsInlineLimit: 0,
      rollupOptions: {
        // Astro's MDX pipeline marks modules with a directive the bundler warns about on every
        // build; the warning is about Astro's internals, not about anything an editor wrote.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
  // files() before weights(): the weights count what the worker wrote beside the routes.
  integrations: [driftwatch(), mdx(), files(), search(), weights()],
});
