import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import type { KeyedProjection } from '../../projection/projection.js';
import { createInMemoryProjectionStore } from '../../projection/inMemoryProjectionStore.js';
import { runProjections } from '../../projection/runner.js';
import { put, remove } from '../../projection/rows.js';
import type { EventStore } from '../../store/port.js';
import { settle, type WorkloadResult } from './spec.js';
import type { WorkloadCase } from './run.js';
import { w3Checksum, w3Events, w3Expected, w3Order, w3Total, type W3Event, type W3Queued } from './w3Spec.js';
import { WorkloadFailed } from './dossier.js';

// The baseline of WORKLOAD.md §5 for W3: the log held as JSON strings, each parsed and folded into a Map, then sorted.

/** W3 by the bare loop: one `JSON.parse` per event into a Map, then the sort. */
export const baselineW3 = (total = w3Total): WorkloadResult => {
  const log: string[] = [];
  for (const event of w3Events(total)) log.push(JSON.stringify(event));
  settle();
  const start = performance.now();
  const open = new Map<string, { -readonly [K in keyof W3Queued]: W3Queued[K] }>();
  for (const text of log) {
    const event = JSON.parse(text) as W3Event;
    if (event.type === 'CaseOpened') {
      const { caseId, priority, openedAt, customerId, channel } = event.data;
      open.set(event.stream, { caseId, priority, openedAt, customerId, channel, respondedAt: null });
    } else if (event.type === 'FirstResponseSent') {
      const entry = open.get(event.stream);
      if (entry !== undefined) entry.respondedAt = event.data.at;
    } else open.delete(event.stream);
  }
  const queue = [...open.values()].sort(w3Order);
  const seconds = (performance.now() - start) / 1000;
  return { value: log.length / seconds, unit: 'events/s', ...w3Checksum(queue) };
};

type W3RecordedEvent = {
  readonly [K in W3Event['type']]: {
    readonly type: K;
    readonly data: Extract<W3Event, { readonly type: K }>['data'];
  };
}[W3Event['type']];

/** W3's open-ticket queue as a keyed projection: one row per open case; the query sorts them. */
export const w3Queue: KeyedProjection<W3RecordedEvent, { readonly ordered: () => ReadonlyArray<W3Queued> }> =
  {
    name: 'w3OpenTicketQueue',
    version: 1,
    eventTypes: ['CaseOpened', 'FirstResponseSent', 'CaseResolved'],
    apply: (rows, event) => {
      if (event.type === 'CaseOpened') {
        const { caseId, priority, openedAt, customerId, channel } = event.data;
        return [
          put('cases', event.stream, { caseId, priority, openedAt, customerId, channel, respondedAt: null }),
        ];
      }
      const entry = rows.get('cases', event.stream) as W3Queued | undefined;
      if (entry === undefined) return [];
      return event.type === 'FirstResponseSent'
        ? [put('cases', event.stream, { ...entry, respondedAt: event.data.at })]
        : [remove('cases', event.stream)];
    },
    query: (rows) => ({ ordered: () => [...(rows.list('cases') as ReadonlyArray<W3Queued>)].sort(w3Order) }),
  };

/**
 * W3 through Dossier: the log appended one event at a time with its expected version (untimed), then, timed, the
 * projection runner rebuilding the queue from the start of the global log into an in-memory projection store, up to
 * the sorted array of open cases.
 */
export const dossierW3 = async (
  open: () => Promise<{ readonly store: EventStore; readonly dispose: () => Promise<void> }>,
  total = w3Total,
): Promise<WorkloadResult> => {
  const { store, dispose } = await open();
  try {
    for (const event of w3Events(total)) {
      const expected = event.version === 1 ? 'no-stream' : BigInt(event.version - 2);
      const appended = await store.append(event.stream, expected, [
        { type: event.type, data: event.data, metadata: { eventId: randomUUID() } },
      ])();
      if (E.isLeft(appended)) throw new WorkloadFailed(`appending to ${event.stream}: ${appended.left._tag}`);
    }
    settle();
    const start = performance.now();
    const states = createInMemoryProjectionStore();
    const started = await runProjections({ store, states, projections: [w3Queue] })();
    if (E.isLeft(started)) throw new WorkloadFailed(`starting the runner: ${started.left._tag}`);
    await started.right.settled();
    const view = started.right.query(w3Queue);
    if (E.isLeft(view)) throw new WorkloadFailed('the queue is not running');
    const queue = view.right.ordered();
    const seconds = (performance.now() - start) / 1000;
    await started.right.stop();
    return { value: total / seconds, unit: 'events/s', ...w3Checksum(queue) };
  } finally {
    await dispose();
  }
};

/** W3 as a line of the workload table: the runner on the given store beside the bare loop, in one process. */
export const w3Case = (
  subject: string,
  open: () => Promise<{ readonly store: EventStore; readonly dispose: () => Promise<void> }>,
): WorkloadCase => ({
  name: `W3 ${subject}`,
  reference: w3Expected,
  run: async () => ({ baseline: baselineW3(), dossier: await dossierW3(open) }),
});
