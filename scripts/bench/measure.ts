/**
 * Measuring a build: wall time and peak memory of a child process tree, and the weight of what
 * it wrote.
 *
 * Peak RSS is the largest sum of VmRSS over the child and all its descendants, polled from /proc
 * every 100 ms (Astro and Vite may start workers; /usr/bin/time would only see one process), and
 * so is each process's CPU time, for the processes GNU time does not see (`run`). The
 * largest single process's peak (its VmHWM) is kept too: the memory limit is per process,
 * and `npm run build` runs Astro and Pagefind as two.
 *
 * What else the machine did meanwhile is kept as well (`othersCpuSeconds`, `stealSeconds`, from
 * /proc/stat): on a shared machine the same build took 40 s in one hour and 54 s in the next, and
 * a ratio to a baseline built at another moment is only as good as the two moments were alike.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { outputSize } from '../../src/integration/host-limits.ts';

export interface RunResult {
  seconds: number;
  /** User + system CPU seconds of the process and its descendants: GNU time's, or the polled tree's when that is more. */
  cpuSeconds?: number;
  peakRssBytes: number;
  /** The highest peak RSS (VmHWM) of any one process of the tree. */
  peakProcessRssBytes: number;
  code: number;
  output: string;
  /**
   * CPU seconds the rest of the machine used while the command ran: every core's busy time, less
   * the command's own and this process's (the polling). Known where /proc/stat and GNU time are.
   */
  othersCpuSeconds?: number;
  /** CPU seconds the hypervisor gave to other machines while this one wanted them (`steal`). */
  stealSeconds?: number;
}

/** The kernel's clock ticks a second for /proc/stat (USER_HZ): 100 on Linux. */
const USER_HZ = 100;

/**
 * Busy and stolen CPU seconds since boot, over all cores, from the first line of /proc/stat
 * (`cpu  user nice system idle iowait irq softirq steal guest guest_nice`, in USER_HZ ticks).
 * Busy is user, nice, system, irq and softirq: guest time is counted in user already.
 */
export function procStatSeconds(procStat: string): { busy: number; steal: number } | undefined {
  const fields = /^cpu\s+(.*)$/m.exec(procStat)?.[1]?.trim().split(/\s+/).map(Number);
  if (!fields || fields.length < 8 || fields.some((n) => !Number.isFinite(n))) return undefined;
  const [user, nice, system, , , irq, softirq, steal] = fields as [number, number, number, number, number, number, number, number];
  return { busy: (user + nice + system + irq + softirq) / USER_HZ, steal: steal / USER_HZ };
}

function machineCpu(): { busy: number; steal: number } | undefined {
  try {
    return procStatSeconds(readFileSync('/proc/stat', 'utf8'));
  } catch {
    return undefined;
  }
}

/** Every process now, from its /proc/<pid>/stat read once: its children, and its own CPU seconds so far. */
function processes(): { children: Map<number, number[]>; cpu: Map<number, { key: string; seconds: number }> } {
  const children = new Map<number, number[]>();
  const cpu = new Map<number, { key: string; seconds: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command may hold spaces and parentheses: the fields start after the last ')', with the
      // state (3rd field), ppid (4th), … utime (14th) and stime (15th), start time (22nd).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const [pid, ppid] = [Number(name), Number(fields[1])];
      (children.get(ppid) ?? children.set(ppid, []).get(ppid)!).push(pid);
      // By `pid:start time`, so that a reused pid is another process.
      cpu.set(pid, { key: `${pid}:${fields[19]}`, seconds: (Number(fields[11]) + Number(fields[12])) / USER_HZ });
    } catch {
      // gone already
    }
  }
  return { children, cpu };
}

/**
 * The tree's RSS now (the sum over its processes), the highest peak of any one of them, and the
 * CPU seconds each has used so far (its own, not its children's), by process.
 */
function treeSample(root: number): { total: number; largestPeak: number; cpu: Map<string, number> } {
  const { children, cpu: used } = processes();
  let total = 0;
  let largestPeak = 0;
  const cpu = new Map<string, number>();
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
      if (kb) total += Number(kb) * 1024;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
      if (hwm) largestPeak = Math.max(largestPeak, Number(hwm) * 1024);
      const own = used.get(pid);
      if (own) cpu.set(own.key, own.seconds);
    } catch {
      // gone already
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return { total, largestPeak, cpu };
}

const TIME = '/usr/bin/time';
const TIME_MARK = '__bench_time__';

/**
 * Runs a command, polling its process tree's memory; resolves when it exits. Under GNU time
 * (Debian's `time` package) when present, for the CPU seconds: on a busy machine they vary far
 * less than the wall clock.
 */
export function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; log?: (chunk: string) => void }): Promise<RunResult> {
  if (existsSync(TIME)) {
    args = ['-f', `${TIME_MARK} %U %S`, command, ...args];
    command = TIME;
  }
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const machineBefore = machineCpu();
    const ownBefore = process.cpuUsage();
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      const text = chunk.toString();
      output = (output + text).slice(-20_000);
      options.log?.(text);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let peak = 0;
    let peakProcess = 0;
    /** The CPU seconds each process of the tree was last seen to have used. */
    const seen = new Map<string, number>();
    const poll = () => {
      if (child.pid === undefined) return;
      const { total, largestPeak, cpu } = treeSample(child.pid);
      peak = Math.max(peak, total);
      peakProcess = Math.max(peakProcess, largestPeak);
      for (const [process, seconds] of cpu) seen.set(process, Math.max(seen.get(process) ?? 0, seconds));
    };
    const timer = setInterval(poll, 100);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const times = new RegExp(`${TIME_MARK} ([\\d.]+) ([\\d.]+)`).exec(output);
      if (times) output = output.replace(times[0], '');
      // GNU time counts the processes that were waited for; a process killed and never waited
      // for (Pagefind's service, which `npm run build` stops when the index is written) only the
      // polling sees. The larger of the two; either one alone undercounts.
      const polled = [...seen.values()].reduce((sum, seconds) => sum + seconds, 0);
      const cpu = times ? Math.max(Number(times[1]) + Number(times[2]), polled) : polled > 0 ? polled : undefined;
      const machineAfter = machineCpu();
      const own = process.cpuUsage(ownBefore);
      const others =
        machineBefore && machineAfter && cpu !== undefined
          ? { othersCpuSeconds: Math.max(0, machineAfter.busy - machineBefore.busy - cpu - (own.user + own.system) / 1e6), stealSeconds: machineAfter.steal - machineBefore.steal }
          : {};
      resolve({ seconds: (performance.now() - started) / 1000, cpuSeconds: cpu, peakRssBytes: peak, peakProcessRssBytes: peakProcess, code: code ?? 1, output, ...others });
    });
  });
}

export interface DistStats {
  /** HTML pages written. */
  pages: number;
  /** Every file under dist/, in bytes. */
  bytes: number;
  files: number;
  /** The largest file, and its path under dist/ (static hosts refuse files over 25 MiB). */
  largest: { path: string; bytes: number };
  /** Per page, gzipped: the HTML itself, and the JavaScript it loads (scripts and their static imports). */
  html: { median: number; max: number; maxPage: string };
  js: { median: number; max: number; maxPage: string };
  /** Pages whose HTML is over the budget, gzipped. */
  overBudget: { page: string; bytes: number }[];
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

const median = (values: number[]) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
};

/** Bytes a gzip at the default level makes of a file. */
const gzipped = (text: Buffer | string) => gzipSync(text).length;

export function distStats(dist: string, budget = 300 * 1024): DistStats {
  const files = walk(dist);
  const gzCache = new Map<string, number>();
  const jsGz = (path: string) => {
    let size = gzCache.get(path);
    if (size === undefined) gzCache.set(path, (size = gzipped(readFileSync(path))));
    return size;
  };
  const importsCache = new Map<string, string[]>();
  /** A script and everything it imports statically, as absolute paths. */
  const closure = (path: string, seen: Set<string>) => {
    if (seen.has(path)) return;
    seen.add(path);
    let imports = importsCache.get(path);
    if (!imports) {
      let text = '';
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        return;
      }
      imports = [...text.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)].map((m) => (m[1]!.startsWith('/') ? join(dist, m[1]!) : join(path, '..', m[1]!)));
      importsCache.set(path, imports);
    }
    for (const next of imports) closure(next, seen);
  };
  const html: number[] = [];
  const js: number[] = [];
  let htmlMax = { bytes: 0, page: '' };
  let jsMax = { bytes: 0, page: '' };
  const overBudget: { page: string; bytes: number }[] = [];
  for (const file of files) {
    if (!file.endsWith('.html')) continue;
    const text = readFileSync(file, 'utf8');
    const page = posix.join('/', relative(dist, file).replaceAll('\\', '/'));
    const gz = gzipped(text);
    html.push(gz);
    if (gz > htmlMax.bytes) htmlMax = { bytes: gz, page };
    if (gz > budget) overBudget.push({ page, bytes: gz });
    const seen = new Set<string>();
    for (const m of text.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) {
      const src = m[1]!.replace(/^https?:\/\/[^/]+/, '');
      if (!src.startsWith('/')) continue;
      closure(join(dist, src.split('?')[0]!), seen);
    }
    const jsBytes = [...seen].reduce((sum, path) => sum + (safeSize(path) ? jsGz(path) : 0), 0);
    js.push(jsBytes);
    if (jsBytes > jsMax.bytes) jsMax = { bytes: jsBytes, page };
  }
  // Counted as `npm run build` reports them (src/integration/host-limits.ts), the same walk.
  const output = outputSize(dist);
  return {
    pages: html.length,
    bytes: output.bytes,
    files: output.files,
    largest: output.largest ? { path: `/${output.largest.path}`, bytes: output.largest.bytes } : { path: '', bytes: 0 },
    html: { median: median(html), max: htmlMax.bytes, maxPage: htmlMax.page },
    js: { median: median(js), max: jsMax.bytes, maxPage: jsMax.page },
    overBudget: overBudget.sort((a, b) => b.bytes - a.bytes),
  };
}

function safeSize(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
