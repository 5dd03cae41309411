/** The checker as a whole (src/check/validate.ts): its rules run in one pass, over the minimal fixture. */
import { describe, expect, it } from 'vitest';
import { replaceOnce } from '../helpers/fixture.ts';
import { problemsAfter, RECORDS } from './problems-after.ts';

describe('checkProject', () => {
  it('has no problems', () => {
    expect(problemsAfter({})).toEqual([]);
  });

  it('reports every problem in one run, not the first alone', () => {
    const lines = problemsAfter({
      [RECORDS]: (text) => replaceOnce('killed: 2', 'killed: two')(replaceOnce('to: tamtam', 'to: telegram')(text)),
      'data/actors.yaml': replaceOnce('parent: islamic-state', 'parent: nobody'),
    });
    expect(lines).toHaveLength(3);
  });
});
