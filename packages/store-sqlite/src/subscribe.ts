import * as E from 'fp-ts/lib/Either.js';
import type {
  EventFilter,
  StoreError,
  SubscribeOptions,
  Subscription,
  SubscriptionMessage,
} from '@dossier/core';
import { failure, type StoreContext } from './context.js';
import { SubscriptionFailed } from './decode.js';
import { filterSql } from './filter.js';
import { decodeRow, eventColumns, type EventRow } from './rows.js';

const pageSize = 500;

interface Page {
  /** Not yet decoded: events before a corrupt row are delivered before the subscription fails on it. */
  readonly rows: ReadonlyArray<EventRow>;
  /** Where the next page starts (exclusive): past rows the filter rejected too, so they are not scanned again. */
  readonly scannedTo: bigint | undefined;
  readonly full: boolean;
}

/**
 * A page of matching events after `after`, up to the head of the log as it stood when the page was read
 * (one read transaction, so the head and the rows agree).
 */
const readPage = (
  ctx: StoreContext,
  after: bigint | undefined,
  filter: EventFilter | undefined,
): E.Either<StoreError, Page> => {
  try {
    return ctx.db.transaction((): E.Either<StoreError, Page> => {
      const head = (
        ctx.sql('SELECT max(position) AS position FROM events').get() as { position: bigint | null }
      ).position;
      if (head === null) return E.right({ rows: [], scannedTo: after, full: false });
      const where = filterSql(filter);
      const rows = ctx
        .sql(
          `SELECT ${eventColumns} FROM events WHERE position > ? AND position <= ? AND ${where.condition} ORDER BY position LIMIT ?`,
        )
        .all(after ?? -1n, head, ...where.params, pageSize) as EventRow[];
      const full = rows.length === pageSize;
      const last = rows[rows.length - 1];
      // Never move back: a subscription may start after a position the log has not reached yet.
      const scannedTo =
        full && last !== undefined ? last.position : after !== undefined && after > head ? after : head;
      return E.right({ rows, scannedTo, full });
    })();
  } catch (thrown) {
    return E.left(failure(ctx, 'reading the log for a subscription', thrown));
  }
};

/**
 * Catch-up then live: reads pages until the head, says `caughtUp`, then reads again whenever the change feed
 * fires. The feed is watched before the first read, so an append between a read and the wait is never missed;
 * each read starts after the last position scanned, so nothing is delivered twice.
 */
export const subscribe = (ctx: StoreContext, options: SubscribeOptions = {}): Subscription => {
  let stopped = false;
  let wake: (() => void) | undefined;
  let unwatch: (() => void) | undefined;

  const stop = () => {
    stopped = true;
    unwatch?.();
    unwatch = undefined;
    wake?.();
  };

  async function* messages(): AsyncGenerator<SubscriptionMessage, void, undefined> {
    if (stopped) return;
    let changed = false;
    unwatch = ctx.changes.watch(() => {
      changed = true;
      wake?.();
    });
    try {
      let cursor = options.afterPosition;
      let caughtUp = false;
      while (!stopped) {
        changed = false;
        const page = readPage(ctx, cursor, options.filter);
        if (E.isLeft(page)) throw new SubscriptionFailed(page.left);
        for (const row of page.right.rows) {
          if (stopped) return;
          const event = decodeRow(ctx.options.schema, row);
          if (E.isLeft(event)) throw new SubscriptionFailed(event.left);
          yield { kind: 'event', event: event.right };
        }
        cursor = page.right.scannedTo;
        if (page.right.full) continue;
        if (!caughtUp) {
          caughtUp = true;
          if (stopped) return;
          yield { kind: 'caughtUp', position: cursor ?? null };
        }
        if (!changed && !stopped) {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = undefined;
        }
      }
    } finally {
      stop();
    }
  }

  const iterator = messages();
  return {
    [Symbol.asyncIterator]: () => iterator,
    stop: () => {
      stop();
      return Promise.resolve();
    },
  };
};
