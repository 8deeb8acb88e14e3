import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { fold } from '../../decider.js';
import { handle } from '../../handling/handle.js';
import type { EventStore } from '../../store/port.js';
import type { EventSchema } from '../../store/schema.js';
import type { RecordedEvent } from '../../store/types.js';
import {
  paymentProfile,
  paymentProfileSchema,
  ProfileStateCodec,
  supportCase,
  supportCaseSchema,
  type CaseEvent,
  type ProfileEvent,
  type ProfileState,
} from './deciders.js';
import {
  checksum,
  median,
  percentile,
  settle,
  w1CaseId,
  w1Cases,
  w1Commands,
  w2Commands,
  w2SeedEvents,
  w2StateChecksum,
  w2Stream,
  type WorkloadResult,
} from './spec.js';

/** An empty store with the given schema, and how to put it away. */
export type OpenWorkloadStore = (
  schema: EventSchema,
) => Promise<{ readonly store: EventStore; readonly dispose: () => Promise<void> }>;

/** A store failed where the workload needed it to work: the run has no figure. */
export class WorkloadFailed extends Error {}

const context = () => ({ commandId: randomUUID(), actor: 'bench' });

const readWhole = async (store: EventStore, stream: string): Promise<ReadonlyArray<RecordedEvent>> => {
  const read = await store.readStream(stream)();
  if (E.isLeft(read)) throw new WorkloadFailed(`reading ${stream}: ${read.left._tag}`);
  return read.right;
};

const verdict = (outcome: E.Either<{ readonly _tag: string }, unknown>, label: string, refusal: string) =>
  `${label}:${E.isRight(outcome) ? 'accepted' : outcome.left._tag === refusal ? 'rejected' : 'error'}`;

/** W1 through Dossier's `handle` on a fresh store: commands per second and the sanity lines' checksum. */
export const dossierW1 = async (open: OpenWorkloadStore): Promise<WorkloadResult> => {
  const { store, dispose } = await open(supportCaseSchema);
  try {
    const commands = w1Commands();
    settle();
    const start = performance.now();
    for (const command of commands) {
      const handled = await handle(store, supportCase, {
        stream: command.caseId,
        command,
        context: context(),
      })();
      if (E.isLeft(handled))
        throw new WorkloadFailed(`${command.type} ${command.caseId}: ${handled.left._tag}`);
    }
    const seconds = (performance.now() - start) / 1000;
    const first = commands[0];
    const respond = commands[w1Cases];
    if (first === undefined || respond === undefined) throw new WorkloadFailed('W1 has no commands');
    const again = (command: typeof first) =>
      handle(store, supportCase, { stream: command.caseId, command, context: context() })();
    const stale = await store.append(w1CaseId(1), 1n, [
      {
        type: 'FirstResponseSent',
        data: { agentId: 'x', at: first.at },
        metadata: { eventId: randomUUID() },
      },
    ])();
    const sanity = [
      verdict(await again(first), 'dup-open', 'CaseAlreadyExists'),
      verdict(await again(respond), 'respond-after-resolve', 'CannotRespond'),
      verdict(stale, 'stale-append', 'ConcurrencyConflict'),
    ];
    let events = 0;
    let resolved = 0;
    for (let i = 0; i < w1Cases; i++) {
      const stream = await readWhole(store, w1CaseId(i));
      events += stream.length;
      const state = fold(supportCase, stream as ReadonlyArray<RecordedEvent & CaseEvent>);
      if (state.status === 'resolved') resolved++;
    }
    sanity.push(`events:${events}`, `resolved:${resolved}`);
    return {
      value: commands.length / seconds,
      unit: 'commands/s',
      count: resolved,
      checksum: checksum(sanity),
    };
  } finally {
    await dispose();
  }
};

/**
 * W2 through Dossier's `handle` on a stream seeded with `seedEvents`: the median latency of a command in ms. With
 * `snapshotEvery`, handling takes snapshots every so many events (the first command folds the whole seed and
 * writes one); without, every command folds the whole stream, as WORKLOAD.md words the cycle.
 */
export const dossierW2 = async (
  open: OpenWorkloadStore,
  seedEvents: number,
  snapshotEvery?: number,
): Promise<WorkloadResult> => {
  const options =
    snapshotEvery === undefined ? {} : { snapshots: { codec: ProfileStateCodec, every: snapshotEvery } };
  const { store, dispose } = await open(paymentProfileSchema);
  try {
    const seed = w2SeedEvents(seedEvents);
    for (let from = 0; from < seed.length; from += 1000) {
      const batch = seed.slice(from, from + 1000).map((event) => ({
        ...event,
        metadata: { eventId: randomUUID(), actor: 'seed' },
      }));
      const seeded = await store.append(w2Stream, from === 0 ? 'no-stream' : BigInt(from - 1), batch)();
      if (E.isLeft(seeded)) throw new WorkloadFailed(`seeding ${w2Stream}: ${seeded.left._tag}`);
    }
    const commands = w2Commands();
    settle();
    const latencies: number[] = [];
    for (const command of commands) {
      const start = performance.now();
      const handled = await handle(
        store,
        paymentProfile,
        { stream: w2Stream, command, context: context() },
        options,
      )();
      latencies.push(performance.now() - start);
      if (E.isLeft(handled)) throw new WorkloadFailed(`GrantPermission: ${handled.left._tag}`);
    }
    const final: ProfileState = fold(
      paymentProfile,
      (await readWhole(store, w2Stream)) as ReadonlyArray<RecordedEvent & ProfileEvent>,
    );
    return {
      value: median(latencies),
      unit: 'ms (median)',
      p95: percentile(latencies, 95),
      ...w2StateChecksum(final),
    };
  } finally {
    await dispose();
  }
};
