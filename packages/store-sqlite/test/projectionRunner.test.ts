import * as E from 'fp-ts/lib/Either.js';
import { afterEach, describe, expect, it } from 'vitest';
import { replayProjection, runProjections, type EventStore, type Projection } from '@dossier/core';
import { createSqliteProjectionStore, createSqliteStore } from '../src/index.js';
import { tally, type BasketEvent, type Tally } from './fixtures/projectionTally.mjs';
import { newEvent, right, tempFolder } from './helpers.js';

let temp: ReturnType<typeof tempFolder> | undefined;
afterEach(() => temp?.remove());

const counted = (counter: { count: number }): Projection<Tally, BasketEvent, { readonly total: number }> => ({
  ...tally,
  apply: (state, event) => {
    counter.count += 1;
    return tally.apply(state, event);
  },
});

const addItems = async (store: EventStore, from: number, count: number) => {
  for (let i = from; i < from + count; i++)
    await right(
      store.append(`basket-${i % 4}`, 'any', [newEvent(i % 5 === 0 ? 'ItemRemoved' : 'ItemAdded', { n: i })]),
    );
};

const cleanRebuild = async (store: EventStore) =>
  replayProjection(
    tally,
    (await right(store.readAll())).filter((e) => tally.eventTypes.includes(e.type as never)) as never,
  );

const lastPosition = async (store: EventStore) =>
  (await right(store.readAll({ direction: 'backwards', limit: 1 })))[0]?.position;

const valueOf = <A>(either: E.Either<unknown, A>): A => {
  if (E.isLeft(either)) throw new Error(JSON.stringify(either.left));
  return either.right;
};

describe('projections over SQLite', () => {
  it('resume after a restart from the saved checkpoint, applying nothing twice', async () => {
    temp = tempFolder();
    const projectionsPath = `${temp.folder}/projections.db`;
    const store = createSqliteStore({ path: temp.dbPath });
    const counter = { count: 0 };
    await addItems(store, 0, 250);
    const first = await right(
      runProjections({
        store,
        states: createSqliteProjectionStore({ path: projectionsPath }),
        projections: [counted(counter)],
        saveEvery: 40,
      }),
    );
    await first.settled();
    await first.stop();
    expect(counter.count).toBe(250);

    await addItems(store, 250, 50);
    const states = createSqliteProjectionStore({ path: projectionsPath });
    const second = await right(
      runProjections({ store, states, projections: [counted(counter)], saveEvery: 40 }),
    );
    await second.settled();
    expect(counter.count).toBe(300);
    expect(valueOf(second.state(tally))).toEqual(await cleanRebuild(store));
    const [status] = await second.status();
    const head = await lastPosition(store);
    expect(status).toMatchObject({ position: head, checkpoint: head, head, lag: 0n, caughtUp: true });
    await second.stop();
    await states.close();
    await store.close();
  });

  it('fold live what another connection appends, and keep a rebuilt copy current after reopening', async () => {
    temp = tempFolder();
    const projectionsPath = `${temp.folder}/projections.db`;
    const store = createSqliteStore({ path: temp.dbPath, pollIntervalMs: 5 });
    const writer = createSqliteStore({ path: temp.dbPath });
    const states = createSqliteProjectionStore({ path: projectionsPath });
    const runner = await right(runProjections({ store, states, projections: [tally], idleMs: 1 }));
    await addItems(writer, 0, 30);
    await runner.settled();
    expect(valueOf(runner.state(tally))).toEqual(await cleanRebuild(store));
    const head = await lastPosition(store);
    expect(await runner.rebuild(tally)).toEqual(
      E.right({ name: 'tally', version: 1, generation: 1, position: head }),
    );
    await runner.stop();
    await states.close();

    const reopened = createSqliteProjectionStore({ path: projectionsPath });
    const key = { name: 'tally', version: 1, generation: 1 };
    expect(await right(reopened.current('tally'))).toEqual({ key, checkpoint: head });
    expect(reopened.rows(key).get('state', '')).toEqual(await cleanRebuild(store));
    await reopened.close();
    await writer.close();
    await store.close();
  });
});
