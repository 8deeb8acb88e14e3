import * as E from 'fp-ts/lib/Either.js';
import {
  concurrencyConflict,
  type AppendOptions,
  meetsExpectation,
  prepareAppend,
  type AppendResult,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
  type StoreError,
  type StreamName,
} from '@dossier/core';
import type { EsdbExpectedRevision } from './clientLike.js';
import type { StoreContext } from './context.js';
import { actualRevision, toStoreError } from './errors.js';
import { checkEncoded, checkEventIds } from './eventData.js';
import { backoff, maxAttempts } from './retry.js';
import { chainTip, newStreamTip, readLast, tipHash, type Tip } from './tip.js';
import { write } from './write.js';

type Attempt =
  { readonly kind: 'done'; readonly result: E.Either<StoreError, AppendResult> } | { readonly kind: 'raced' };

/**
 * The tip to chain from: the writer's, when it gave the hash of the event at the exact revision it expects
 * (the server still checks that revision, so a stale one is refused as a conflict); none for a new stream the
 * writer expects (the server refuses `no_stream` where there are events); or the last event read.
 */
const tipFor = async (
  ctx: StoreContext,
  stream: StreamName,
  expected: ExpectedRevision,
  options: AppendOptions,
  nonEmpty: boolean,
): Promise<E.Either<StoreError, Tip | null>> => {
  if (typeof expected === 'bigint' && options.expectedHash !== undefined)
    return E.right({ revision: expected, hash: options.expectedHash, position: -1n });
  if (expected === 'no-stream' && nonEmpty) return newStreamTip(ctx, stream);
  const last = await readLast(ctx, stream);
  return E.isLeft(last) ? last : chainTip(last.right);
};

const attempt = async (
  ctx: StoreContext,
  stream: StreamName,
  expected: ExpectedRevision,
  events: ReadonlyArray<NewEvent>,
  options: AppendOptions,
): Promise<Attempt> => {
  const done = (result: E.Either<StoreError, AppendResult>): Attempt => ({ kind: 'done', result });
  const tipRead = await tipFor(ctx, stream, expected, options, events.length > 0);
  if (E.isLeft(tipRead)) return done(tipRead);
  const tip: Tip | null = tipRead.right;
  const current = tip?.revision ?? null;
  if (!meetsExpectation(expected, current))
    return done(E.left(concurrencyConflict(stream, expected, current ?? 'no-stream')));
  if (events.length === 0 && tip?.position === -1n) {
    // The writer's tip has no position; an empty append reports the stream's real one.
    return attempt(ctx, stream, expected, events, {});
  }
  if (events.length === 0) {
    return done(
      E.right({ nextExpectedRevision: current ?? -1n, position: tip?.position ?? -1n, events: [] }),
    );
  }
  const prepared = prepareAppend(
    ctx.schema,
    stream,
    { revision: current, hash: tipHash(tip) },
    events,
    ctx.clock().toISOString(),
  );
  if (E.isLeft(prepared)) return done(prepared);
  const encoded = checkEncoded(stream, prepared.right);
  if (E.isLeft(encoded)) return done(encoded);
  // Always the tip actually read, whatever the caller asked: the hashes were chained from it.
  const at: EsdbExpectedRevision = current ?? 'no_stream';
  const outcome = await write(ctx, stream, prepared.right, at);
  const canRetry = expected === 'any' || expected === 'exists';
  if (outcome.kind === 'failed') return done(E.left(outcome.error));
  if (outcome.kind === 'conflict') {
    if (canRetry) return { kind: 'raced' };
    return done(
      E.left(concurrencyConflict(stream, expected, actualRevision({ actualVersion: outcome.actual }))),
    );
  }
  if (outcome.kind === 'thrown') {
    const error = toStoreError(outcome.thrown, {
      operation: `appending to ${stream}`,
      stream,
      expected,
      firstType: events[0]?.type ?? '',
    });
    return error._tag === 'ConcurrencyConflict' && canRetry ? { kind: 'raced' } : done(E.left(error));
  }
  const { written } = outcome;
  const recorded: RecordedEvent[] = prepared.right.map((event, index) => ({
    stream: event.stream,
    revision: event.revision,
    position: written.positions[index] ?? -1n,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
  }));
  return done(
    E.right({
      nextExpectedRevision: written.nextExpectedRevision,
      position: recorded[recorded.length - 1]?.position ?? -1n,
      events: recorded,
    }),
  );
};

/**
 * Appends with the hash chain: reads the tip, chains the batch from it, and appends expecting exactly that
 * tip, so that two writers can never chain from the same event. An exact revision or `no-stream` that
 * loses a race is the caller's `ConcurrencyConflict`; `any` and `exists` re-read the tip and try again.
 */
export const append = async (
  ctx: StoreContext,
  stream: StreamName,
  expected: ExpectedRevision,
  events: ReadonlyArray<NewEvent>,
  options: AppendOptions = {},
): Promise<E.Either<StoreError, AppendResult>> => {
  const checked = checkEventIds(stream, events);
  if (E.isLeft(checked)) return checked;
  for (let tries = 1; tries <= maxAttempts; tries++) {
    const outcome = await attempt(ctx, stream, expected, checked.right, options);
    if (outcome.kind === 'done') return outcome.result;
    await backoff(tries);
  }
  const last = await readLast(ctx, stream);
  const actual = E.isRight(last) ? (last.right?.revision ?? 'no-stream') : 'no-stream';
  return E.left(concurrencyConflict(stream, expected, actual));
};
