import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatBytes, hostProblems, hostReport, outputSize, SIZE_HINT, sizeLine, type OutputSize } from '../../src/integration/host-limits.ts';

const MiB = 1024 * 1024;
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const size = (over: Partial<OutputSize>): OutputSize => ({ bytes: 1000, files: 10, oversized: [], largest: { path: 'index.html', bytes: 100 }, ...over });

describe('the output against static hosts’ limits', () => {
  it('counts every file under the folder once, links as themselves, and keeps the largest and those over 25 MiB by name', () => {
    const dist = mkdtempSync(join(tmpdir(), 'dw-host-'));
    made.push(dist);
    mkdirSync(join(dist, 'data/incidents'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), 'x'.repeat(300));
    writeFileSync(join(dist, 'data/incidents/a.csv'), 'y'.repeat(2000));
    // Sparse: 26 MiB on paper, nothing written.
    const big = join(dist, 'data/big.json');
    writeFileSync(big, '');
    truncateSync(big, 26 * MiB);
    symlinkSync(big, join(dist, 'link.json'));
    const out = outputSize(dist);
    expect(out.files).toBe(4);
    expect(out.largest).toEqual({ path: 'data/big.json', bytes: 26 * MiB });
    expect(out.oversized).toEqual([{ path: 'data/big.json', bytes: 26 * MiB }]);
    expect(out.bytes).toBe(300 + 2000 + 26 * MiB + Buffer.byteLength(big));
    expect(sizeLine('dist/', out)).toBe('dist/: 26.0 MiB in 4 files; the largest data/big.json (26.0 MiB)');
  });

  it('says nothing of a site every host takes', () => {
    expect(hostProblems(size({ bytes: 999_000_000, files: 20_000, largest: { path: 'a', bytes: 25 * MiB } }))).toEqual([]);
  });

  it('names the host, its limit and what crosses it: the site, the file count, and up to five files', () => {
    const oversized = Array.from({ length: 7 }, (_, i) => ({ path: `data/f${i}.json`, bytes: 30 * MiB - i }));
    const problems = hostProblems(size({ bytes: 1_131_000_001, files: 20_001, oversized, largest: oversized[0] }));
    expect(problems).toEqual([
      { host: 'cloudflare-pages', text: 'Cloudflare Pages takes at most 20,000 files (its free plan); this site has 20,001', grows: true },
      { host: 'cloudflare-pages', text: 'Cloudflare Pages refuses files over 25.0 MiB: data/f0.json (30.0 MiB), data/f1.json (30.0 MiB), data/f2.json (30.0 MiB), data/f3.json (30.0 MiB), data/f4.json (30.0 MiB) and 2 more' },
      { host: 'github-pages', text: 'GitHub Pages takes a site of at most 1,000 MB; this one is 1,132 MB', grows: true },
    ]);
  });

  it('warns of every host’s limits, and makes those of the host the build is for errors', () => {
    const over = size({ bytes: 1_200_000_000, files: 30_000, largest: { path: 'a.json', bytes: 100 } });
    const cloudflare = 'Cloudflare Pages takes at most 20,000 files (its free plan); this site has 30,000';
    const github = 'GitHub Pages takes a site of at most 1,000 MB; this one is 1,200 MB';
    expect(hostReport('dist/', over)).toEqual({
      out: ['dist/: 1,144.4 MiB in 30,000 files; the largest a.json (0.1 KiB)', `warning: ${cloudflare} (docs/deploy.md)`, `warning: ${github} (docs/deploy.md)`, SIZE_HINT],
      errors: [],
    });
    expect(hostReport('dist/', over, 'github-pages')).toEqual({
      out: [sizeLine('dist/', over), `warning: ${cloudflare} (docs/deploy.md)`, SIZE_HINT],
      errors: [`error: ${github} (DRIFTWATCH_HOST=github-pages; docs/deploy.md)`],
    });
    expect(hostReport('dist/', over, 'netlify').errors).toEqual([]);
    // Only a file too large, which the setting does not shrink (a download): no hint.
    const file = size({ bytes: 30 * MiB, files: 1, oversized: [{ path: 'data/big.json', bytes: 30 * MiB }], largest: { path: 'data/big.json', bytes: 30 * MiB } });
    expect(hostReport('dist/', file).out).not.toContain(SIZE_HINT);
    // The hint names the setting and where it is explained.
    expect(SIZE_HINT).toMatch(/^hint: a lower recordListLimit in data\/site\.yaml \(a number, where it is unset or all\) .*\(docs\/scale\.md\)$/);
  });

  it('writes sizes in KiB below a MiB', () => {
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(3.25 * MiB)).toBe('3.3 MiB');
  });
});
