import * as E from 'fp-ts/lib/Either.js';
import {
  GENESIS_HASH,
  concurrencyConflict,
  meetsExpectation,
  streamDeleted,
  type ExpectedRevision,
  type StoreError,
  type StreamName,
} from '@dossier/core';
import { Refused, failure, type StoreContext } from './context.js';
import { readTip } from './read.js';

/**
 * Marks a stream deleted in `streams`. Its events stay in the log, so the global positions and the hash chain
 * an auditor verifies are untouched; reads and appends of the stream answer `StreamDeleted`.
 */
export const deleteStream = (
  ctx: StoreContext,
  stream: StreamName,
  expected: ExpectedRevision = 'any',
): E.Either<StoreError, void> => {
  if (ctx.options.readOnly)
    return E.left(failure(ctx, `deleting ${stream}`, 'the store was opened read-only'));
  try {
    ctx.db
      .transaction(() => {
        const tip = readTip(ctx, stream);
        if (tip?.deleted_at !== null && tip?.deleted_at !== undefined)
          throw new Refused(streamDeleted(stream));
        const current = tip?.revision ?? null;
        if (!meetsExpectation(expected, current)) {
          throw new Refused(concurrencyConflict(stream, expected, current ?? 'no-stream'));
        }
        ctx
          .sql(
            `INSERT INTO streams (stream, revision, hash, deleted_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (stream) DO UPDATE SET deleted_at = excluded.deleted_at`,
          )
          .run(stream, current, tip?.hash ?? GENESIS_HASH, ctx.options.clock());
      })
      .immediate();
    return E.right(undefined);
  } catch (thrown) {
    if (thrown instanceof Refused) return E.left(thrown.error);
    return E.left(failure(ctx, `deleting ${stream}`, thrown));
  }
};
