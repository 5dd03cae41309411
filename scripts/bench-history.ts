/**
 * `node scripts/bench-history.ts [--records 100000] [--incidents 1000] [--changed 1000]`
 *
 * The corrections log at scale: a synthetic site (scripts/bench/generate.ts) committed to a
 * scratch git repository, then a commit that changes the title of `--changed` records spread over
 * the record files, then one that changes a single record. Times reading the history (src/site/
 * history/log.ts) cold (no cache), warm (every commit cached: what every rebuild pays), and after
 * one new commit (what a rebuild after an edit pays), with the changes found and the cache's size.
 * See docs/performance.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readArgs } from '../src/commands/args.ts';
import { readHistory } from '../src/site/history/log.ts';
import { generateSite, writeSite } from './bench/generate.ts';

const { values } = readArgs({ options: { records: { type: 'string', default: '100000' }, incidents: { type: 'string', default: '1000' }, changed: { type: 'string', default: '1000' } } });
const [records, incidents, changed] = [Number(values.records), Number(values.incidents), Number(values.changed)];
const dir = mkdtempSync(join(tmpdir(), 'dw-bench-history-'));
const env = { ...process.env, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.org', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.org' };
const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env, maxBuffer: 1 << 30 });
const commit = (message: string) => {
  git('add', '-A');
  git('commit', '-q', '-m', message);
};
const time = <T>(run: () => T): [T, number] => {
  const start = performance.now();
  const result = run();
  return [result, Math.round(performance.now() - start)];
};

try {
  writeSite(dir, generateSite({ incidents, records, seed: 7 }));
  git('init', '-q', '-b', 'main');
  commit('Generated data');

  // Titles changed in every record file, `changed` of them in all, as one correction.
  const recordsDir = join(dir, 'data/records');
  const files = readdirSync(recordsDir).map((name) => join(recordsDir, name));
  let left = changed;
  for (const [i, file] of files.entries()) {
    const share = Math.ceil(left / (files.length - i));
    let n = 0;
    const text = readFileSync(file, 'utf8').replace(/^(  title: |[a-z]+-\d+,[^,]+,"?)/gm, (head) => (n++ < share ? `${head}Corrected ` : head));
    left -= Math.min(share, n);
    writeFileSync(file, text);
  }
  commit(`Correct ${changed} titles`);
  const cache = join(dir, '.cache/history.json');
  const [cold, coldMs] = time(() => readHistory(dir, cache));
  const [, warmMs] = time(() => readHistory(dir, cache));
  const last = files.at(-1)!;
  writeFileSync(last, readFileSync(last, 'utf8').replace(/Corrected /, 'Corrected again '));
  commit('Correct one title again');
  const [after, incrementalMs] = time(() => readHistory(dir, cache));
  const found = (h: ReturnType<typeof readHistory>) => (h.available ? h.changes.length : 0);
  const row = {
    records,
    recordFiles: files.length,
    changesFound: found(cold),
    coldMs,
    warmMs,
    oneNewCommitMs: incrementalMs,
    changesAfter: found(after),
    cacheKiB: Math.round(statSync(cache).size / 1024),
  };
  console.log(JSON.stringify(row));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
