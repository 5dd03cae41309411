/**
 * What `tsc` needs to read the TypeScript that imports Astro components (`src/mdx/index.ts`):
 * Astro 7's client types no longer declare `.astro` modules, which its own checker resolves.
 */
declare module '*.astro' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}
