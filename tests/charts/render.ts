/**
 * Render chart components to HTML in tests: a Vite SSR server with Astro's own plugins compiles
 * the .astro files, and Astro's container API renders them (no pages, no build).
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { getViteConfig } from 'astro/config';
import { createServer, type ViteDevServer } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
let server: ViteDevServer | undefined;

export async function startRenderer(): Promise<{ render: (component: string, props: Record<string, unknown>) => Promise<string>; close: () => Promise<void> }> {
  const config = await getViteConfig({ root, logLevel: 'error', server: { middlewareMode: true, hmr: false, ws: false } }, { root, logLevel: 'error' })({ mode: 'test', command: 'serve' });
  server = await createServer({ ...config, configFile: false });
  const container = await AstroContainer.create();
  return {
    async render(component, props) {
      const mod = (await server!.ssrLoadModule(component)) as { default: Parameters<typeof container.renderToString>[0] };
      return container.renderToString(mod.default, { props });
    },
    close: async () => {
      await server?.close();
      server = undefined;
    },
  };
}
