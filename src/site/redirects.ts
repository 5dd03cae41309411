/**
 * Old addresses of renamed entries (`formerly`): the pages that moved, for the redirect pages at
 * the old paths (src/pages/[...moved].astro) and the `_redirects` file Netlify and Cloudflare
 * Pages read (written after the build by the integration). Records and sources have no pages of
 * their own: their old ids stay as anchors beside the new ones (RecordCard, SourceList).
 */

export interface MovedPage {
  /** The old path, `/incidents/<old>/`. */
  from: string;
  /** Where it is now, `/incidents/<new>/`. */
  to: string;
  /** The title or name now, for the link on the redirect page. */
  title: string;
}

interface Renamable {
  id: string;
  formerly?: string[];
}

export interface MovableData {
  incidents: Array<Renamable & { title: string; status?: string }>;
  platforms: Array<Renamable & { name: string }>;
  actors: Array<Renamable & { name: string }>;
}

/** Every page whose entry was renamed, old path → new path. A draft's old slugs stay unpublished. */
export function movedPages(data: MovableData): MovedPage[] {
  const moved = (folder: string, entries: Array<Renamable & { title: string }>) =>
    entries.flatMap((entry) => (entry.formerly ?? []).map((old) => ({ from: `/${folder}/${old}/`, to: `/${folder}/${entry.id}/`, title: entry.title })));
  return [
    ...moved('incidents', data.incidents.filter((i) => i.status !== 'draft')),
    ...moved('platforms', data.platforms.map((p) => ({ ...p, title: p.name }))),
    ...moved('actors', data.actors.map((a) => ({ ...a, title: a.name }))),
  ];
}

/**
 * `_redirects` (Netlify and Cloudflare Pages): one permanent redirect per moved page, with and
 * without its trailing slash, under the site's base path.
 */
export function redirectsFile(moved: MovedPage[], base: string): string {
  const under = (path: string) => `${base.replace(/\/$/, '')}${path}`;
  const lines = moved.flatMap(({ from, to }) => [`${under(from)} ${under(to)} 301`, `${under(from).slice(0, -1)} ${under(to)} 301`]);
  return `# Old addresses of renamed entries (formerly:), written by the build.\n${lines.map((line) => `${line}\n`).join('')}`;
}
