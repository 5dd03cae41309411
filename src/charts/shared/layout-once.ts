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
 * The key is the objects of the options by identity (the site's registries) and their plain
 * values with the layout's defaults filled in, so that a page that says `summaryGrain: 'year'`
 * and an embed that leaves it to the default share one layout. A layout is read, never changed,
 * by what draws it.
 */
import { isDrawnAlike } from '../../data/drawn-alike.ts';

type Plain = string | number | boolean;

const kept = new WeakMap<readonly object[], Map<string, unknown>>();
const objectIds = new WeakMap<object, number>();
let lastId = 0;

function objectId(value: object): number {
  let id = objectIds.get(value);
  if (id === undefined) objectIds.set(value, (id = ++lastId));
  return id;
}

/**
 * The layout `compute` makes of `options`, computed once for the same `chart`, shared records and
 * options (`defaults` for those left out). Options holding a function are never shared: what it
 * does cannot be compared.
 */
export function layoutOnce<T>(
  chart: string,
  options: { readonly records: readonly object[] },
  defaults: Record<string, Plain>,
  compute: () => T,
): T {
  const { records } = options;
  if (!isDrawnAlike(records)) return compute();
  const given = options as Readonly<Record<string, unknown>>;
  const parts: (string | number)[] = [chart];
  for (const name of Object.keys({ ...defaults, ...given }).sort()) {
    if (name === 'records') continue;
    const value = given[name] ?? defaults[name];
    if (typeof value === 'function') return compute();
    parts.push(name, value === undefined ? '-' : value !== null && typeof value === 'object' ? `#${objectId(value)}` : JSON.stringify(value));
  }
  const key = parts.join('\u0000');
  let layouts = kept.get(records);
  if (!layouts) kept.set(records, (layouts = new Map()));
  if (!layouts.has(key)) layouts.set(key, compute());
  return layouts.get(key) as T;
}
