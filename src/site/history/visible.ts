/**
 * The corrections log as the site shows it: only changes to what the site publishes (no draft,
 * nothing only a draft holds), each filed under the id its subject has now, however often it was
 * renamed since, and said in words with extremist addresses defanged.
 */
import { formatDate } from '../../data/dates.ts';
import type { SiteData } from '../../data/queries.ts';
import { defangUrlsIn } from '../../safety/defang.ts';
import type { Change, History } from './log.ts';
import type { Subject } from './diff.ts';

export interface ShownChange extends Change {
  /** The subject's id today (its id at the time may have been renamed since). */
  current: string;
  /** Whether the subject is on the site today (a removed one is not). */
  present: boolean;
  /** "date from 2019-11-29 to 2019-11-30", defanged. */
  text: string;
  /** The first line of the commit message, defanged. */
  summary: string;
  /** The day, as readers read it. */
  day: string;
  /** Its id on /changes/: the commit, and its place among the commit's changes. */
  anchor: string;
  /** The /changes/ page that lists it. */
  page: string;
}

/** Changes on one page of /changes/: past this, the list goes on at /changes/2/, … */
export const CHANGES_PER_PAGE = 200;

export const changesPagePath = (number: number) => (number <= 1 ? '/changes/' : `/changes/${number}/`);

export interface SiteHistory {
  available: boolean;
  /** Why not, in a sentence, when it is not available. */
  unavailable?: string;
  /** Newest first. */
  changes: ShownChange[];
  of(subject: Subject, id: string): ShownChange[];
  /** The changes by dataset version (data/site.yaml `version`), newest first. */
  releases: Release[];
}

/**
 * The changes one version brought: those of the commit that set it and of the commits since the
 * version before it. `version` is undefined for the changes made since the last version was set.
 */
export interface Release {
  version?: string;
  /** When the version was set. */
  date?: string;
  day?: string;
  changes: ShownChange[];
}

/** Splits the log (newest first) at the commits that changed `version` in data/site.yaml. */
export function releasesOf(changes: readonly ShownChange[]): Release[] {
  const bumps = new Map(changes.filter((c) => c.subject === 'site' && c.field === 'version' && c.to !== undefined).map((c) => [c.commit, c]));
  const releases: Release[] = [];
  let current: Release | undefined;
  for (const change of changes) {
    const bump = bumps.get(change.commit);
    if (!current || (bump && current.version !== bump.to)) {
      current = bump ? { version: bump.to, date: bump.date, day: bump.day, changes: [] } : { changes: [] };
      releases.push(current);
    }
    // The version bump itself is the section's heading, not one of its changes.
    if (change !== bump) current.changes.push(change);
  }
  return releases;
}

const UNAVAILABLE = {
  'no-git': 'The history of changes is not available: this site was built from a folder that is not a git repository.',
  shallow: 'The history of changes is not available: this site was built from a shallow clone of its repository (fetch the full history: git fetch --unshallow, or fetch-depth: 0 in GitHub Actions).',
} as const;

/** What changed, in words: "date from A to B", "title added: B", "notes removed (were A)", "the text revised". */
export function describeChange(change: Pick<Change, 'kind' | 'field' | 'from' | 'to'>): string {
  if (change.kind === 'removed') return 'removed';
  if (change.kind === 'renamed') return `renamed from ${change.from} to ${change.to}`;
  if (change.field === 'text') return 'the text revised';
  if (change.from === undefined) return `${change.field} added: ${change.to}`;
  if (change.to === undefined) return `${change.field} removed (was ${change.from})`;
  return `${change.field} from ${change.from} to ${change.to}`;
}

export function siteHistory(history: History, data: SiteData): SiteHistory {
  if (!history.available) return { available: false, unavailable: UNAVAILABLE[history.reason], changes: [], of: () => [], releases: [] };
  const domains = data.site.defang;
  const present: Record<Subject, Set<string>> = {
    records: new Set(data.records.map((r) => r.id)),
    incidents: new Set(data.incidents.map((i) => i.id)),
    platforms: new Set(data.platforms.map((p) => p.id)),
    actors: new Set(data.actors.map((a) => a.id)),
    sources: new Set(data.sources.map((s) => s.id)),
    site: new Set(['site']),
  };
  // Renames, newest first: an id renamed twice leads to the last name.
  const renamedTo = new Map<string, string>();
  const key = (subject: Subject, id: string) => `${subject}:${id}`;
  const currentId = (subject: Subject, id: string) => {
    let now = id;
    for (let hops = 0; hops < 100 && renamedTo.has(key(subject, now)); hops++) now = renamedTo.get(key(subject, now))!;
    return now;
  };
  const changes: ShownChange[] = [];
  const perCommit = new Map<string, number>();
  for (const change of history.changes) {
    if (change.kind === 'renamed' && change.from !== undefined && !renamedTo.has(key(change.subject, change.from))) renamedTo.set(key(change.subject, change.from), change.id);
    const current = currentId(change.subject, change.id);
    const shown = present[change.subject].has(current);
    // Gone subjects are listed (a removal is news), unless only a draft held them; a hidden
    // subject that is still here (a draft, a source only drafts cite) is not.
    if (!shown && change.kind !== 'removed') continue;
    if (!shown && change.kind === 'removed' && change.incidents?.length && !change.incidents.some((slug) => present.incidents.has(currentId('incidents', slug)))) continue;
    const nth = (perCommit.get(change.commit) ?? 0) + 1;
    perCommit.set(change.commit, nth);
    changes.push({
      ...change,
      anchor: `change-${change.commit.slice(0, 12)}-${nth}`,
      page: changesPagePath(Math.floor(changes.length / CHANGES_PER_PAGE) + 1),
      current,
      present: shown,
      text: defangUrlsIn(describeChange(change), domains),
      summary: defangUrlsIn(change.reason.split('\n')[0] ?? '', domains),
      day: formatDate(change.date.slice(0, 10)),
    });
  }
  const bySubject = new Map<string, ShownChange[]>();
  for (const change of changes) (bySubject.get(key(change.subject, change.current)) ?? bySubject.set(key(change.subject, change.current), []).get(key(change.subject, change.current))!).push(change);
  return { available: true, changes, of: (subject, id) => bySubject.get(key(subject, id)) ?? [], releases: releasesOf(changes) };
}
