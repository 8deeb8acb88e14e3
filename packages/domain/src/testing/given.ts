import type { CommandShape, Decider, ErrorShape, EventShape } from '@dossier/core';
import * as E from 'fp-ts/lib/Either.js';
import { expect } from 'vitest';

/** The outcome of one decision in a given/when/then test. */
export interface Decision<E extends EventShape, Err extends ErrorShape> {
  /** Asserts the command was accepted with exactly these events. */
  readonly then: (expected: ReadonlyArray<E>) => void;
  /** Asserts the command was refused with this tag, and returns the error for further checks. */
  readonly thenRefuses: <T extends Err['_tag']>(tag: T) => Extract<Err, { _tag: T }>;
  /** The raw result, for checks the two above do not cover. */
  readonly result: E.Either<Err, ReadonlyArray<E>>;
}

/** Folds `history` through `evolve`, then `decide`s the command given to `when`. */
export const given = <C extends CommandShape, S, Ev extends EventShape, Err extends ErrorShape>(
  decider: Decider<C, S, Ev, Err>,
  history: ReadonlyArray<Ev>,
) => ({
  state: (): S => history.reduce(decider.evolve, decider.initialState),
  when: (command: C): Decision<Ev, Err> => {
    const state = history.reduce(decider.evolve, decider.initialState);
    const result = decider.decide(command, state);
    return {
      result,
      then: (expected) => {
        expect(result).toEqual(E.right(expected));
      },
      thenRefuses: (tag) => {
        if (E.isRight(result)) throw new Error(`expected a refusal ${tag}, but it was accepted with ${JSON.stringify(result.right)}`);
        expect(result.left._tag).toBe(tag);
        return result.left as never;
      },
    };
  },
});
