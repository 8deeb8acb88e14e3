import * as E from 'fp-ts/lib/Either.js';
import type {
  EventFilter,
  RecordedEvent,
  StoreError,
  SubscribeOptions,
  Subscription,
  SubscriptionMessage,
} from '@dossier/core';
import { failure, type StoreContext } from './context.js';
import { SubscriptionFailed } from './decode.js';
import { filterSql } from './filter.js';
import { decodeRows, eventColumns, type EventRow } from './rows.js';

const pageSize = 500;

interface Page {
  readonly events: ReadonlyArray<RecordedEvent>;
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
      if (head === null) return E.right({ events: [], scannedTo: after, full: false });
      const where = filterSql(filter);
      const rows = ctx
        .sql(
          `SELECT ${eventColumns} FROM events WHERE position > ? AND position <= ? AND ${where.condition} ORDER BY position LIMIT ?`,
        )
        .all(after ?? -1n, head, ...where.params, pageSize) as EventRow[];
      const decoded = decodeRows(ctx.options.schema, rows);
      if (E.isLeft(decoded)) return decoded;
      const full = rows.length === pageSize;
      const last = rows[rows.length - 1];
      return E.right({
        events: decoded.right,
        scannedTo: full && last !== undefined ? last.position : head,
        full,
      });
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
        for (const event of page.right.events) {
          if (stopped) return;
          yield { kind: 'event', event };
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
