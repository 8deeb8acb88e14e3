import * as E from 'fp-ts/lib/Either.js';
import type { ReadStreamOptions, RecordedEvent, StoreError, StreamName } from '@dossier/core';
import { collect } from './collect.js';
import { esdbStream, type StoreContext } from './context.js';
import { decodeEvent } from './raw.js';
import { notFoundOrDeleted } from './tip.js';

/**
 * Reads one stream from an inclusive revision, forwards or backwards, decoding every event. "Not found"
 * becomes `StreamDeleted` when the stream was deleted. A limit of 0 still says whether the stream exists.
 */
export const readStream = async (
  ctx: StoreContext,
  stream: StreamName,
  options: ReadStreamOptions = {},
): Promise<E.Either<StoreError, ReadonlyArray<RecordedEvent>>> => {
  const backwards = options.direction === 'backwards';
  const limit = options.limit ?? Number.MAX_SAFE_INTEGER;
  const read = await collect(
    ctx,
    (client) =>
      client.readStream(esdbStream(ctx, stream), {
        direction: backwards ? 'backwards' : 'forwards',
        fromRevision: options.fromRevision ?? (backwards ? 'end' : 'start'),
        maxCount: Math.max(limit, 1),
      }),
    { operation: `reading ${stream}`, stream },
  );
  if (E.isLeft(read)) {
    return E.left(
      read.left._tag === 'StreamNotFound' ? await notFoundOrDeleted(ctx, stream, read.left) : read.left,
    );
  }
  const events: RecordedEvent[] = [];
  for (const resolved of read.right.slice(0, Math.max(limit, 0))) {
    if (resolved.event === undefined) continue;
    const decoded = decodeEvent(ctx, resolved, resolved.event);
    if (E.isLeft(decoded)) return decoded;
    events.push(decoded.right);
  }
  return E.right(events);
};
