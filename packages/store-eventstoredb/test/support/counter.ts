// The smallest decider whose commands decide a chosen number of events: round-trip tests count what one command
// costs for 1 event and for a batch.
import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '@dossier/core';

export type Add = { readonly type: 'Add'; readonly n: number };
export type Added = { readonly type: 'Added'; readonly data: { readonly i: number } };

export const counter: Decider<Add, number, Added, never> = {
  initialState: 0,
  decide: (command, total) =>
    E.right(Array.from({ length: command.n }, (_, i) => ({ type: 'Added', data: { i: total + i } }))),
  evolve: (total) => total + 1,
};
