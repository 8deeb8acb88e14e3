import * as E from 'fp-ts/lib/Either.js';
import {
  concurrencyConflict,
  meetsExpectation,
  type ExpectedRevision,
  type StoreError,
  type StreamName,
} from '@dossier/core';
import { esdbStream, type StoreContext } from './context.js';
import { toStoreError } from './errors.js';
import { backoff, maxAttempts } from './retry.js';
import { readLast } from './tip.js';

type Attempt =
  { readonly kind: 'done'; readonly result: E.Either<StoreError, void> } | { readonly kind: 'raced' };

const attempt = async (
  ctx: StoreContext,
  stream: StreamName,
  expected: ExpectedRevision,
): Promise<Attempt> => {
  const done = (result: E.Either<StoreError, void>): Attempt => ({ kind: 'done', result });
  // Also answers StreamDeleted for a stream deleted before: EventStoreDB would accept a second soft delete.
  const last = await readLast(ctx, stream);
  if (E.isLeft(last)) return done(last);
  const current = last.right?.revision ?? null;
  if (!meetsExpectation(expected, current))
    return done(E.left(concurrencyConflict(stream, expected, current ?? 'no-stream')));
  // `exists` has no spelling in the delete call: it becomes the revision just read; `no-stream` becomes `any`,
  // and a writer creating the stream between the read above and the delete finds it deleted too.
  const at = expected === 'exists' || expected === 'no-stream' ? (current ?? 'any') : expected;
  const name = esdbStream(ctx, stream);
  const context = { operation: `deleting ${stream}`, stream, expected };
  try {
    const client = await ctx.client();
    try {
      await client.deleteStream(name, { expectedRevision: at });
    } catch (thrown) {
      // The server refuses to soft-delete a name that never held events nor metadata, whatever was expected
      // (KurrentDB#4637), where the port marks the name deleted: with metadata the stream exists implicitly,
      // and deleting it then succeeds. Written only where there is none, so no metadata is ever replaced.
      if (current === null && toStoreError(thrown, context)._tag === 'ConcurrencyConflict') {
        await client.setStreamMetadata(name, {}, { expectedRevision: 'no_stream' }).catch(() => undefined);
        await client.deleteStream(name, { expectedRevision: 'any' });
      } else throw thrown;
    }
    return done(E.right(undefined));
  } catch (thrown) {
    const error = toStoreError(thrown, context);
    if (error._tag === 'ConcurrencyConflict' && expected === 'exists') return { kind: 'raced' };
    return done(E.left(error));
  }
};

/**
 * Soft-deletes a stream with EventStoreDB's `deleteStream`, which keeps its events in `$all` (until a
 * scavenge) and makes reads of the stream answer `StreamDeleted`.
 */
export const deleteStream = async (
  ctx: StoreContext,
  stream: StreamName,
  expected: ExpectedRevision = 'any',
): Promise<E.Either<StoreError, void>> => {
  for (let tries = 1; tries <= maxAttempts; tries++) {
    const outcome = await attempt(ctx, stream, expected);
    if (outcome.kind === 'done') return outcome.result;
    await backoff(tries);
  }
  return E.left(concurrencyConflict(stream, expected, 'no-stream'));
};
