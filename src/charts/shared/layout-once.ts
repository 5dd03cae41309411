/**
 * A chart's layout computed once per build for records several pages draw alike.
 *
 * The whole site's records are laid out for a site-wide chart's page (/timeline/), again for its
 * embed page (/embed/timeline/), and the timeline again for the home page: at 1,000 write-ups /
 * 20,000 records the repeats cost the four site-wide charts about 0.7 s, and at 200,000 records
 * the timeline's layout alone takes seconds. Only lists marked as drawn alike are kept
 * (data/drawn-alike.ts: the site's own), for as long as the list lives: an incident's charts are
 * drawn once for its page and its embed already (components/embed-pages.ts), and a drill-down
 * page's records are drawn by that page alone, so keeping theirs would only hold every layout of
 * the build in memory.
 *
 * The layout's defaults are filled in first, and the layout is computed from the options so
 * filled: a page that says `summaryGrain: 'year'` and an embed that leaves it out share one layout,
 * and the key always names the values the layout was made with. The key is the objects of the
 * options by identity (the site's registries) and their plain values. A layout is read, never
 * changed, by what draws it.
 */
import { isDrawnAlike } from '../../data/drawn-alike.ts';

type Plain = string | number | boolean;

/** A chart's defaults: a plain value for some of its options. */
export type Defaults<O> = { readonly [P in keyof O]?: Exclude<O[P], undefined> & Plain };

/** A chart's options with its defaults filled in: those options are always given. */
export type Filled<O, K extends keyof O> = O & { [P in K]-?: Exclude<O[P], undefined> };

const kept = new WeakMap<readonly object[], Map<string, unknown>>();
const objectIds = new WeakMap<object, number>();
let lastId = 0;

function objectId(value: object): number {
  let id = objectIds.get(value);
  if (id === undefined) objectIds.set(value, (id = ++lastId));
  return id;
}

/**
 * The layout `compute` makes of `options` with `defaults` filled in where an option is left out,
 * computed once for the same `chart`, shared records and options. Options holding a function are
 * never shared: what it does cannot be compared.
 */
export function layoutOnce<O extends { readonly records: readonly object[] }, D extends Defaults<O>, T>(
  chart: string,
  options: O,
  defaults: D,
  compute: (filled: Filled<O, keyof D & keyof O>) => T,
): T {
  const values: Record<string, unknown> = { ...options };
  for (const [name, value] of Object.entries(defaults)) values[name] ??= value;
  const filled = values as Filled<O, keyof D & keyof O>;
  if (!isDrawnAlike(options.records)) return compute(filled);
  const parts: (string | number)[] = [chart];
  for (const name of Object.keys(values).sort()) {
    const value = values[name];
    if (name === 'records' || value === undefined) continue;
    if (typeof value === 'function') return compute(filled);
    parts.push(name, value !== null && typeof value === 'object' ? `#${objectId(value)}` : JSON.stringify(value));
  }
  const key = parts.join('\u0000');
  let layouts = kept.get(options.records);
  if (!layouts) kept.set(options.records, (layouts = new Map()));
  if (!layouts.has(key)) layouts.set(key, compute(filled));
  return layouts.get(key) as T;
}
