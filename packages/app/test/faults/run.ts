// One run of the fault suite: writers send their planned commands through `createDossier`'s execute (core's
// `handle`) while the read models run live; a command that fails for the store (a lost connection, an outcome it
// could not settle) is sent again with the same command id, as a caller must. Then what the store holds and what
// the read models show, in a form two runs on different stores can be compared in.
import { isDeepStrictEqual } from 'node:util';
import * as E from 'fp-ts/lib/Either.js';
import {
  createInMemoryStore,
  type AnyProjection,
  type EventStore,
  type ProjectionStore,
} from '@dossier/core';
import { createInMemoryProjectionStore } from '@dossier/core';
import {
  createDossier,
  dossierProjections,
  dossierSchema,
  isExecuteFailure,
  type Dossier,
} from '../../src/index.js';
import type { PlannedCommand } from './workload.js';

/** What a run ends with: each stream's events as written, and each read model's rows. */
export interface Outcome {
  /** Per stream, its events' type, data and command id, in revision order. */
  readonly streams: ReadonlyMap<string, ReadonlyArray<string>>;
  /** Every event id of the log: one per event, so a copy shows as a repeat. */
  readonly eventIds: ReadonlyArray<string>;
  /** Per read model, its rows as JSON. */
  readonly readModels: ReadonlyMap<string, unknown>;
  /** How each command ended: `applied`, `repeated` or the domain's refusal, by command id. */
  readonly results: ReadonlyMap<string, string>;
  /** Commands sent again after a store failure, and failures by tag. */
  readonly retries: number;
  /** Commands found already applied when sent again. */
  readonly repeats: number;
  readonly failures: Readonly<Record<string, number>>;
}

/** Called before each command is sent (and before each retry): where faults are injected. */
export type BeforeCommand = (writer: number, index: number) => void;

/** How many times one command is sent before the run gives up on it (then the run fails). */
const maxSends = 50;

const sendAll = async (
  dossier: Dossier,
  lane: ReadonlyArray<PlannedCommand>,
  writer: number,
  before: BeforeCommand,
  counts: {
    retries: number;
    repeats: number;
    failures: Record<string, number>;
    results: Map<string, string>;
  },
): Promise<void> => {
  for (const [index, { stream, command, commandId }] of lane.entries()) {
    for (let sends = 1; ; sends++) {
      before(writer, index);
      const result = await dossier.execute('supportCase', stream, command, { commandId })();
      if (E.isRight(result) || !isExecuteFailure(result.left)) {
        const ended = E.isRight(result) ? (result.right.repeated ? 'repeated' : 'applied') : result.left._tag;
        // A repeat after a lost answer is the command applied once: the same as applied for the comparison.
        counts.results.set(commandId, ended === 'repeated' ? 'applied' : ended);
        if (ended === 'repeated') counts.repeats += 1;
        break;
      }
      const tag = result.left._tag;
      counts.failures[tag] = (counts.failures[tag] ?? 0) + 1;
      if (sends >= maxSends)
        throw new Error(
          `${commandId} on ${stream} failed ${sends} times, last: ${JSON.stringify(asJson(result.left))}`,
        );
      counts.retries += 1;
    }
  }
};

const asJson = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? `${v}` : v)));

/** Runs the lanes concurrently over a store (its read models live from the start) and reads what they made. */
export const runLanes = async (
  store: EventStore,
  lanes: ReadonlyArray<ReadonlyArray<PlannedCommand>>,
  before: BeforeCommand = () => undefined,
  projectionStore: ProjectionStore = createInMemoryProjectionStore(),
): Promise<Outcome> => {
  // Flows off: they write commands of their own, which are not this suite's subject.
  const dossier = createDossier({
    store,
    projectionStore,
    flows: false,
    idleMs: 5,
    retry: { initialMs: 20, maxMs: 200 },
  });
  const started = await dossier.start();
  if (E.isLeft(started)) throw new Error(`start: ${JSON.stringify(asJson(started.left))}`);
  const counts = {
    retries: 0,
    repeats: 0,
    failures: {} as Record<string, number>,
    results: new Map<string, string>(),
  };
  try {
    await Promise.all(lanes.map((lane, writer) => sendAll(dossier, lane, writer, before, counts)));
    await dossier.waitUntilCaughtUp();
    const projections: ReadonlyArray<AnyProjection> = dossierProjections;
    const readModels = new Map(
      projections.map((projection) => {
        const rows = dossier.rows(projection);
        return [projection.name, E.isRight(rows) ? asJson(rows.right) : { unavailable: asJson(rows.left) }];
      }),
    );
    return { ...(await contents(store, lanes)), readModels, ...counts };
  } finally {
    await dossier.stop();
  }
};

/** Each planned stream's events, read back with retries (the faults may still be armed), and the log's event ids. */
const contents = async (
  store: EventStore,
  lanes: ReadonlyArray<ReadonlyArray<PlannedCommand>>,
): Promise<Pick<Outcome, 'streams' | 'eventIds'>> => {
  const streams = new Map<string, ReadonlyArray<string>>();
  const eventIds: string[] = [];
  const names = [...new Set(lanes.flat().map((planned) => planned.stream))].sort();
  for (const name of names) {
    const events = await retried(() => store.readStream(name)());
    if (events === 'not found') continue;
    streams.set(
      name,
      events.map((e) => JSON.stringify([e.type, e.data, e.metadata.commandId])),
    );
    eventIds.push(...events.map((e) => e.metadata.eventId));
  }
  return { streams, eventIds };
};

const retried = async <A>(
  read: () => Promise<E.Either<{ readonly _tag: string }, A>>,
): Promise<A | 'not found'> => {
  for (let attempt = 0; ; attempt++) {
    const result = await read();
    if (E.isRight(result)) return result.right;
    if (result.left._tag === 'StreamNotFound') return 'not found';
    if (attempt >= 20) throw new Error(`reading back: ${JSON.stringify(asJson(result.left))}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** The reference: the same lanes, one after another, on core's in-memory store, with no fault at all. */
export const referenceRun = (lanes: ReadonlyArray<ReadonlyArray<PlannedCommand>>): Promise<Outcome> =>
  runLanes(createInMemoryStore({ schema: dossierSchema }), lanes);

/** How a run differs from the reference: streams missing, extra or different, copies of an id, read models. */
export const differences = (reference: Outcome, run: Outcome): string[] => {
  const found: string[] = [];
  for (const [stream, events] of reference.streams) {
    const got = run.streams.get(stream);
    if (got === undefined) found.push(`${stream}: missing (${events.length} events)`);
    else if (!isDeepStrictEqual(got, events))
      found.push(`${stream}: ${got.length} events where the reference has ${events.length}`);
  }
  for (const stream of run.streams.keys())
    if (!reference.streams.has(stream)) found.push(`${stream}: not in the reference`);
  for (const [commandId, result] of reference.results) {
    const got = run.results.get(commandId);
    if (got !== result)
      found.push(`command ${commandId}: ${got ?? 'not sent'} where the reference has ${result}`);
  }
  const copies = run.eventIds.length - new Set(run.eventIds).size;
  if (copies > 0) found.push(`${copies} event ids appear more than once`);
  for (const [name, rows] of reference.readModels)
    if (!isDeepStrictEqual(run.readModels.get(name), rows)) found.push(`read model ${name} differs`);
  return found;
};

/** Total events of an outcome. */
export const eventCount = (outcome: Outcome): number =>
  [...outcome.streams.values()].reduce((sum, events) => sum + events.length, 0);
