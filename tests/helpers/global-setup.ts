/**
 * Before a test run: a folder of its own for this run's builds, `.tmp/run-<pid>/` (see
 * tests/helpers/build.ts), handed to the test workers as DRIFTWATCH_TEST_RUN. What earlier runs
 * left is cleared, but never the folder of a run still going: two people, or two terminals, can
 * test in one working folder at once.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export default function setup(): void {
  const tmp = join(import.meta.dirname, '../../.tmp');
  mkdirSync(tmp, { recursive: true });
  for (const name of readdirSync(tmp)) {
    const pid = /^run-(\d+)$/.exec(name)?.[1];
    if (pid === undefined || !alive(Number(pid))) rmSync(join(tmp, name), { recursive: true, force: true });
  }
  const run = join(tmp, `run-${process.pid}`);
  mkdirSync(run, { recursive: true });
  // Workers start after this, with this environment.
  process.env.DRIFTWATCH_TEST_RUN = run;
}
