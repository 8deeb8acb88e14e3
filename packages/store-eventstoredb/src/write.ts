import * as E from 'fp-ts/lib/Either.js';
import { appendOutcomeUnknown, type PreparedEvent, type StoreError, type StreamName } from '@dossier/core';
import { atomicAppend } from './atomicAppend.js';
import type { EsdbExpectedRevision } from './clientLike.js';
import { collect } from './collect.js';
import { claimEvent, claimRevisions, claimStream, claimsOf } from './commandIndex.js';
import { esdbStream, type StoreContext } from './context.js';
import { toEventData, toPropertyEventData } from './eventData.js';
import { positionOf } from './positions.js';
import { sendAppend } from './unknownOutcome.js';

/** What a write reports: the stream's revision after it, and each event's position. */
export interface Written {
  readonly nextExpectedRevision: bigint;
  readonly positions: ReadonlyArray<bigint>;
}

/** The client's answer: written, refused at the expected revision (a conflict; `actual` when it said), or thrown. */
export type WriteOutcome =
  | { readonly kind: 'written'; readonly written: Written }
  | { readonly kind: 'conflict'; readonly actual: bigint | undefined }
  | { readonly kind: 'thrown'; readonly thrown: unknown }
  | { readonly kind: 'failed'; readonly error: StoreError };

/**
 * Reads the positions of what was just written, when the append's answer did not give them all: one position is
 * all an answer carries (the revisions are ours: the append asked for the exact tip).
 */
const positionsOf = async (
  ctx: StoreContext,
  stream: StreamName,
  prepared: ReadonlyArray<PreparedEvent>,
  known: bigint | undefined,
): Promise<E.Either<StoreError, ReadonlyArray<bigint>>> => {
  const first = prepared[0];
  if (prepared.length === 1 && known !== undefined) return E.right([known]);
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

const withPositions = async (
  ctx: StoreContext,
  stream: StreamName,
  prepared: ReadonlyArray<PreparedEvent>,
  nextExpectedRevision: bigint,
  known: bigint | undefined,
): Promise<WriteOutcome> => {
  const positions = await positionsOf(ctx, stream, prepared, known);
  return E.isLeft(positions)
    ? { kind: 'failed', error: positions.left }
    : { kind: 'written', written: { nextExpectedRevision, positions: positions.right } };
};

/**
 * Writes a chained batch at exactly the tip it was chained from, with its command-id claims. Where the server has
 * multi-stream appends, the claims and the events go in one transaction: one round trip, and never events without
 * their claim. Elsewhere the claims are appended first, then the events (a crash between the two leaves a claim
 * that its events do not bear out, which a lookup answers by scanning the stream).
 */
export const write = async (
  ctx: StoreContext,
  stream: StreamName,
  prepared: ReadonlyArray<PreparedEvent>,
  at: EsdbExpectedRevision,
): Promise<WriteOutcome> => {
  const claims = claimsOf(prepared);
  const atomic = claims.size === 0 ? undefined : await atomicAppend(ctx);
  try {
    const client = await ctx.client();
    if (atomic?.kind === 'supported' && client.multiStreamAppend !== undefined) {
      const target = esdbStream(ctx, stream);
      const done = await client.multiStreamAppend([
        ...[...claims].map(([commandId, revisions]) => ({
          streamName: esdbStream(ctx, claimStream(stream, commandId)),
          events: [claimEvent(claimStream(stream, commandId), revisions)],
          expectedState: 'any' as const,
        })),
        // The events last: the transaction's position is then theirs when the server says so (see the probe).
        { streamName: target, events: prepared.map(toPropertyEventData), expectedState: at },
      ]);
      const next = done.responses.find((response) => response.streamName === target)?.revision;
      const last = prepared[prepared.length - 1]?.revision ?? -1n;
      return withPositions(
        ctx,
        stream,
        prepared,
        next ?? last,
        atomic.lastPosition ? done.position : undefined,
      );
    }
    const claimed = await claimRevisions(ctx, stream, claims);
    if (E.isLeft(claimed)) return { kind: 'failed', error: claimed.left };
    // Sent again as it was while its answer is lost: see unknownOutcome.ts.
    const sent = await sendAppend(ctx, stream, at, prepared.map(toEventData));
    if (sent.kind === 'failed') return { kind: 'thrown', thrown: sent.thrown };
    if (sent.kind === 'unknown') {
      const ids = prepared.map((event) => event.metadata.eventId);
      const expected = at === 'no_stream' ? 'no-stream' : at === 'stream_exists' ? 'exists' : at;
      return {
        kind: 'failed',
        error: appendOutcomeUnknown(stream, expected, ids, `appending to ${stream}: ${sent.cause}`),
      };
    }
    const done = sent.result;
    // A client built with throwOnAppendFailure: false answers a conflict instead of throwing it.
    if (!done.success) return { kind: 'conflict', actual: done.nextExpectedRevision };
    return withPositions(ctx, stream, prepared, done.nextExpectedRevision, done.position?.commit);
  } catch (thrown) {
    return { kind: 'thrown', thrown };
  }
};
