import { describe, expect, it } from 'vitest';
import { lineIndex } from '../../src/data/positions.ts';

describe('lineIndex', () => {
  const text = 'one\ntwo words\n\nfour';
  const { positionAt, offsetOf } = lineIndex(text);

  it('gives 1-based lines and columns', () => {
    expect(positionAt(0)).toEqual({ line: 1, col: 1 });
    expect(positionAt(3)).toEqual({ line: 1, col: 4 }); // the newline ends line 1
    expect(positionAt(4)).toEqual({ line: 2, col: 1 });
    expect(positionAt(8)).toEqual({ line: 2, col: 5 });
    expect(positionAt(14)).toEqual({ line: 3, col: 1 }); // an empty line
    expect(positionAt(text.length)).toEqual({ line: 4, col: 5 });
  });

  it('keeps offsets outside the text at its ends', () => {
    expect(positionAt(-5)).toEqual({ line: 1, col: 1 });
    expect(positionAt(1000)).toEqual({ line: 4, col: 5 });
  });

  it('turns a position back into its offset', () => {
    for (let offset = 0; offset <= text.length; offset++) expect(offsetOf(positionAt(offset))).toBe(offset);
    expect(offsetOf({ line: 9, col: 1 })).toBe(text.length);
  });

  it('counts from the line the text starts on in its file (an MDX body under its frontmatter)', () => {
    const body = lineIndex('a\nb <Cite/>', 7);
    expect(body.positionAt(4)).toEqual({ line: 8, col: 3 });
    expect(body.offsetOf({ line: 8, col: 3 })).toBe(4);
  });
});
