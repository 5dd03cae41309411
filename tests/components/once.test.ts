import { afterEach, describe, expect, it } from 'vitest';
import { drawOnce, keptNow } from '../../src/components/once.ts';

const saved = process.env.DRIFTWATCH_COMMAND;
afterEach(() => {
  if (saved === undefined) delete process.env.DRIFTWATCH_COMMAND;
  else process.env.DRIFTWATCH_COMMAND = saved;
});

describe('markup drawn once for several pages (Once.astro)', () => {
  it('in a build, draws for the first page, replays for the others, then lets go', async () => {
    process.env.DRIFTWATCH_COMMAND = 'build';
    let drawn = 0;
    const draw = async () => `<svg>${++drawn}</svg>`;
    expect(await drawOnce('incidents/a/timeline', 2, draw)).toBe('<svg>1</svg>');
    expect(await drawOnce('incidents/a/timeline', 2, draw)).toBe('<svg>1</svg>');
    expect(drawn).toBe(1);
    // Both pages have had it: a third asks for a new drawing.
    expect(await drawOnce('incidents/a/timeline', 2, draw)).toBe('<svg>2</svg>');
    expect(await drawOnce('incidents/b/timeline', 2, draw)).toBe('<svg>3</svg>');
  });

  it('does not replay scripts: the replaying page renders its own (Chart.astro: ChartScript)', async () => {
    process.env.DRIFTWATCH_COMMAND = 'build';
    const draw = async () => '<dw-chart><svg></svg></dw-chart><script type="module" src="/_astro/ChartScript.js"></script>';
    expect(await drawOnce('incidents/d/timeline', 2, draw)).toContain('<script type="module"');
    expect(await drawOnce('incidents/d/timeline', 2, draw)).toBe('<dw-chart><svg></svg></dw-chart>');
  });

  it('in dev, draws every time: the data may have changed between requests', async () => {
    process.env.DRIFTWATCH_COMMAND = 'dev';
    let drawn = 0;
    const draw = async () => `<svg>${++drawn}</svg>`;
    await drawOnce('incidents/c/timeline', 2, draw);
    await drawOnce('incidents/c/timeline', 2, draw);
    expect(drawn).toBe(2);
  });

  it('past its memory budget, keeps what waits in a file, replays it the same and lets go of both', async () => {
    process.env.DRIFTWATCH_COMMAND = 'build';
    // Non-ASCII and markup, as a chart's tooltips hold them.
    const drawing = (n: number) => `<svg><title>Attack − ${n} · Zürich “quoted”</title>${'<g></g>'.repeat(6)}</svg>`;
    // What the tests above left waiting (a drawing asked for once of two) stays as it is.
    const before = keptNow();
    // Room for one drawing and a half.
    const budget = before.characters + Math.floor(drawing(0).length * 1.5);
    const keys = [0, 1, 2, 3].map((n) => `budget/${n}`);
    for (const [n, key] of keys.entries()) await drawOnce(key, 2, async () => drawing(n), budget);
    expect(keptNow()).toEqual({ inMemory: before.inMemory + 1, inFiles: 3, characters: before.characters + drawing(0).length });
    for (const [n, key] of keys.entries()) {
      expect(await drawOnce(key, 2, async () => 'drawn again', budget)).toBe(drawing(n));
    }
    expect(keptNow()).toEqual(before);
  });
});
