/** The bench's reading of what else the machine did during a build (scripts/bench/measure.ts). */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { procStatSeconds, run } from '../../scripts/bench/measure.ts';

describe('procStatSeconds', () => {
  it('reads busy and stolen seconds from the first line of /proc/stat, in USER_HZ ticks', () => {
    const stat = 'cpu  1000 50 300 90000 120 7 13 25 0 0\ncpu0 500 25 150 45000 60 3 6 12 0 0\nintr 1 2 3\n';
    // user 1000 + nice 50 + system 300 + irq 7 + softirq 13 = 1370 ticks; idle and iowait are not busy.
    expect(procStatSeconds(stat)).toEqual({ busy: 13.7, steal: 0.25 });
  });

  it('gives nothing for what it cannot read', () => {
    expect(procStatSeconds('')).toBeUndefined();
    expect(procStatSeconds('cpu  1 2 3\n')).toBeUndefined();
    expect(procStatSeconds('cpu  a b c d e f g h\n')).toBeUndefined();
  });

  it.runIf(process.platform === 'linux')('reads this machine’s', () => {
    const now = procStatSeconds(readFileSync('/proc/stat', 'utf8'));
    expect(now?.busy).toBeGreaterThan(0);
    expect(now?.steal).toBeGreaterThanOrEqual(0);
  });
});

describe('run', () => {
  it.runIf(process.platform === 'linux')('counts the CPU another process spends meanwhile as the rest of the machine’s', async () => {
    // The command sleeps; a loop in a second process, not the command's child, keeps one core busy.
    const { spawn } = await import('node:child_process');
    const busy = spawn(process.execPath, ['-e', 'const end = Date.now() + 1500; while (Date.now() < end);']);
    const result = await run(process.execPath, ['-e', 'setTimeout(() => {}, 1200)'], { cwd: process.cwd() });
    busy.kill();
    expect(result.code).toBe(0);
    // Without GNU time the command's own CPU is unknown, and so is the rest: nothing is claimed.
    if (!existsSync('/usr/bin/time')) return expect(result.othersCpuSeconds).toBeUndefined();
    expect(result.othersCpuSeconds).toBeGreaterThan(0.8);
    expect(result.stealSeconds).toBeGreaterThanOrEqual(0);
  });

  it.runIf(process.platform === 'linux')('counts a child the command kills and never waits for, as npm run build does Pagefind’s service', async () => {
    // The command's child keeps a core busy; the command kills it after 1 s and exits at once, so
    // no one it ran waits for it: GNU time alone does not count its second.
    const script = [
      "const { spawn } = require('node:child_process');",
      "const child = spawn(process.execPath, ['-e', 'for (;;);'], { stdio: 'ignore' });",
      'setTimeout(() => { child.kill(); process.exit(0); }, 1000);',
    ].join('\n');
    const result = await run(process.execPath, ['-e', script], { cwd: process.cwd() });
    expect(result.code).toBe(0);
    expect(result.cpuSeconds).toBeGreaterThan(0.6);
  });
});
