import { afterEach, describe, expect, it } from 'vitest';
import { drawOnce } from '../../src/components/once.ts';

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
});
