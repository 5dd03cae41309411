/**
 * The chart registry (src/charts/registry.ts): one list that every page, write-up component,
 * embed and the sitemap read, and one dispatch (DrawChart.astro) from a chart's name to its
 * drawing.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHARTS, chartNamed, chartOfTag, chartsOf, incidentChart, siteCharts, type ChartEntry } from '../../src/charts/registry.ts';
import { componentProps } from '../../src/schema/mdx-props.ts';
import type { DataRecord } from '../../src/schema/records.ts';
import { attack, caseStudy, statement } from './fixtures.ts';
import { startRenderer } from './render.ts';

const SRC = new URL('../../src/', import.meta.url).pathname;
const names = (entries: readonly ChartEntry[]) => entries.map((entry) => entry.name);

describe('the list', () => {
  it('names each chart once, with a component in its own folder, its page and embed at its name', () => {
    expect(new Set(names(CHARTS)).size).toBe(CHARTS.length);
    for (const entry of CHARTS as readonly ChartEntry[]) {
      expect(existsSync(join(SRC, 'charts', entry.component)), entry.component).toBe(true);
      expect(entry.component.startsWith(`${entry.name}/`)).toBe(true);
      if (entry.appears.site) expect([entry.appears.site.path, entry.appears.site.embed]).toEqual([`/${entry.name}/`, `/embed/${entry.name}/`]);
    }
    expect(() => chartNamed('piechart')).toThrow('no chart named "piechart"');
  });

  it('gives every write-up tag its props and its place in the MDX barrel', () => {
    const barrel = readFileSync(join(SRC, 'mdx/index.ts'), 'utf8');
    for (const entry of CHARTS as readonly ChartEntry[]) {
      const tag = entry.appears.mdx;
      if (!tag) continue;
      expect(componentProps[tag], tag).toBeDefined();
      expect(chartOfTag(tag)).toBe(entry);
      expect(barrel).toMatch(new RegExp(`import ${tag} from './${tag}.astro'`));
    }
  });
});

describe('where charts appear', () => {
  const records = caseStudy.records as readonly DataRecord[];

  it('an incident draws every chart its records give something to (a map when one has a place); a platform no claims; an actor a timeline', () => {
    expect(names(chartsOf('incidents', records))).toEqual(['timeline', 'claims', 'takedowns', 'map']);
    expect(names(chartsOf('platforms', records))).toEqual(['timeline', 'takedowns']);
    expect(names(chartsOf('actors', records))).toEqual(['timeline']);
    expect(names(chartsOf('incidents', [attack('a', '2019-11-29'), statement('s', '2019-11-30')]))).toEqual(['timeline', 'map']);
    expect(names(chartsOf('incidents', [statement('s', '2019-11-30')]))).toEqual(['timeline']);
    expect(chartsOf('incidents', [])).toEqual([]);
  });

  it('the site-wide charts, and an incident chart named for its incident', () => {
    expect(names(siteCharts())).toEqual(['timeline', 'claims', 'takedowns']);
    expect(incidentChart({ id: 'x', title: 'An attack' }, chartNamed('claims'))).toEqual({ chart: 'claims', id: 'incident-claims', title: 'Claims of responsibility: An attack', csv: '/data/incidents/x.csv', listedAt: '/incidents/x/' });
  });
});

describe('one dispatch', () => {
  /** Every .astro and .ts file of src/, outside src/charts/. */
  function filesOutsideCharts(dir = SRC): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return path === join(SRC, 'charts') ? [] : filesOutsideCharts(path);
      return /\.(astro|ts)$/.test(name) ? [path] : [];
    });
  }

  it('no page or component imports a registered chart’s component: they draw through DrawChart.astro', () => {
    const components = (CHARTS as readonly ChartEntry[]).map((entry) => `charts/${entry.component}`);
    const direct = filesOutsideCharts().flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return components.filter((component) => text.includes(`${component}'`)).map((component) => `${relative(SRC, file)} imports ${component}`);
    });
    expect(direct).toEqual([]);
  });

  let renderer: Awaited<ReturnType<typeof startRenderer>>;
  beforeAll(async () => {
    renderer = await startRenderer();
  });
  afterAll(async () => {
    await renderer?.close();
  });

  it.each(names(CHARTS))('DrawChart draws %s exactly as its own component does', async (name) => {
    const props = { ...caseStudy, hrefFor: (record: DataRecord) => `/records/${record.id}/`, id: `t-${name}`, title: 'T' };
    const drawn = await renderer.render('/src/charts/DrawChart.astro', { chart: name, ...props });
    expect(drawn).toContain('<svg class="dw-svg"');
    expect(drawn).toBe(await renderer.render(`/src/charts/${chartNamed(name).component}`, props));
  });
});
