/**
 * Offsets in a text ↔ the 1-based line and column an editor sees. Every reader that reports a
 * problem (YAML, CSV, frontmatter, MDX) goes through here, so a position means the same thing
 * whichever checker found it.
 */

export interface Position {
  line: number;
  col: number;
}

export interface LineIndex {
  /** Where `offset` is; offsets before the text are its start. */
  positionAt(offset: number): Position;
  /** The offset of `position`, clamped to the text. */
  offsetOf(position: Position): number;
}

/**
 * An index of the line starts of `text`, built once so each lookup is a binary search (a file
 * may have hundreds of problems, or thousands of positions for a big CSV). `firstLine` is the
 * line `text` starts on in its file: an MDX body starts below its frontmatter.
 */
export function lineIndex(text: string, firstLine = 1): LineIndex {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return {
    positionAt(offset) {
      const at = Math.min(Math.max(0, offset), text.length);
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid]! <= at) low = mid;
        else high = mid - 1;
      }
      return { line: low + firstLine, col: at - starts[low]! + 1 };
    },
    offsetOf({ line, col }) {
      const start = starts[line - firstLine];
      return start === undefined ? text.length : Math.min(text.length, start + Math.max(0, col - 1));
    },
  };
}
