/**
 * What a write-up's components need to know about the page they are on: which incident, and the
 * number of each source in its source list. The incident page sets it before rendering the MDX;
 * `Astro.locals` is per page render, so pages never see each other's context.
 */
export interface WriteupContext {
  incident: string;
  /** Source id → its number in the page's source list. */
  sourceNumbers: Map<string, number>;
}

const KEY = 'driftwatchWriteup';

export function setWriteupContext(locals: object, context: WriteupContext): void {
  (locals as Record<string, unknown>)[KEY] = context;
}

export function getWriteupContext(locals: object): WriteupContext | undefined {
  return (locals as Record<string, unknown>)[KEY] as WriteupContext | undefined;
}
