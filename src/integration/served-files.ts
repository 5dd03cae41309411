/**
 * `astro dev` only: the project's files as the build takes them. Vite's dev server serves public/
 * as the site's root, and any file under Astro's root by its path (`/data/sources.yaml`,
 * `/public/x?raw`, `/@fs/<root>/…`); it follows a symbolic link (`public/x -> /etc/passwd`, or a
 * link to a folder outside the project) and opens a named pipe, which leaves the request, and a
 * thread of the server, waiting forever. `npm run check` and the build refuse both in `content/`,
 * `data/` and `public/` (`symlink`, `special-file`: src/data/project-fs.ts). This middleware, ahead
 * of Vite's own, answers 404 to any request that reaches a file there that is, or lies behind, a
 * link, or is a pipe, socket or device, with the check's line for it; nothing is opened or followed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { pathProblem, PROJECT_FOLDERS } from '../data/project-fs.ts';
import { formatProblem, type Problem } from '../data/problems.ts';

export interface ServedFolders {
  /** Astro's root: the check's lines name files from here (`public/x`). */
  root: string;
  /** The folder Vite serves as the site's root: `<root>/public`. */
  publicDir: string;
  /** The site's base path (`/`, `/dw/`). */
  base: string;
}

const inside = (folder: string, path: string) => {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

const posix = (path: string) => path.split(sep).join('/');

function decoded(pathname: string): string[] {
  try {
    const text = decodeURIComponent(pathname);
    return text === pathname ? [pathname] : [pathname, text];
  } catch {
    return [pathname];
  }
}

/** The problem of a file under public/, or under content/, data/ or public/ of Astro's root, if `file` (absolute) is one. */
function fileProblem(file: string, { root, publicDir }: ServedFolders): Problem | undefined {
  if (inside(publicDir, file)) {
    const from = inside(root, publicDir) ? root : dirname(publicDir);
    return pathProblem(from, posix(relative(from, file)));
  }
  if (!inside(root, file)) return undefined;
  const rel = posix(relative(root, file));
  return (PROJECT_FOLDERS as readonly string[]).includes(rel.split('/')[0]!) ? pathProblem(root, rel) : undefined;
}

/**
 * The problem of the file a request reaches, if any: as a file of public/ (`/x`, under the base
 * path or not), by its path under Astro's root (`/public/x`, `/data/x?raw`), or by its absolute
 * path (`/@fs/<root>/public/x`); its path as sent and decoded.
 */
export function servedProblem(url: string, folders: ServedFolders): Problem | undefined {
  const pathname = url.replace(/[?#].*$/s, '');
  const prefix = folders.base.replace(/\/?$/, '/');
  for (const path of decoded(pathname)) {
    const paths = prefix !== '/' && path.startsWith(prefix) ? [path, `/${path.slice(prefix.length)}`] : [path];
    const files = paths.flatMap((p) => [join(folders.publicDir, p), join(folders.root, p), ...(p.startsWith('/@fs/') ? [p.slice('/@fs'.length)] : [])]);
    for (const file of files) {
      const problem = fileProblem(file, folders);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** The middleware: 404 and the check's line for such a file, else on to Vite. */
export function refuseLinksAndPipes(folders: ServedFolders): (request: IncomingMessage, response: ServerResponse, next: () => void) => void {
  return (request, response, next) => {
    const problem = request.url === undefined ? undefined : servedProblem(request.url, folders);
    if (!problem) return next();
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
    response.end(`${formatProblem(problem)}\n`);
  };
}
