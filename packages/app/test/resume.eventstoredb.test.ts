import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createInMemoryProjectionStore,
  runProjections,
  type EventShape,
  type EventStore,
  type Projection,
  type ProjectionStore,
} from '@dossier/core';
import { startTestServer, type TestServer } from '@dossier/eventstoredb-test-server';
import { createSqliteProjectionStore } from '@dossier/store-sqlite';
import { createDossier, dossierProjections, openStore } from '../src/index.js';
import { countingStore } from './support/countingStore.js';
import { startDropProxy, type DropProxy } from './support/dropProxy.js';
import { readLog, right, rightOf } from './support/flowFixtures.js';
import { started } from './support/harness.js';
import { liveAgainstRebuild } from './support/live.js';
import { runWork, workload, type Work } from './support/workload.js';

// Dossier on EventStoreDB (the in-process protocol server, the real client over real gRPC) with its read models and
// flows' checkpoints in the SQLite projection store: a restart resumes from them, and a dropped connection is
// resubscribed from them.

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const serverAndFolder = async (): Promise<{ readonly server: TestServer; readonly path: string }> => {
  const server = await startTestServer({ client: '@eventstore/db-client' });
  const folder = mkdtempSync(join(tmpdir(), 'dossier-resume-'));
  cleanups.push(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });
  return { server, path: join(folder, 'projections.db') };
};

const opened = async (url: string): Promise<EventStore> => {
  const { store } = await right(openStore(url));
  cleanups.push(() => store.close());
  return store;
};

const sqliteStates = (path: string): ProjectionStore => {
  const states = createSqliteProjectionStore({ path, synchronous: 'normal' });
  cleanups.push(() => states.close());
  return states;
};

/**
 * Runs work items in order, each under its own command id, trying a store failure again (same id) for up to 5 s: the
 * client reconnects on the call after a drop, later on a loaded machine.
 */
const runAll = async (
  run: (work: Work, commandId: string) => Promise<boolean>,
  works: ReadonlyArray<Work>,
  prefix: string,
  before: (index: number) => void = () => undefined,
): Promise<void> => {
  for (const [index, work] of works.entries()) {
    before(index);
    let attempts = 0;
    while (!(await run(work, `${prefix}-${index}`))) {
      if (++attempts > 500) throw new Error(`work ${index} still fails after ${attempts} attempts`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
};

describe('resumption on EventStoreDB with the SQLite projection store', () => {
  it('a restart reads only the events appended while stopped, and the read models equal a fold from zero', async () => {
    const { server, path } = await serverAndFolder();
    const direct = await opened(server.url);
    const { store, reads } = countingStore(direct);
    const works = workload(8);
    const half = Math.floor(works.length / 2);

    const first = await started({ store, states: sqliteStates(path) });
    await runAll((work, id) => runWork(first, work, id), works.slice(0, half), 'a');
    expect((await liveAgainstRebuild(first)).differing).toEqual([]);
    await first.stop();
    const head = (await readLog(direct)).at(-1)?.position ?? -1n;
    expect(reads.delivered.length).toBeGreaterThan(0);

    // While stopped, another process writes (no runners of its own).
    const writer = createDossier({ store: direct, flows: false });
    await runAll((work, id) => runWork(writer, work, id, false), works.slice(half), 'b');
    const written = (await readLog(direct)).filter((event) => event.position > head).length;
    console.log({
      head,
      written,
      total: (await readLog(direct)).length,
      positions: (await readLog(direct)).map((e) => e.position).slice(-5),
    });
    expect(written).toBeGreaterThan(10);

    reads.delivered.length = 0;
    const second = await started({ store, states: sqliteStates(path) });
    await second.waitUntilCaughtUp();
    const delivered = [...reads.delivered];
    const { events, differing } = await liveAgainstRebuild(second);
    expect(differing).toEqual([]);
    // Nothing the first run had folded is read again; what is read is new: the events written while stopped and
    // those the flows wrote since (each read by the runners whose types it has: at most the four models and two flows).
    expect(delivered.filter((position) => position <= head)).toEqual([]);
    const fresh = events.filter((event) => event.position > head).length;
    expect(delivered.length).toBeGreaterThanOrEqual(written);
    expect(delivered.length).toBeLessThanOrEqual(6 * fresh);
    await second.stop();

    // With nothing new, a restart reads no event at all.
    reads.delivered.length = 0;
    server.requests.length = 0;
    const third = await started({ store, states: sqliteStates(path) });
    await third.waitUntilCaughtUp();
    expect(reads.delivered).toEqual([]);
    // No flow dispatched again: a command would have read its stream.
    expect(server.requests.filter((request) => request.kind === 'read')).toEqual([]);
    expect((await liveAgainstRebuild(third)).differing).toEqual([]);
    await third.stop();
  });
});

// Every event type the read models fold, counted: unlike them (their rows are put again the same), a count folded twice
// or missed shows.
const readModelTypes: ReadonlyArray<string> = [...new Set(dossierProjections.flatMap((p) => p.eventTypes))];
const counted: Projection<number, EventShape, number> = {
  name: 'counted',
  version: 1,
  eventTypes: readModelTypes,
  initialState: 0,
  apply: (n) => n + 1,
  query: (n) => n,
};

describe('catch-up subscriptions on EventStoreDB after dropped connections', () => {
  it('resubscribe from their checkpoints: the read models equal a fold from zero and no command acts twice', async () => {
    const { server } = await serverAndFolder();
    const proxy: DropProxy = await startDropProxy(server.port);
    cleanups.push(proxy.close);
    const { store, reads } = countingStore(await opened(`esdb://127.0.0.1:${proxy.port}?tls=false`));
    const dossier = await started(
      { store, states: createInMemoryProjectionStore() },
      { retry: { initialMs: 5, maxMs: 50 } },
    );
    cleanups.push(dossier.stop);
    const counter = await right(
      runProjections({ store, states: createInMemoryProjectionStore(), projections: [counted], idleMs: 5 }),
    );
    cleanups.push(counter.stop);
    const subscribedAtStart = reads.subscriptions;

    // Every connection is cut every few commands, while the runners are live (and the flows may be dispatching).
    await runAll(
      (work, id) => runWork(dossier, work, id),
      workload(3),
      'c',
      (index) => {
        if (index % 4 === 3) proxy.drop();
      },
    );
    await dossier.waitUntilCaughtUp();
    await counter.settled();

    expect(proxy.cut()).toBeGreaterThan(0);
    expect(reads.subscriptions).toBeGreaterThan(subscribedAtStart);
    const { events, differing } = await liveAgainstRebuild(dossier);
    expect(differing).toEqual([]);
    const folded = events.filter((event) => readModelTypes.includes(event.type)).length;
    expect(rightOf(counter.query(counted))).toBe(folded);
    // No duplicate effect: each command's events are one append — one stream, consecutive revisions.
    const byCommand = new Map<string, Array<{ stream: string; revision: bigint }>>();
    for (const event of events) {
      const id = event.metadata.commandId ?? event.metadata.eventId;
      byCommand.set(id, [...(byCommand.get(id) ?? []), { stream: event.stream, revision: event.revision }]);
    }
    const twice = [...byCommand].filter(
      ([, written]) =>
        new Set(written.map((w) => w.stream)).size > 1 ||
        written.some((w, i) => i > 0 && w.revision !== (written[i - 1]?.revision ?? -2n) + 1n),
    );
    expect(twice).toEqual([]);
  }, 60_000);
});
