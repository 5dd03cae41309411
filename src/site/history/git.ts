/**
 * What the corrections log needs from git, through its plumbing commands: where the project sits
 * in its repository, the commits that touched the data, the files each changed, and the files'
 * contents on either side. Every call is one `git` process for many commits, not one per commit.
 */
import { execFileSync } from 'node:child_process';

export interface Repository {
  /** The repository's top folder. */
  top: string;
  /** The project folder inside it, with a trailing slash ('' at the top). */
  prefix: string;
}

export interface Commit {
  hash: string;
  /** The first parent ('' for a root commit). */
  parent: string;
  /** Committer date, ISO 8601 in UTC. */
  date: string;
  message: string;
}

export interface FileChange {
  /** A (added), M (modified), D (deleted), R (renamed), … */
  status: string;
  /** Path before (differs from `path` for a rename), relative to the repository. */
  from: string;
  path: string;
}

/** Output can be the history of a large data set: let it be large. */
const MAX_BUFFER = 1 << 30;

function git(top: string, args: string[], input?: string): Buffer {
  return execFileSync('git', ['-C', top, '-c', 'core.quotePath=false', ...args], { input, maxBuffer: MAX_BUFFER, stdio: ['pipe', 'pipe', 'pipe'] });
}

export type Availability = { repository: Repository } | { missing: 'no-git' | 'shallow' };

/** The repository holding `root`, or why there is no history to read (not a repository; a shallow clone). */
export function repositoryOf(root: string): Availability {
  let lines: string[];
  try {
    lines = git(root, ['rev-parse', '--show-toplevel', '--show-prefix', '--is-shallow-repository', '--verify', 'HEAD']).toString('utf8').split('\n');
  } catch {
    return { missing: 'no-git' };
  }
  const [top, prefix, shallow] = lines;
  if (shallow === 'true') return { missing: 'shallow' };
  return { repository: { top: top!, prefix: prefix ?? '' } };
}

/** The commits (merges left out: their changes are their parents') that touched `paths`, oldest first. */
export function commitsTouching(repo: Repository, paths: string[]): Commit[] {
  const out = git(repo.top, ['log', '--no-merges', '--reverse', '--format=%H%x1f%P%x1f%cI%x1f%B%x1e', '--', ...paths]).toString('utf8');
  return out
    .split('\x1e')
    .map((chunk) => chunk.replace(/^\n/, ''))
    .filter((chunk) => chunk.length > 0)
    .map((chunk) => {
      const [hash, parents, date, message] = chunk.split('\x1f');
      const utc = new Date(date!).toISOString().replace(/\.\d{3}Z$/, 'Z');
      return { hash: hash!, parent: parents!.split(' ')[0] ?? '', date: utc, message: message!.trim() };
    });
}

/** The files under `paths` each commit changed against its first parent, renames detected. */
export function filesChanged(repo: Repository, commits: readonly string[], paths: string[]): Map<string, FileChange[]> {
  const changes = new Map<string, FileChange[]>(commits.map((hash) => [hash, []]));
  if (commits.length === 0) return changes;
  const tokens = git(repo.top, ['diff-tree', '--stdin', '--root', '-r', '-M', '--name-status', '-z', '--', ...paths], `${commits.join('\n')}\n`).toString('utf8').split('\0');
  let current: FileChange[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!.replace(/^\n/, '');
    if (token === '') continue;
    if (/^[0-9a-f]{40,64}$/.test(token) && changes.has(token)) {
      current = changes.get(token);
    } else if (current) {
      const status = token[0]!;
      if (status === 'R' || status === 'C') {
        current.push({ status, from: tokens[i + 1]!, path: tokens[i + 2]! });
        i += 2;
      } else {
        current.push({ status, from: tokens[i + 1]!, path: tokens[i + 1]! });
        i += 1;
      }
    }
  }
  return changes;
}

/** The contents of `<commit>:<path>` for each request (undefined where there is no such file), in one `git cat-file`. */
export function contentsAt(repo: Repository, requests: ReadonlyArray<{ commit: string; path: string }>): Array<string | undefined> {
  if (requests.length === 0) return [];
  const out = git(repo.top, ['cat-file', '--batch'], `${requests.map((r) => `${r.commit}:${r.path}`).join('\n')}\n`);
  const contents: Array<string | undefined> = [];
  let at = 0;
  for (let n = 0; n < requests.length; n++) {
    const headerEnd = out.indexOf(10, at);
    const header = out.toString('utf8', at, headerEnd);
    at = headerEnd + 1;
    const size = / blob (\d+)$/.exec(header)?.[1];
    if (size === undefined) {
      contents.push(undefined); // "<name> missing", or not a file
      const other = / \w+ (\d+)$/.exec(header)?.[1];
      if (other !== undefined) at += Number(other) + 1;
      continue;
    }
    contents.push(out.toString('utf8', at, at + Number(size)));
    at += Number(size) + 1;
  }
  return contents;
}
