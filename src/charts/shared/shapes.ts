/** Symbol paths from d3-shape, so colour is never the only cue: every category has a shape. */
import { symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye } from 'd3-shape';
import type { SymbolType } from 'd3-shape';

export const SHAPES = ['circle', 'square', 'triangle', 'diamond', 'star', 'cross', 'wye'] as const;
export type Shape = (typeof SHAPES)[number];

const TYPES: Record<Shape, SymbolType> = {
  circle: symbolCircle,
  square: symbolSquare,
  triangle: symbolTriangle,
  diamond: symbolDiamond,
  star: symbolStar,
  cross: symbolCross,
  wye: symbolWye,
};

/** Default symbol area in square units: about an 11-unit circle, readable at phone widths. */
export const SYMBOL_AREA = 100;

const paths = new Map<string, string>();

/** Path data for a shape of the given area, centred on (0, 0), to one decimal. */
export function symbolPath(shape: Shape, area = SYMBOL_AREA): string {
  // Every mark of a kind has the same symbol: draw each shape and size once.
  const key = `${shape} ${area}`;
  let path = paths.get(key);
  if (path === undefined) paths.set(key, (path = symbol(TYPES[shape], area).digits(1)() ?? ''));
  return path;
}

/** Radius that a symbol of this area roughly reaches, for spacing and labels. */
export function symbolRadius(area = SYMBOL_AREA): number {
  return Math.sqrt(area / Math.PI) * 1.2;
}
