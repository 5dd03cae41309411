/**
 * Props check at render time, with the same friendly messages as `npm run check` (which has
 * already checked every literal prop at its MDX line; this catches computed ones).
 */
import type { z } from 'zod';
import { issuesToProblems } from './issues.ts';
import { componentProps, type ComponentName } from '../schema/mdx-props.ts';

export class ComponentPropsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ComponentPropsError';
    this.stack = '';
  }
}

export function parseProps<N extends ComponentName>(name: N, props: Record<string, unknown>): z.infer<(typeof componentProps)[N]> {
  const schema = componentProps[name] as z.ZodType;
  // Astro passes `children`-like internals on some components; they are not editor props.
  const { class: _class, ...own } = props;
  const result = schema.safeParse(own);
  if (result.success) return result.data as z.infer<(typeof componentProps)[N]>;
  const entry = { file: '', value: own, locate: () => ({ line: 0, col: 0 }) };
  const messages = issuesToProblems(result.error.issues, entry).map((p) => p.message.replace(/\bfield\b/, 'prop'));
  throw new ComponentPropsError(`<${name}>: ${messages.join('; ')}`);
}
