/** Pixel values are rounded to 0.1: sharp enough on screen, stable in snapshots, small in HTML. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
