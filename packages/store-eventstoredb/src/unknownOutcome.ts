import * as E from 'fp-ts/lib/Either.js';
import type { EsdbAppendResult, EsdbEventData, EsdbExpectedRevision } from './clientLike.js';
import { collect } from './collect.js';
import { esdbStream, type StoreContext } from './context.js';
import { positionOf } from './positions.js';
import { notLeader, outcomeUnknown, pause, wrongExpectedVersion } from './retryable.js';

// An append whose answer never came — the connection dropped, a deadline passed, the server timed the commit out —
// may or may not have been written. It is sent again exactly as it was: the same event ids at the same expected
// revision, which the server's idempotent-write check answers with the first result if the first attempt was
// written, and writes otherwise. Either way one copy. A wrong expected version after such an attempt is settled by
// reading what sits after that revision: our ids mean the first attempt was written; anything else means it never
// will be (an exact expected revision cannot succeed once another event holds it).

/** How many times an append with an unknown outcome is sent again before the store says it cannot know. */
export const unknownOutcomeRetries = 5;

export type SentAppend =
  | { readonly kind: 'answered'; readonly result: EsdbAppendResult }
  /** What the client threw, when it settles the outcome (a conflict, a deleted stream, a refusal…). */
  | { readonly kind: 'failed'; readonly thrown: unknown }
  /** No answer after every retry: written or not, the store cannot tell. */
  | { readonly kind: 'unknown'; readonly cause: string };

/** Whether the events right after `at` are ours: then an earlier attempt wrote them. */
const writtenBefore = async (
  ctx: StoreContext,
  name: string,
  at: EsdbExpectedRevision,
  events: ReadonlyArray<EsdbEventData>,
): Promise<E.Either<string, EsdbAppendResult | null>> => {
  const first = at === 'no_stream' ? 0n : typeof at === 'bigint' ? at + 1n : null;
  if (first === null) return E.right(null);
  const read = await collect(
    ctx,
    (client) =>
      client.readStream(name, { direction: 'forwards', fromRevision: first, maxCount: events.length }),
    { operation: `checking whether an append to ${name} was written`, stream: name },
  );
  if (E.isLeft(read))
    return read.left._tag === 'StreamNotFound' ? E.right(null) : E.left(JSON.stringify(read.left));
  const ids = read.right.map((resolved) => resolved.event?.id);
  const ours = ids.length === events.length && events.every((event, index) => event.id === ids[index]);
  const last = read.right[read.right.length - 1];
  if (!ours || last === undefined) return E.right(null);
  const position = positionOf(last);
  return E.right({
    success: true,
    nextExpectedRevision: first + BigInt(events.length) - 1n,
    position: { commit: position, prepare: position },
  });
};

/**
 * Sends an append, again as it was while its outcome is unknown (or a follower refused it), and answers what the
 * server answered, what the client threw that settles it, or `unknown` when retries could not settle it.
 */
export const sendAppend = async (
  ctx: StoreContext,
  stream: string,
  at: EsdbExpectedRevision,
  events: ReadonlyArray<EsdbEventData>,
): Promise<SentAppend> => {
  const name = esdbStream(ctx, stream);
  let uncertain: unknown;
  let last: unknown;
  for (let attempt = 0; ; attempt++) {
    try {
      const client = await ctx.client();
      const result = await client.appendToStream(name, [...events], {
        expectedRevision: at,
        streamState: at,
      });
      if (result.success || uncertain === undefined) return { kind: 'answered', result };
      // A client built with throwOnAppendFailure: false answers a conflict instead of throwing it.
      const settled = await writtenBefore(ctx, name, at, events);
      if (E.isRight(settled) && settled.right !== null) return { kind: 'answered', result: settled.right };
      if (E.isRight(settled)) return { kind: 'answered', result };
    } catch (thrown) {
      last = thrown;
      if (wrongExpectedVersion(thrown) && uncertain !== undefined) {
        const settled = await writtenBefore(ctx, name, at, events);
        if (E.isRight(settled)) {
          return settled.right === null
            ? { kind: 'failed', thrown }
            : { kind: 'answered', result: settled.right };
        }
      } else if (!outcomeUnknown(thrown) && !notLeader(thrown)) return { kind: 'failed', thrown };
      if (outcomeUnknown(thrown)) uncertain = thrown;
    }
    if (attempt >= unknownOutcomeRetries) {
      // Only followers answered: nothing was written.
      if (uncertain === undefined) return { kind: 'failed', thrown: last };
      return { kind: 'unknown', cause: describe(uncertain) };
    }
    await pause(attempt);
  }
};

const describe = (thrown: unknown): string =>
  thrown instanceof Error ? thrown.message : typeof thrown === 'string' ? thrown : JSON.stringify(thrown);
