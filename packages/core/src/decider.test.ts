import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { fold, type Decider } from './index.js';

type Counted = { readonly type: 'Counted'; readonly data: { readonly by: number } };
const counter: Decider<{ type: 'Count'; by: number }, number, Counted, { _tag: 'Negative' }> = {
  initialState: 0,
  decide: (c) =>
    c.by < 0 ? E.left({ _tag: 'Negative' }) : E.right([{ type: 'Counted', data: { by: c.by } }]),
  evolve: (s, e) => s + e.data.by,
};

describe('fold', () => {
  it('folds events in order from the initial state', () => {
    const events: Counted[] = [1, 2, 3].map((by) => ({ type: 'Counted', data: { by } }));
    expect(fold(counter, events)).toBe(6);
  });

  it('folds from a given state, so a snapshot can be the start', () => {
    expect(fold(counter, [{ type: 'Counted', data: { by: 2 } }], 40)).toBe(42);
  });
});
