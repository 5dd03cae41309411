/** Hostile inputs shared by the checker's and the build's tests (issue 14). */

/** Nine aliases of nine aliases of …: a few hundred bytes that stand for 9^9 values. */
export const BILLION_LAUGHS = [
  '- id: laughs',
  '  kind: statement',
  '  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  ...'bcdefghi'.split('').map((name, i) => {
    const previous = 'abcdefghi'[i]!;
    return `  ${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`;
  }),
  '',
].join('\n');
