/**
 * The check `astro dev` keeps between saves (src/check/cache.ts) against a check from nothing,
 * over random sequences of saves: whatever was saved, in whatever order, the two give the same
 * problems, data and id locations. tests/check/cache.test.ts walks one sequence by hand; this
 * draws many, over the things the kept check must notice: a write-up renamed, published, drafted,
 * its frontmatter broken, its prose and citations; a record left unfilled or moved to another
 * write-up; a source renamed under its citations; a record file added, or duplicating an id.
 *
 * Seeded, so a failure reproduces (fast-check prints the seed and the shrunk sequence).
 * DRIFTWATCH_FUZZ_RUNS (and DRIFTWATCH_FUZZ_SEED) for a long run.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markStale, newCheckCache } from '../../src/check/cache.ts';
import { checkProject, type CheckResult } from '../../src/check/validate.ts';
import { fixture, FIXTURES, removeFixture } from '../helpers/fixture.ts';

const RUNS = Number(process.env.DRIFTWATCH_FUZZ_RUNS) || 100;
const SEED = Number(process.env.DRIFTWATCH_FUZZ_SEED) || 20_261_203;

/** What the sequence changes; every file below is written from it. */
interface State {
  /** The write-up's file name: the records list it by this. */
  name: 'incident-one' | 'incident-uno';
  status: 'unset' | 'draft' | 'published';
  frontmatter: 'readable' | 'broken';
  sentences: number;
  cites: boolean;
  recordTitle: 'filled' | 'todo';
  /** The write-up the attack record lists. */
  listed: 'incident-one' | 'incident-uno';
  sourceId: 'post-1' | 'post-2';
  extra: 'absent' | 'new-record' | 'duplicate-id';
}

const START: State = { name: 'incident-one', status: 'unset', frontmatter: 'readable', sentences: 0, cites: false, recordTitle: 'filled', listed: 'incident-one', sourceId: 'post-1', extra: 'absent' };

const base = (file: string) => readFileSync(join(FIXTURES, 'minimal', file), 'utf8');
const WRITEUP = base('content/incidents/incident-one.mdx');
const RECORDS = base('data/records/main.yaml');
const SOURCES = base('data/sources.yaml');

/** Every file the state decides, by path; null for a file that must not exist. */
function filesOf(state: State): Record<string, string | null> {
  let writeUp = WRITEUP;
  if (state.status !== 'unset') writeUp = writeUp.replace('title: Incident one', `title: Incident one\nstatus: ${state.status}`);
  if (state.frontmatter === 'broken') writeUp = writeUp.replace('title: Incident one', 'title: [Incident one');
  writeUp += Array.from({ length: state.sentences }, (_, i) => `\nSentence ${i + 1}.\n`).join('');
  if (state.cites) writeUp += '\nAs the channel said.<Cite id="post-1" />\n';
  const attack = RECORDS.indexOf('- id: claim-1');
  let records = RECORDS.slice(0, attack).replace('incidents: [incident-one]', `incidents: [${state.listed}]`) + RECORDS.slice(attack);
  if (state.recordTitle === 'todo') records = records.replace('title: An attack', 'title: TODO the title');
  const extra = { absent: null, 'new-record': 'extra-1', 'duplicate-id': 'attack-1' }[state.extra];
  return {
    'content/incidents/incident-one.mdx': state.name === 'incident-one' ? writeUp : null,
    'content/incidents/incident-uno.mdx': state.name === 'incident-uno' ? writeUp : null,
    'data/records/main.yaml': records,
    'data/sources.yaml': SOURCES.replace('- id: post-1', `- id: ${state.sourceId}`),
    'data/records/extra.yaml': extra && `- id: ${extra}\n  kind: statement\n  date: '2019-12-03'\n  title: Extra\n  actor: islamic-state\n  sources: [news-1]\n  incidents: [incident-one]\n`,
  };
}

/** Writes what changed from `before` to `after`; the files written, as the dev server's watcher names them. */
function save(dir: string, before: State, after: State): string[] {
  const [old, next] = [filesOf(before), filesOf(after)];
  return Object.keys(next).filter((file) => {
    if (old[file] === next[file] && (next[file] === null) === !existsSync(join(dir, file))) return false;
    const text = next[file] ?? null;
    if (text === null) rmSync(join(dir, file), { force: true });
    else writeFileSync(join(dir, file), text);
    return true;
  });
}

const view = (result: CheckResult) => ({
  problems: result.problems,
  data: result.data,
  locations: [...result.locations].map(([key, entry]) => [key, entry.file, entry.value]),
});

const change: fc.Arbitrary<Partial<State>> = fc.oneof(
  fc.record({ name: fc.constantFrom('incident-one', 'incident-uno') } as const),
  fc.record({ status: fc.constantFrom('unset', 'draft', 'published') } as const),
  fc.record({ frontmatter: fc.constantFrom('readable', 'broken') } as const),
  fc.record({ sentences: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ cites: fc.boolean() }),
  fc.record({ recordTitle: fc.constantFrom('filled', 'todo') } as const),
  fc.record({ listed: fc.constantFrom('incident-one', 'incident-uno') } as const),
  fc.record({ sourceId: fc.constantFrom('post-1', 'post-2') } as const),
  fc.record({ extra: fc.constantFrom('absent', 'new-record', 'duplicate-id') } as const),
);

describe('a kept check, over random sequences of saves', () => {
  it('gives what a check from nothing gives after every save, told the files or not', () => {
    fc.assert(
      fc.property(fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }), fc.boolean(), (saves, told) => {
        const dir = fixture('minimal');
        try {
          let state = START;
          save(dir, { ...START, extra: 'new-record' }, START);
          const cache = newCheckCache();
          expect(view(checkProject(dir, cache))).toEqual(view(checkProject(dir)));
          for (const edits of saves) {
            const next = Object.assign({ ...state }, ...edits) as State;
            const written = save(dir, state, next);
            state = next;
            if (told) for (const file of written) markStale(cache, file);
            else markStale(cache);
            expect(view(checkProject(dir, cache))).toEqual(view(checkProject(dir)));
          }
        } finally {
          removeFixture(dir);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
