import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import {
  isJsonValue,
  storeUnavailable,
  type SnapshotStore,
  type StoreError,
  type StoredSnapshot,
  type StreamName,
} from '@dossier/core';
import { call, collect } from './collect.js';
import { esdbStream, type StoreContext } from './context.js';

/** The stream holding a stream's snapshots: its own category, so no projection of the aggregate sees it. */
export const snapshotStream = (stream: StreamName): string => `dossier.snapshot-${stream}`;

/** `$`-typed like EventStoreDB's own events, so that reads of the global log and subscriptions leave it out. */
export const snapshotType = '$dossier.snapshot';

const parse = (stream: StreamName, data: unknown): StoredSnapshot | null => {
  if (typeof data !== 'object' || data === null) return null;
  const { revision, hash, key, state } = data as Record<string, unknown>;
  if (typeof revision !== 'string' || !/^\d+$/.test(revision)) return null;
  if (typeof hash !== 'string' || typeof key !== 'string') return null;
  return { stream, revision: BigInt(revision), hash, key, state };
};

/**
 * Snapshots in a stream per aggregate stream, capped at one event with `$maxCount` 1 so the server scavenges
 * older ones; the latest is read backwards. Written after the append, best effort: EventStoreDB cannot append
 * to two streams atomically, and a snapshot is only a cache checked against the log before it is used.
 */
export const esdbSnapshots = (ctx: StoreContext): SnapshotStore => ({
  read: (stream) => async () => {
    const read = await collect(
      ctx,
      (client) =>
        client.readStream(esdbStream(ctx, snapshotStream(stream)), {
          direction: 'backwards',
          fromRevision: 'end',
          maxCount: 1,
        }),
      { operation: `reading the snapshot of ${stream}`, stream },
    );
    if (E.isLeft(read)) return read.left._tag === 'StreamNotFound' ? E.right(null) : read;
    const event = read.right[0]?.event;
    if (event === undefined) return E.right(null);
    const snapshot = parse(stream, event.data);
    return snapshot === null
      ? E.left(storeUnavailable(`the snapshot of ${stream} is malformed`))
      : E.right(snapshot);
  },
  write: (snapshot) => async (): Promise<E.Either<StoreError, void>> => {
    if (!isJsonValue(snapshot.state))
      return E.left(storeUnavailable(`the snapshot state of ${snapshot.stream} is not plain JSON`));
    const target = esdbStream(ctx, snapshotStream(snapshot.stream));
    const written = await call(
      ctx,
      (client) =>
        client.appendToStream(
          target,
          [
            {
              id: randomUUID(),
              contentType: 'application/json',
              type: snapshotType,
              data: {
                revision: snapshot.revision.toString(),
                hash: snapshot.hash,
                key: snapshot.key,
                state: snapshot.state,
              },
              metadata: {},
            },
          ],
          { expectedRevision: 'any', streamState: 'any' },
        ),
      { operation: `writing the snapshot of ${snapshot.stream}`, stream: snapshot.stream },
    );
    if (E.isLeft(written)) return written;
    // The first snapshot of a stream caps it at one event, so old snapshots do not pile up.
    if (written.right.nextExpectedRevision !== 0n) return E.right(undefined);
    const capped = await call(
      ctx,
      (client) => client.setStreamMetadata(target, { maxCount: 1 }, { expectedRevision: 'any' }),
      { operation: `capping the snapshots of ${snapshot.stream}`, stream: snapshot.stream },
    );
    return E.map(() => undefined)(capped);
  },
});
