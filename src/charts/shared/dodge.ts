/**
 * Stack overlapping marks into rows within a lane (greedy, in x order), so two records on the
 * same day are both visible. Past `maxRows` marks share the last row rather than growing a lane
 * without bound; the table still lists them all.
 */
export interface Extent {
  left: number;
  right: number;
}

export function dodgeRows(extents: Extent[], maxRows: number, gap = 2): number[] {
  const rowEnds: number[] = [];
  return extents.map((e) => {
    let row = rowEnds.findIndex((end) => end + gap <= e.left);
    if (row === -1) {
      row = rowEnds.length < maxRows ? rowEnds.length : maxRows - 1;
    }
    rowEnds[row] = Math.max(rowEnds[row] ?? -Infinity, e.right);
    return row;
  });
}
