import type { Either } from 'fp-ts/lib/Either.js';

/** What every command looks like to the kernel: a discriminated record. */
export interface CommandShape {
  readonly type: string;
}

/** What every domain event looks like to the kernel: a type name and its data. */
export interface EventShape {
  readonly type: string;
  readonly data: unknown;
}

/** What every refusal looks like to the kernel: a tagged value, as fp-ts's `Either` uses. */
export interface ErrorShape {
  readonly _tag: string;
}

/**
 * An aggregate as a pure decider: `decide` turns a command and the current state into events
 * or a refusal; `evolve` folds one event into the state. Neither reads a clock or does I/O.
 */
export interface Decider<C extends CommandShape, S, E extends EventShape, Err extends ErrorShape> {
  readonly initialState: S;
  readonly decide: (command: C, state: S) => Either<Err, ReadonlyArray<E>>;
  readonly evolve: (state: S, event: E) => S;
}

/** The command type a decider accepts. */
export type CommandOf<D> = D extends Decider<infer C, infer _S, infer _E, infer _Err> ? C : never;
/** The state type a decider folds. */
export type StateOf<D> = D extends Decider<infer _C, infer S, infer _E, infer _Err> ? S : never;
/** The event type a decider emits. */
export type EventOf<D> = D extends Decider<infer _C, infer _S, infer E, infer _Err> ? E : never;
/** The error type a decider refuses with. */
export type ErrorOf<D> = D extends Decider<infer _C, infer _S, infer _E, infer Err> ? Err : never;

/** Folds events into a state with a decider's `evolve`, from its initial state unless told otherwise. */
export const fold = <C extends CommandShape, S, E extends EventShape, Err extends ErrorShape>(
  decider: Decider<C, S, E, Err>,
  events: Iterable<NoInfer<E>>,
  from: NoInfer<S> = decider.initialState,
): S => {
  let state = from;
  for (const event of events) state = decider.evolve(state, event);
  return state;
};
