/**
 * The corrections log: every change git knows of in data/ and content/incidents/, read once per
 * commit. The changes of each commit are kept in a cache file by commit hash, so a rebuild reads
 * only the commits made since (a commit never changes; a rewritten history has new hashes).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { MDX_DIRS } from '../../check/project-files.ts';
import { commitChanges, entriesOf, type Change, type Entries } from './diff.ts';
import { commitsTouching, contentsAt, filesChanged, repositoryOf, type Commit, type Repository } from './git.ts';

export type { Change } from './diff.ts';

export type History =
  | { available: true; changes: Change[]; commits: number }
  /** Why there is no history: no git repository (or no commit), or a shallow clone without the past. */
  | { available: false; reason: 'no-git' | 'shallow' };

/** Bump when the shape of Change or how it is computed changes: older caches are then ignored. */
const CACHE_FORMAT = 1;

interface CacheFile {
  format: number;
  commits: Record<string, Change[]>;
}

function readCache(file: string): CacheFile['commits'] {
  try {
    const cache = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    return cache.format === CACHE_FORMAT ? cache.commits : {};
  } catch {
    return {};
  }
}

function writeCache(file: string, commits: CacheFile['commits']): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify({ format: CACHE_FORMAT, commits } satisfies CacheFile));
    renameSync(`${file}.tmp`, file);
  } catch {
    // A cache that cannot be written costs time on the next build, nothing else.
  }
}

/** Commits read together: one git process for the file lists and one for the contents of each batch. */
const BATCH = 200;

function readCommits(repo: Repository, paths: string[], commits: Commit[]): Map<string, Change[]> {
  const found = new Map<string, Change[]>();
  for (let start = 0; start < commits.length; start += BATCH) {
    const batch = commits.slice(start, start + BATCH);
    const files = filesChanged(repo, batch.map((c) => c.hash), paths);
    // Each changed file before (at the first parent; nothing for a root commit) and after. A
    // commit that only added files changed nothing that was there: its files are not read.
    const requests: Array<{ commit: string; path: string }> = [];
    const ask = (commit: string, path: string) => (commit ? requests.push({ commit, path }) - 1 : -1);
    const asked = batch.map((commit) => {
      const changed = files.get(commit.hash) ?? [];
      if (!commit.parent || changed.every((file) => file.status === 'A')) return [];
      return changed.map((file) => ({ file, old: file.status === 'A' ? -1 : ask(commit.parent, file.from), now: file.status === 'D' ? -1 : ask(commit.hash, file.path) }));
    });
    const contents = contentsAt(repo, requests);
    const project = (path: string) => path.slice(repo.prefix.length);
    for (const [n, commit] of batch.entries()) {
      const before: Entries = new Map();
      const after: Entries = new Map();
      for (const { file, old, now } of asked[n]!) {
        const [oldText, newText] = [old < 0 ? undefined : contents[old], now < 0 ? undefined : contents[now]];
        const oldEntries = oldText === undefined ? new Map() : entriesOf(project(file.from), oldText);
        const newEntries = newText === undefined ? new Map() : entriesOf(project(file.path), newText);
        // One side unreadable (a syntax error then): this file says nothing about this commit.
        if (!oldEntries || !newEntries) continue;
        for (const [key, value] of oldEntries) before.set(key, value);
        for (const [key, value] of newEntries) after.set(key, value);
      }
      found.set(commit.hash, commitChanges(commit, before, after));
    }
  }
  return found;
}

/** The project's history of changes, newest first; `cacheFile` keeps what earlier builds read. */
export function readHistory(root: string, cacheFile: string): History {
  const where = repositoryOf(root);
  if ('missing' in where) return { available: false, reason: where.missing };
  const repo = where.repository;
  const paths = [`${repo.prefix}data`, `${repo.prefix}${MDX_DIRS.incidents}`];
  const commits = commitsTouching(repo, paths);
  const cached = readCache(cacheFile);
  const unread = commits.filter((c) => !(c.hash in cached));
  const read = readCommits(repo, paths, unread);
  const kept: CacheFile['commits'] = {};
  for (const commit of commits) kept[commit.hash] = cached[commit.hash] ?? read.get(commit.hash) ?? [];
  if (unread.length > 0) writeCache(cacheFile, kept);
  const changes = commits.toReversed().flatMap((commit) => kept[commit.hash]!);
  return { available: true, changes, commits: commits.length };
}
