// `pnpm --filter @dossier/cli bench:resume`: a restart of Dossier over EventStoreDB (the in-process test server, the
// real client over real gRPC) with its read models and flows' checkpoints in a SQLite projection store. The log is
// `dossier generate`'s (RESUME_EVENTS, 100,000 unless told), made in memory and copied to the server stream by stream;
// Dossier starts on it and catches up from zero (the four read models and both flows), stops; RESUME_NEW more events
// (1,000) are generated on the server itself; Dossier starts again from its checkpoints. For each start: the events
// the runners read (forward reads of the log and subscriptions), the server's requests and the wall time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import {
  createInMemoryStore,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
  type SubscriptionMessage,
} from '@dossier/core';
import { createDossier, dossierSchema, openStore } from '@dossier/app';
import { startTestServer } from '@dossier/eventstoredb-test-server';
import { createSqliteProjectionStore } from '@dossier/store-sqlite';
import { generateLog, type GenerateOptions } from '../src/generate/generate.js';

const total = Number(process.env['RESUME_EVENTS'] ?? 100_000);
const fresh = Number(process.env['RESUME_NEW'] ?? 1_000);

const must = <A>(result: E.Either<unknown, A>): A => {
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left, (_k, v: unknown) => String(v)));
  return result.right;
};

const generate = (events: number, prefix: string): Omit<GenerateOptions, 'events'> & { events: number } => ({
  events,
  seed: 7,
  prefix,
  startsAt: Date.parse('2026-01-05T09:00:00Z'),
  setClock: () => undefined,
  inTransaction: (work) => work(),
  startsEmpty: true,
});

/** Counts the events handed to readers of the global log: forward reads and subscriptions. */
const counting = (store: EventStore): { store: EventStore; read: () => number; reset: () => void } => {
  let read = 0;
  return {
    read: () => read,
    reset: () => {
      read = 0;
    },
    store: {
      ...store,
      readAll: (options) => async () => {
        const page = await store.readAll(options)();
        if (E.isRight(page) && options?.direction !== 'backwards') read += page.right.length;
        return page;
      },
      subscribe: (options) => {
        const inner = store.subscribe(options);
        async function* counted(): AsyncGenerator<SubscriptionMessage> {
          for await (const message of inner) {
            if (message.kind === 'event') read += 1;
            yield message;
          }
        }
        const messages = counted();
        return { [Symbol.asyncIterator]: () => messages, stop: inner.stop };
      },
    },
  };
};

const asNew = (event: RecordedEvent): NewEvent => ({
  type: event.type,
  data: event.data,
  metadata: {
    eventId: event.metadata.eventId,
    ...(event.metadata.commandId === null ? {} : { commandId: event.metadata.commandId }),
    ...(event.metadata.commandHash === null ? {} : { commandHash: event.metadata.commandHash }),
    correlationId: event.metadata.correlationId,
    ...(event.metadata.causationId === null ? {} : { causationId: event.metadata.causationId }),
    ...(event.metadata.actor === null ? {} : { actor: event.metadata.actor }),
  },
});

const seconds = (from: bigint): number => Number(process.hrtime.bigint() - from) / 1e9;

const server = await startTestServer({ client: '@eventstore/db-client' });
const folder = mkdtempSync(join(tmpdir(), 'dossier-resume-bench-'));
const { store: direct } = must(await openStore(server.url)());
try {
  const seededFrom = process.hrtime.bigint();
  const memory = createInMemoryStore({ schema: dossierSchema });
  must(await generateLog(memory, generate(total, 'g')));
  const byStream = new Map<string, NewEvent[]>();
  for (const event of must(await memory.readAll()()))
    byStream.set(event.stream, [...(byStream.get(event.stream) ?? []), asNew(event)]);
  for (const [stream, events] of byStream)
    for (let i = 0; i < events.length; i += 500)
      must(await direct.append(stream, i === 0 ? 'no-stream' : BigInt(i - 1), events.slice(i, i + 500))());
  const dossierEvents = [...byStream.values()].reduce((n, events) => n + events.length, 0);
  console.log(
    `seeded ${dossierEvents} of Dossier's events in ${byStream.size} streams (${server.store.log.length} records in $all, the store's own included) in ${seconds(seededFrom).toFixed(1)} s`,
  );

  const { store, read, reset } = counting(direct);
  const path = join(folder, 'projections.db');
  const start = async (label: string) => {
    reset();
    server.requests.length = 0;
    const states = createSqliteProjectionStore({ path, synchronous: 'normal' });
    const from = process.hrtime.bigint();
    const dossier = createDossier({ store, projectionStore: states });
    must(await dossier.start());
    await dossier.waitUntilCaughtUp();
    const wall = seconds(from);
    await dossier.stop();
    await states.close();
    const result = {
      label,
      log: server.store.log.length,
      eventsRead: read(),
      requests: server.requests.length,
      streamReads: server.requests.filter((r) => r.kind === 'read').length,
      seconds: Number(wall.toFixed(2)),
    };
    console.log(JSON.stringify({ bench: 'resume-eventstoredb', ...result }));
    return result;
  };

  await start('first start, from zero');
  const generated = must(await generateLog(direct, generate(fresh, 'h')));
  console.log(`appended ${generated.events} events while stopped`);
  await start('restart');
  await start('restart, nothing new');
} finally {
  await direct.close();
  await server.stop();
  rmSync(folder, { recursive: true, force: true });
}
