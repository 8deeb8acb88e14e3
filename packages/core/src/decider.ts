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

/** One reason a value failed to decode: where in the input, and what was expected. */
export interface DecodeProblem {
  readonly path: string;
  readonly reason: string;
}

/** A command (or request) that could not be decoded, with every problem found; nothing was decided or appended. */
export interface DecodeFailed {
  readonly _tag: 'DecodeFailed';
  readonly what: string;
  readonly problems: ReadonlyArray<DecodeProblem>;
}

/**
 * An aggregate as a pure decider: `decide` turns a command and the current state into events
 * or a refusal; `evolve` folds one event into the state. Neither reads a clock or does I/O.
 */
export interface Decider<C extends CommandShape, S, E extends EventShape, Err extends ErrorShape> {
  readonly initialState: S;
  readonly decide: (command: C, state: S) => Either<Err, ReadonlyArray<E>>;
  readonly evolve: (state: S, event: E) => S;
  /**
   * Decodes a command from anything (its io-ts codec, in practice): when given, the command handler decodes every
   * command with it before deciding, so input from outside may be passed as it is and never reaches `decide`
   * undecoded. Never throws.
   */
  readonly decodeCommand?: (input: unknown) => Either<DecodeFailed, C>;
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
