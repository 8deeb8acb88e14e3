import type { SubscriptionMessage } from '@dossier/core';

type CaughtUp = Extract<SubscriptionMessage, { readonly kind: 'caughtUp' }>;

const max = (...positions: ReadonlyArray<bigint | null | undefined>): bigint | null =>
  positions.reduce<bigint | null>(
    (a, b) => (b === undefined || b === null ? a : a === null || b > a ? b : a),
    null,
  );

/**
 * Decides when a subscription has caught up with the log as it stood when it started, whose last record
 * (system records included) was at `horizon`. It is caught up at the first of:
 * - an event at or past the horizon: `caughtUp` follows the event at the horizon, or comes just before
 *   the first event past it (appended after the subscription started);
 * - a checkpoint at or past the horizon: with a filter, the record at the horizon may be one the server
 *   leaves out, and EventStoreDB reports how far it has searched with checkpoints (one per search window,
 *   and one on reaching the end of the log);
 * - the server's own CaughtUp (EventStoreDB 23.10 and later).
 * Checkpoints and CaughtUp arrive out of band with the events, so each is pinned to a count of events
 * (`after`) and applies once that many have been handled.
 */
export const caughtUpTracker = (horizon: bigint | null, afterPosition: bigint | undefined) => {
  const markers: Array<{ readonly after: number; readonly position: bigint | undefined }> = [];
  let lastSeen = afterPosition;
  let done = horizon === null || (afterPosition !== undefined && afterPosition >= horizon);
  const say = (position: bigint | null): CaughtUp => {
    done = true;
    return { kind: 'caughtUp', position };
  };
  return {
    /** Caught up before anything was read: the log was empty, or the start is already at its end. */
    atStart: (): CaughtUp | undefined => (done ? say(max(afterPosition, horizon)) : undefined),
    /** A checkpoint (at `position`) or the server's CaughtUp (no position) after `after` events. */
    pin: (after: number, position: bigint | undefined): void => {
      markers.push({ after, position });
    },
    /** Once `handled` events have been handled: a pinned signal now due, if it says the horizon is passed. */
    due: (handled: number): CaughtUp | undefined => {
      for (let marker = markers[0]; marker !== undefined && marker.after <= handled; marker = markers[0]) {
        markers.shift();
        const passed = marker.position === undefined || horizon === null || marker.position >= horizon;
        if (!done && passed) return say(max(horizon, lastSeen, marker.position));
      }
      return undefined;
    },
    /** Before handing out the event at `position`: past the horizon, the catch-up ended before it. */
    before: (position: bigint): CaughtUp | undefined =>
      !done && horizon !== null && position > horizon ? say(max(horizon, lastSeen)) : undefined,
    /** After the event at `position` (handed out or left out): at the horizon, the catch-up ends here. */
    after: (position: bigint): CaughtUp | undefined => {
      lastSeen = position;
      return !done && horizon !== null && position >= horizon ? say(position) : undefined;
    },
  };
};
