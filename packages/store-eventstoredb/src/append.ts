import * as E from 'fp-ts/lib/Either.js';
import {
  concurrencyConflict,
  type AppendOptions,
  meetsExpectation,
  prepareAppend,
  type AppendResult,
  type ExpectedRevision,
  type NewEvent,
  type PreparedEvent,
  type RecordedEvent,
  type StoreError,
  type StreamName,
} from '@dossier/core';
import type { EsdbExpectedRevision } from './clientLike.js';
import { collect } from './collect.js';
import { claimRevisions } from './commandIndex.js';
import { esdbStream, type StoreContext } from './context.js';
import { actualRevision, toStoreError } from './errors.js';
import { checkEncoded, checkEventIds, toEventData } from './eventData.js';
import { positionOf } from './positions.js';
import { backoff, maxAttempts } from './retry.js';
import { chainTip, readLast, tipHash, type Tip } from './tip.js';

type Attempt =
  { readonly kind: 'done'; readonly result: E.Either<StoreError, AppendResult> } | { readonly kind: 'raced' };

/**
 * Reads the positions of what was just written. One event's position is in the append's answer; a batch's
 * are not, so they are read back (the revisions are ours: the append asked for the exact tip).
 */
const positionsOf = async (
  ctx: StoreContext,
  stream: StreamName,
  prepared: ReadonlyArray<PreparedEvent>,
  lastPosition: bigint | undefined,
): Promise<E.Either<StoreError, ReadonlyArray<bigint>>> => {
  const first = prepared[0];
  if (prepared.length === 1 && lastPosition !== undefined) return E.right([lastPosition]);
  if (first === undefined) return E.right([]);
  const read = await collect(
    ctx,
    (client) =>
      client.readStream(esdbStream(ctx, stream), {
        direction: 'forwards',
        fromRevision: first.revision,
        maxCount: prepared.length,
      }),
    { operation: `reading back the positions of the events just appended to ${stream}`, stream },
  );
  if (E.isLeft(read)) return read;
  const byRevision = new Map(read.right.map((resolved) => [resolved.event?.revision, positionOf(resolved)]));
  return E.right(prepared.map((event) => byRevision.get(event.revision) ?? -1n));
};

/**
 * The tip to chain from: the writer's, when it gave the hash of the event at the exact revision it expects
 * (the server still checks that revision, so a stale one is refused as a conflict), or the last event read.
 */
const tipFor = async (
  ctx: StoreContext,
  stream: StreamName,
  expected: ExpectedRevision,
  options: AppendOptions,
): Promise<E.Either<StoreError, Tip | null>> => {
  if (typeof expected === 'bigint' && options.expectedHash !== undefined)
    return E.right({ revision: expected, hash: options.expectedHash, position: -1n });
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
  const tipRead = await tipFor(ctx, stream, expected, options);
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
  // The command-id index: claimed before the append, checked against the events when it is read.
  const claimed = await claimRevisions(ctx, stream, prepared.right);
  if (E.isLeft(claimed)) return done(claimed);
  // Always the tip actually read, whatever the caller asked: the hashes were chained from it.
  const at: EsdbExpectedRevision = current ?? 'no_stream';
  let written;
  try {
    const client = await ctx.client();
    written = await client.appendToStream(esdbStream(ctx, stream), prepared.right.map(toEventData), {
      expectedRevision: at,
      streamState: at,
    });
  } catch (thrown) {
    const error = toStoreError(thrown, {
      operation: `appending to ${stream}`,
      stream,
      expected,
      firstType: events[0]?.type ?? '',
    });
    if (error._tag === 'ConcurrencyConflict' && (expected === 'any' || expected === 'exists'))
      return { kind: 'raced' };
    return done(E.left(error));
  }
  if (!written.success) {
    // A client built with throwOnAppendFailure: false answers a conflict instead of throwing it.
    if (expected === 'any' || expected === 'exists') return { kind: 'raced' };
    const actual = written.nextExpectedRevision;
    return done(E.left(concurrencyConflict(stream, expected, actualRevision({ actualVersion: actual }))));
  }
  const positions = await positionsOf(ctx, stream, prepared.right, written.position?.commit);
  if (E.isLeft(positions)) return done(positions);
  const recorded: RecordedEvent[] = prepared.right.map((event, index) => ({
    stream: event.stream,
    revision: event.revision,
    position: positions.right[index] ?? -1n,
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
