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

/**
 * Something the server said between events: a checkpoint (everything up to `position` has been looked at)
 * or that it caught up. It applies once `after` events have come out of the client subscription.
 */
interface Marker {
  readonly after: number;
  readonly position: bigint | undefined;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const max = (...positions: ReadonlyArray<bigint | null | undefined>): bigint | null =>
  positions.reduce<bigint | null>(
    (a, b) => (b === undefined || b === null ? a : a === null || b > a ? b : a),
    null,
  );

/**
 * Subscribes to `$all` after a position (exclusive, as the clients' `fromPosition` is), with the filter on
 * the server and system events left out, and says `caughtUp` once everything that was in the log when the
 * subscription started has been delivered.
 *
 * How `caughtUp` is derived. Before subscribing, the adapter reads the position of the last record in
 * `$all` (the horizon, system records included). It is caught up at the first of:
 * - an event at or past the horizon: `caughtUp` follows the event at the horizon, or comes just before
 *   the first event past it (appended after the subscription started);
 * - a checkpoint at or past the horizon: with a filter, the record at the horizon may be one the server
 *   filters out, and EventStoreDB reports how far it has searched with checkpoints (one per search window,
 *   and one on reaching the end of the log);
 * - the server's own CaughtUp (EventStoreDB 23.10 and later; the clients re-emit it as an event).
 * Checkpoints and CaughtUp reach the adapter as callbacks and events of the client's stream, out of band
 * with the events it buffers, so each is pinned to the number of events that had come out of the client
 * at that moment (those taken plus those still buffered) and applied when the adapter has handled that
 * many. The client waits for the checkpoint callback, so no event can slip in while it is pinned; the
 * CaughtUp event is pinned a turn later, which can only place `caughtUp` later, never early.
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

    let caughtUp = false;
    let lastSeen: bigint | undefined = after;
    if (horizon === null || (after !== undefined && after >= horizon)) {
      caughtUp = true;
      yield { kind: 'caughtUp', position: max(after, horizon) };
      if (stopped) return;
    }

    let taken = 0;
    let handled = 0;
    let failure: unknown;
    const markers: Marker[] = [];
    const pin = (position: bigint | undefined): void => {
      markers.push({ after: taken + (client?.readableLength ?? 0), position });
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
        for (let marker = markers[0]; marker !== undefined && marker.after <= handled; marker = markers[0]) {
          markers.shift();
          const passed = marker.position === undefined || horizon === null || marker.position >= horizon;
          if (!caughtUp && passed) {
            caughtUp = true;
            yield { kind: 'caughtUp', position: max(horizon, lastSeen, marker.position) };
            if (stopped) return;
          }
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
        if (!caughtUp && horizon !== null && position > horizon) {
          caughtUp = true;
          yield { kind: 'caughtUp', position: max(horizon, lastSeen) };
          if (stopped) return;
        }
        lastSeen = position;
        const event = resolved.event;
        if (event !== undefined && isDelivered(filter, event, ctx.streamPrefix)) {
          const decoded = decodeEvent(ctx, resolved, event);
          if (E.isLeft(decoded)) throw fail(decoded.left);
          yield { kind: 'event', event: decoded.right };
          if (stopped) return;
        }
        if (!caughtUp && horizon !== null && position >= horizon) {
          caughtUp = true;
          yield { kind: 'caughtUp', position };
        }
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
