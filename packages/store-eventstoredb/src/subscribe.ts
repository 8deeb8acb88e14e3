import * as E from 'fp-ts/lib/Either.js';
import {
  SubscriptionFailed,
  type StoreError,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionMessage,
} from '@dossier/core';
import type { EsdbPosition, EsdbResolvedEvent, EsdbSubscription } from './clientLike.js';
import { collect } from './collect.js';
import type { StoreContext } from './context.js';
import { toStoreError } from './errors.js';
import { isDelivered, serverFilter } from './filters.js';
import { positionOf, toEsdbPosition, toPosition } from './positions.js';
import { decodeEvent } from './raw.js';
import { caughtUpTracker } from './caughtUp.js';

/** The position of the last record in `$all`, system records included; null when the log is empty. */
const readHorizon = async (ctx: StoreContext): Promise<E.Either<StoreError, bigint | null>> => {
  const read = await collect(
    ctx,
    (client) => client.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 }),
    { operation: 'reading the end of $all' },
  );
  if (E.isLeft(read)) return read;
  const last = read.right[0];
  return E.right(last === undefined ? null : positionOf(last));
};

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Subscribes to `$all` after a position (exclusive, as the clients' `fromPosition` is), with the filter on
 * the server and system events left out, and says `caughtUp` once everything that was in the log when the
 * subscription started has been delivered.
 *
 * `caughtUp` is derived by {@link caughtUpTracker} from the position of the last record in `$all`, read
 * before subscribing. Checkpoints and the server's CaughtUp reach the adapter as a callback and an event
 * of the client's stream, out of band with the events it buffers, so each is pinned to the number of
 * events that had come out of the client at that moment (taken plus still buffered). The client waits for
 * the checkpoint callback, so no event slips in while it is pinned; CaughtUp is pinned a turn later, which
 * can only place `caughtUp` later, never early.
 */
export const subscribe = (ctx: StoreContext, options: SubscribeOptions = {}): Subscription => {
  let stopped = false;
  let wake: (() => void) | undefined;
  let client: EsdbSubscription | undefined;

  const signal = (): void => {
    const waiting = wake;
    wake = undefined;
    waiting?.();
  };

  const release = async (): Promise<void> => {
    const subscription = client;
    client = undefined;
    if (subscription !== undefined) await subscription.unsubscribe().catch(() => undefined);
  };

  async function* messages(): AsyncGenerator<SubscriptionMessage, void, undefined> {
    const after = options.afterPosition;
    const filter = options.filter;
    const server = serverFilter(filter, ctx.streamPrefix);
    if (server === undefined) {
      // No prefixes: nothing can ever match, so there is nothing to catch up on.
      yield { kind: 'caughtUp', position: after ?? null };
      while (!stopped) await new Promise<void>((resolve) => (wake = resolve));
      return;
    }
    const horizonRead = await readHorizon(ctx);
    if (E.isLeft(horizonRead)) throw new SubscriptionFailed(horizonRead.left);
    const horizon = horizonRead.right;
    if (stopped) return;

    const tracker = caughtUpTracker(horizon, after);
    const atStart = tracker.atStart();
    if (atStart !== undefined) {
      yield atStart;
      if (stopped) return;
    }

    let taken = 0;
    let handled = 0;
    let failure: unknown;
    const pin = (position: bigint | undefined): void => {
      tracker.pin(taken + (client?.readableLength ?? 0), position);
      signal();
    };
    const onCheckpoint = async (_subscription: unknown, position: EsdbPosition): Promise<void> => {
      await nextTurn();
      pin(toPosition(position));
    };
    let esdb;
    try {
      esdb = await ctx.client();
    } catch (thrown) {
      throw new SubscriptionFailed(toStoreError(thrown, { operation: 'subscribing to $all' }));
    }
    if (stopped) return;
    client = esdb.subscribeToAll({
      // A position before the log's first record (the port allows any bigint) is the start.
      fromPosition: after === undefined || after < 0n ? 'start' : toEsdbPosition(after),
      filter: { ...server, checkpointReached: onCheckpoint },
    });
    const subscription = client;
    subscription.on('error', (error) => {
      failure ??= error;
      signal();
    });
    subscription.on('caughtUp', () => void nextTurn().then(() => pin(undefined)));
    const events = subscription[Symbol.asyncIterator]();
    let pending: Promise<IteratorResult<EsdbResolvedEvent, unknown>> | undefined;

    const fail = (error: StoreError): SubscriptionFailed => new SubscriptionFailed(error);
    try {
      while (!stopped) {
        const due = tracker.due(handled);
        if (due !== undefined) {
          yield due;
          if (stopped) return;
        }
        pending ??= events.next().then(
          (result) => {
            if (result.done !== true) taken += 1;
            return result;
          },
          (error: unknown) => {
            failure ??= error;
            return { done: true, value: undefined };
          },
        );
        const next = await Promise.race([
          pending,
          new Promise<'woken'>((resolve) => (wake = () => resolve('woken'))),
        ]);
        if (stopped) return;
        if (failure !== undefined) throw fail(toStoreError(failure, { operation: 'subscribing to $all' }));
        if (next === 'woken') continue;
        pending = undefined;
        if (next.done === true) {
          throw fail({
            _tag: 'StoreUnavailable',
            cause: 'subscribing to $all: the server ended the subscription',
          });
        }
        handled += 1;
        const resolved = next.value;
        const position = positionOf(resolved);
        const before = tracker.before(position);
        if (before !== undefined) {
          yield before;
          if (stopped) return;
        }
        const event = resolved.event;
        if (
          event !== undefined &&
          isDelivered(filter, event, ctx.streamPrefix) &&
          !ctx.foreign.skips(resolved, event)
        ) {
          const decoded = decodeEvent(ctx, resolved, event);
          if (E.isLeft(decoded)) throw fail(decoded.left);
          yield { kind: 'event', event: decoded.right };
          if (stopped) return;
        }
        const atHorizon = tracker.after(position);
        if (atHorizon !== undefined) yield atHorizon;
      }
    } finally {
      stopped = true;
      await release();
    }
  }

  const iterator = messages();
  return {
    [Symbol.asyncIterator]: () => iterator,
    stop: async () => {
      stopped = true;
      signal();
      await release();
      // Runs the generator's cleanup even if nobody iterates it again.
      await iterator.return(undefined);
    },
  };
};
