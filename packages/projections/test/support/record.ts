import {
  anyJsonSchema,
  GENESIS_HASH,
  prepareAppend,
  type CommandShape,
  type Decider,
  type ErrorShape,
  type EventShape,
  type Projection,
  type Recorded,
  type RecordedEvent,
} from '@dossier/core';
import * as E from 'fp-ts/lib/Either.js';

/** A command as the domain's commands are: stamped with its instant and who asks. */
export type StampedCommand = CommandShape & { readonly at: string; readonly actor: { readonly id: string } };

/** One step of a run: a command sent to one stream. */
export interface Step<C> {
  readonly stream: string;
  readonly command: C;
}

/** What a run of commands left behind: the global log, each stream's state, and which command each id was. */
export interface Run<S, Ev extends EventShape> {
  readonly events: ReadonlyArray<Recorded<Ev>>;
  readonly states: Readonly<Record<string, S>>;
  readonly commandTypes: Readonly<Record<string, string>>;
  readonly refused: number;
}

/** Options for recording: drop the command ids (as a store written without a command handler would). */
export interface RecordOptions {
  readonly withCommandIds?: boolean;
}

/**
 * Sends each command to its stream through the real decider and records what it emits as the store would: metadata
 * and hash chain from core's `prepareAppend`, and global positions that grow with gaps (they need not be dense).
 * A refused command records nothing.
 */
export const runCommands = <C extends StampedCommand, S, Ev extends EventShape, Err extends ErrorShape>(
  decider: Decider<C, S, Ev, Err>,
  steps: ReadonlyArray<Step<C>>,
  options: RecordOptions = {},
): Run<S, Ev> => {
  const events: Recorded<Ev>[] = [];
  const states: Record<string, S> = {};
  const commandTypes: Record<string, string> = {};
  const tips: Record<string, { revision: bigint | null; hash: string }> = {};
  let refused = 0;
  for (const [index, { stream, command }] of steps.entries()) {
    const state = states[stream] ?? decider.initialState;
    const decision = decider.decide(command, state);
    if (E.isLeft(decision)) {
      refused += 1;
      continue;
    }
    const commandId = `command-${index}`;
    commandTypes[commandId] = command.type;
    const tip = tips[stream] ?? { revision: null, hash: GENESIS_HASH };
    const newEvents = decision.right.map((event, i) => ({
      type: event.type,
      data: event.data,
      metadata: {
        eventId: `${stream}/${String((tip.revision ?? -1n) + 1n + BigInt(i))}`,
        ...(options.withCommandIds === false ? {} : { commandId, correlationId: commandId }),
        actor: command.actor.id,
      },
    }));
    const prepared = prepareAppend(anyJsonSchema, stream, tip, newEvents, command.at);
    if (E.isLeft(prepared)) throw new Error(`not JSON: ${prepared.left.reason}`);
    for (const event of prepared.right) {
      const position = BigInt(events.length) * 10n + 3n;
      events.push({ ...event, position } as RecordedEvent as Recorded<Ev>);
      tips[stream] = { revision: event.revision, hash: event.metadata.hash };
    }
    states[stream] = decision.right.reduce(decider.evolve, state);
  }
  return { events, states, commandTypes, refused };
};

/** The events of the log that the projection subscribes to, as the runtime's event-type filter passes them. */
export const subscribed = <S, Ev extends EventShape, Q>(
  projection: Projection<S, Ev, Q>,
  events: ReadonlyArray<RecordedEvent>,
): ReadonlyArray<Recorded<Ev>> =>
  events.filter((event): event is Recorded<Ev> =>
    (projection.eventTypes as ReadonlyArray<string>).includes(event.type),
  );

/** Recursively freezes a value, so that any attempt to mutate it throws (ESM modules are strict). */
export const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
};

/**
 * Folds the events one at a time as a persisting runtime does: between events the state goes through JSON (as in
 * SQLite) and is frozen, so that a projection which mutates its state or keeps non-JSON values fails here.
 */
export const foldPersisted = <S, Ev extends EventShape, Q>(
  projection: Projection<S, Ev, Q>,
  events: Iterable<Recorded<Ev>>,
): S => {
  let state = deepFreeze(projection.initialState);
  for (const event of events) {
    const stored = JSON.parse(JSON.stringify(state)) as S;
    state = deepFreeze(projection.apply(deepFreeze(stored), event));
  }
  return state;
};
