import * as E from 'fp-ts/lib/Either.js';
import {
  GENESIS_HASH,
  streamDeleted,
  undecodable,
  type RawRecordedEvent,
  type StoreError,
  type StreamName,
  type UndecodableEvent,
} from '@dossier/core';
import { esdbStream, type StoreContext } from './context.js';
import { call, collect } from './collect.js';
import { toRaw } from './raw.js';

/** A stream's last event, undecoded. */
export interface LastEvent {
  readonly revision: bigint;
  readonly raw: RawRecordedEvent;
}

/** Where a stream stands for the hash chain: its last event's revision, hash and position. */
export interface Tip {
  readonly revision: bigint;
  readonly hash: string;
  readonly position: bigint;
}

/**
 * A soft delete sets the stream's truncate-before (`$tb`) to EventNumber.DeletedStream (2^63 - 1), which
 * JSON parsing turns into a float; no live stream is ever truncated that far.
 */
const isDeletedTruncation = (truncateBefore: unknown): boolean =>
  typeof truncateBefore === 'number' && truncateBefore >= Number.MAX_SAFE_INTEGER;

/**
 * Whether a stream that reads as not found was soft-deleted. EventStoreDB answers reads of a soft-deleted
 * stream with "not found"; Dossier's port answers `StreamDeleted`, so the adapter looks at the metadata.
 */
const isSoftDeleted = async (
  ctx: StoreContext,
  stream: StreamName,
): Promise<E.Either<StoreError, boolean>> => {
  const result = await call(ctx, (client) => client.getStreamMetadata(esdbStream(ctx, stream)), {
    operation: `reading the metadata of ${stream}`,
    stream,
  });
  return E.map((read: { readonly metadata?: { readonly truncateBefore?: unknown } | undefined }) =>
    isDeletedTruncation(read.metadata?.truncateBefore),
  )(result);
};

/** Turns a "not found" into `StreamDeleted` when the stream was deleted. */
export const notFoundOrDeleted = async (
  ctx: StoreContext,
  stream: StreamName,
  notFound: StoreError,
): Promise<StoreError> => {
  const deleted = await isSoftDeleted(ctx, stream);
  if (E.isLeft(deleted)) return deleted.left;
  return deleted.right ? streamDeleted(stream) : notFound;
};

/**
 * The tip of a stream the writer expects not to exist: none, unless it was soft-deleted. A `no_stream` append to a
 * stream with events is refused by the server itself, so only a soft delete (which such an append would undo,
 * continuing the old numbering) needs a look: one read of the stream's metadata instead of two reads.
 */
export const newStreamTip = async (
  ctx: StoreContext,
  stream: StreamName,
): Promise<E.Either<StoreError, null>> => {
  const deleted = await isSoftDeleted(ctx, stream);
  if (E.isLeft(deleted)) return deleted;
  return deleted.right ? E.left(streamDeleted(stream)) : E.right(null);
};

/**
 * Reads the stream's last event (backwards, one): `null` when the stream has no events, `StreamDeleted`
 * when it was deleted.
 */
export const readLast = async (
  ctx: StoreContext,
  stream: StreamName,
): Promise<E.Either<StoreError, LastEvent | null>> => {
  const read = await collect(
    ctx,
    (client) =>
      client.readStream(esdbStream(ctx, stream), {
        direction: 'backwards',
        fromRevision: 'end',
        maxCount: 1,
      }),
    { operation: `reading the last event of ${stream}`, stream },
  );
  if (E.isLeft(read)) {
    if (read.left._tag !== 'StreamNotFound') return read;
    const deleted = await isSoftDeleted(ctx, stream);
    if (E.isLeft(deleted)) return deleted;
    return deleted.right ? E.left(streamDeleted(stream)) : E.right(null);
  }
  const resolved = read.right[0];
  const event = resolved?.event;
  if (resolved === undefined || event === undefined) return E.right(null);
  return E.right({ revision: event.revision, raw: toRaw(resolved, event, ctx.streamPrefix) });
};

/**
 * The tip the chain continues from. A last event without a Dossier hash (written by another tool, or
 * corrupt) stops appends with `UndecodableEvent`, rather than starting a chain nobody could verify.
 */
export const chainTip = (last: LastEvent | null): E.Either<UndecodableEvent, Tip | null> => {
  if (last === null) return E.right(null);
  const metadata: unknown = last.raw.metadata;
  const hash =
    typeof metadata === 'object' && metadata !== null
      ? (metadata as { readonly hash?: unknown }).hash
      : undefined;
  if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) {
    return E.left(undecodable(last.raw, 'the last event has no Dossier hash, so the chain cannot continue'));
  }
  return E.right({ revision: last.revision, hash, position: last.raw.position });
};

/** The hash a new event chains from. */
export const tipHash = (tip: Tip | null): string => tip?.hash ?? GENESIS_HASH;
