/**
 * The project's folders are the boundary of what Driftwatch reads. Only regular files and folders
 * under `content/`, `data/` and `public/` are listed and read: a symbolic link is never followed
 * (one that leaves the project could carry a CI runner's token into the site; one that stays
 * inside is refused too, so that what is published is always what is in the folder), and a named
 * pipe, socket or device is reported without being opened, so nothing ever waits on it.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, realpathSync, type Dirent, type Stats } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { formatLimit } from './limits.ts';
import type { Problem } from './problems.ts';

/** The folders of a project whose files the site reads or publishes. */
export const PROJECT_FOLDERS = ['content', 'data', 'public'] as const;

export interface ProjectListing {
  /** Regular files, project-relative with `/`, sorted. */
  files: string[];
  /** Links and special files, each an error naming its path. */
  problems: Problem[];
}

const atFile = (file: string, message: string, rule: Problem['rule']): Problem => ({ file, line: 1, col: 1, severity: 'error', message, rule });

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** What a symbolic link at `path` is, in words, without reading what it leads to. */
function linkProblem(root: string, file: string): Problem {
  let target: string | undefined;
  try {
    target = realpathSync(join(root, file));
  } catch {
    // A link to nothing, or a loop of links.
  }
  const where = target === undefined ? 'that leads nowhere' : isInside(realpathSync(root), target) ? 'elsewhere in the project' : 'outside the project';
  const what = target === undefined ? 'a symbolic link' : `a symbolic link to a ${lstatSync(target).isDirectory() ? 'folder' : 'file'}`;
  return atFile(file, `${what} ${where}: Driftwatch never reads it; put the ${what.endsWith('folder') ? 'folder' : 'file'} itself here`, 'symlink');
}

function specialKind(entry: Dirent | Stats): string {
  if (entry.isFIFO()) return 'a named pipe';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

const specialProblem = (file: string, kind: string) => atFile(file, `${kind}, not a file: Driftwatch never opens it; put a regular file here`, 'special-file');

/** Every regular file under the project's folders, and a problem for each link or special file. */
export function listProject(root: string): ProjectListing {
  const files: string[] = [];
  const problems: Problem[] = [];
  for (const top of PROJECT_FOLDERS) {
    let stats: Stats;
    try {
      stats = lstatSync(join(root, top));
    } catch {
      continue; // a project need not have every folder
    }
    if (stats.isSymbolicLink()) {
      problems.push(linkProblem(root, top));
      continue;
    }
    if (!stats.isDirectory()) continue;
    // Depth first, without recursion: however deep the folders, no stack to run out of.
    const folders: string[] = [top];
    for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
      for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
        const file = `${folder}/${entry.name}`;
        if (entry.isSymbolicLink()) problems.push(linkProblem(root, file));
        else if (entry.isDirectory()) folders.push(file);
        else if (entry.isFile()) files.push(file);
        else problems.push(specialProblem(file, specialKind(entry)));
      }
    }
  }
  return { files: files.sort(), problems: problems.sort((a, b) => a.file.localeCompare(b.file)) };
}

/**
 * The problem `listProject` reports for `file` (project-relative, with `/`) or for a folder on its
 * way: a symbolic link, or a named pipe, socket or device. Found without following a link or
 * opening anything; undefined for a regular file or folder reached through folders only, or when
 * there is nothing at that path (a normalised path: no `..`). The dev server asks it of every file
 * of content/, data/ and public/ it would serve (src/integration/served-files.ts).
 */
export function pathProblem(root: string, file: string): Problem | undefined {
  const parts = file.split('/').filter((part) => part !== '' && part !== '.');
  for (let i = 1; i <= parts.length; i++) {
    const path = parts.slice(0, i).join('/');
    let stats: Stats;
    try {
      stats = lstatSync(join(root, path));
    } catch {
      return undefined; // nothing there
    }
    if (stats.isSymbolicLink()) return linkProblem(root, path);
    if (stats.isFile()) return undefined; // the file itself, or a file where a folder was named: nothing to serve beyond it
    if (!stats.isDirectory()) return specialProblem(path, specialKind(stats));
  }
  return undefined;
}

/**
 * The bytes of a file that `listProject` listed, or the problem that keeps it unread. Opened
 * without following a link and without blocking, then judged by what was opened (so a file
 * swapped for a link or a pipe since the listing is refused all the same); a file over `maxBytes`
 * is not read at all.
 */
export function readProjectFile(root: string, file: string, maxBytes: number): { bytes: Buffer } | { problem: Problem } {
  let fd: number;
  try {
    fd = openSync(join(root, file), constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return { problem: linkProblem(root, file) };
    return { problem: atFile(file, `this file cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, 'special-file') };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { problem: specialProblem(file, specialKind(stats)) };
    if (stats.size > maxBytes) {
      return { problem: atFile(file, `this file has ${formatLimit(stats.size)} bytes, more than the ${formatLimit(maxBytes)} a file may have: split it`, 'file-size') };
    }
    return { bytes: readFileSync(fd) };
  } finally {
    closeSync(fd);
  }
}
