/**
 * What editors put in MDX write-ups, through one barrel. Pages pass these to
 * `<Content components={mdxComponents} />` so write-ups use them without imports.
 * Their props are defined in src/schema/mdx-props.ts and checked by `npm run check`.
 */
import Callout from './Callout.astro';
import Cite from './Cite.astro';
import ContentWarning from './ContentWarning.astro';
import Defang from './Defang.astro';
import FieldReference from './FieldReference.astro';
import Record from './Record.astro';
import ClaimsChart from './ClaimsChart.astro';
import TakedownsChart from './TakedownsChart.astro';
import Timeline from './Timeline.astro';

export const mdxComponents = { Cite, Record, Timeline, ClaimsChart, TakedownsChart, ContentWarning, Callout, Defang, FieldReference };
export { setWriteupContext } from './context.ts';
