import {
  anyJsonSchema,
  GENESIS_HASH,
  prepareAppend,
  keyed,
  MemoryRows,
  replayRows,
  type AnyProjectionOf,
  type CommandShape,
  type Decider,
  type ErrorShape,
  type EventShape,
  type KeyedProjection,
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

/** Options for recording: drop the command ids (as a store written without a command handler would). */
export interface RecordOptions {
  readonly withCommandIds?: boolean;
}

/** Where a command comes from, for its envelope: its id (made here unless given) and the message that caused it. */
export interface Origin {
  readonly commandId?: string;
  readonly causationId?: string;
}

/**
 * One global log shared by any number of deciders, recorded as the store would: metadata and hash chain from core's
 * `prepareAppend`, and global positions that grow with gaps (they need not be dense). A refused command records
 * nothing. Each stream's state is folded with its decider's `evolve` as events are recorded.
 */
export class RecordingLog {
  readonly events: RecordedEvent[] = [];
  /** The type of each command that was accepted, by command id. */
  readonly commandTypes: Record<string, string> = {};
  refused = 0;
  private readonly states: Record<string, unknown> = {};
  private readonly tips: Record<string, { readonly revision: bigint | null; readonly hash: string }> = {};
  private commands = 0;

  constructor(private readonly options: RecordOptions = {}) {}

  /** The state of a stream, folded by the decider that writes it. */
  stateOf<C extends CommandShape, S, Ev extends EventShape, Err extends ErrorShape>(
    decider: Decider<C, S, Ev, Err>,
    stream: string,
  ): S {
    return stream in this.states ? (this.states[stream] as S) : decider.initialState;
  }

  /** Decides the command against the stream's state and records what it emits; returns the recorded events. */
  decide<C extends StampedCommand, S, Ev extends EventShape, Err extends ErrorShape>(
    decider: Decider<C, S, Ev, Err>,
    stream: string,
    command: C,
    origin: Origin = {},
  ): ReadonlyArray<Recorded<Ev>> {
    const state = this.stateOf(decider, stream);
    const commandId = origin.commandId ?? `command-${this.commands++}`;
    const decision = decider.decide(command, state);
    if (E.isLeft(decision)) {
      this.refused += 1;
      return [];
    }
    this.commandTypes[commandId] = command.type;
    const tip = this.tips[stream] ?? { revision: null, hash: GENESIS_HASH };
    const next = (tip.revision ?? -1n) + 1n;
    const newEvents = decision.right.map((event, i) => ({
      type: event.type,
      data: event.data,
      metadata: {
        eventId: `${stream}@${String(next + BigInt(i))}`,
        ...(this.options.withCommandIds === false ? {} : { commandId }),
        ...(origin.causationId === undefined ? {} : { causationId: origin.causationId }),
        actor: command.actor.id,
      },
    }));
    const prepared = prepareAppend(anyJsonSchema, stream, tip, newEvents, command.at);
    if (E.isLeft(prepared)) throw new Error(`not JSON: ${prepared.left.reason}`);
    const recorded = prepared.right.map((event, i) => ({
      ...event,
      position: BigInt(this.events.length + i) * 10n + 3n,
    })) as ReadonlyArray<RecordedEvent> as ReadonlyArray<Recorded<Ev>>;
    this.events.push(...recorded);
    const last = recorded[recorded.length - 1];
    if (last !== undefined) this.tips[stream] = { revision: last.revision, hash: last.metadata.hash };
    this.states[stream] = decision.right.reduce(decider.evolve, state);
    return recorded;
  }
}

/** What a run of commands left behind: the global log, each stream's state, and which command each id was. */
export interface Run<S, Ev extends EventShape> {
  readonly events: ReadonlyArray<Recorded<Ev>>;
  readonly states: Readonly<Record<string, S>>;
  readonly commandTypes: Readonly<Record<string, string>>;
  readonly refused: number;
}

/** Sends each command to its stream through the real decider, recording what it emits on one log. */
export const runCommands = <C extends StampedCommand, S, Ev extends EventShape, Err extends ErrorShape>(
  decider: Decider<C, S, Ev, Err>,
  steps: ReadonlyArray<Step<C>>,
  options: RecordOptions = {},
): Run<S, Ev> => {
  const log = new RecordingLog(options);
  for (const { stream, command } of steps) log.decide(decider, stream, command);
  const streams = new Set(steps.map((step) => step.stream));
  return {
    events: log.events as ReadonlyArray<RecordedEvent> as ReadonlyArray<Recorded<Ev>>,
    states: Object.fromEntries([...streams].map((stream) => [stream, log.stateOf(decider, stream)])),
    commandTypes: log.commandTypes,
    refused: log.refused,
  };
};

/** The events of the log that the projection subscribes to, as the runtime's event-type filter passes them. */
export const subscribed = <Ev extends EventShape, Q>(
  projection: AnyProjectionOf<Ev, Q>,
  events: ReadonlyArray<RecordedEvent>,
): ReadonlyArray<Recorded<Ev>> =>
  events.filter((event): event is Recorded<Ev> =>
    (projection.eventTypes as ReadonlyArray<string>).includes(event.type),
  );

/** The events of a log whose type is one of `types`, grouped by stream in log order. */
export const streamsOf = <Ev extends EventShape>(
  events: ReadonlyArray<RecordedEvent>,
  types: ReadonlyArray<Ev['type']>,
): Readonly<Record<string, ReadonlyArray<Recorded<Ev>>>> => {
  const streams: Record<string, Recorded<Ev>[]> = {};
  for (const event of events) {
    if (!(types as ReadonlyArray<string>).includes(event.type)) continue;
    (streams[event.stream] ??= []).push(event as Recorded<Ev>);
  }
  return streams;
};

/** The projection's queries over a rebuild from zero of the log, as a replay does; for the agreement checks. */
export const rebuilt = <Ev extends EventShape, Q>(
  projection: AnyProjectionOf<Ev, Q>,
  events: ReadonlyArray<RecordedEvent>,
): Q => {
  const rows = keyed(projection);
  return rows.query(replayRows(rows, subscribed(projection, events)));
};

/** Recursively freezes a value, so that any attempt to mutate it throws (ESM modules are strict). */
export const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
};

/**
 * Folds the events one at a time as a persisting runtime does: every row an event changes goes through JSON (as in
 * SQLite) and is frozen, so that a projection which mutates a row or keeps non-JSON values fails here.
 */
export const foldPersisted = <Ev extends EventShape, Q>(
  projection: KeyedProjection<Ev, Q>,
  events: Iterable<Recorded<Ev>>,
): MemoryRows => {
  const rows = new MemoryRows();
  for (const event of events)
    for (const change of projection.apply(rows, event))
      rows.change({ ...change, row: deepFreeze(JSON.parse(JSON.stringify(change.row)) as unknown) });
  return rows;
};
