import * as E from 'fp-ts/lib/Either.js';
import {
  catchUpThenLive,
  type CatchUpPage,
  type EventFilter,
  type RecordedEvent,
  type StoreError,
  type SubscribeOptions,
  type Subscription,
} from '@dossier/core';
import { whileBusy } from './busy.js';
import { failure, int64, type StoreContext } from './context.js';
import { filterSql } from './filter.js';
import { decodeRow, eventColumns, type EventRow } from './rows.js';

/**
 * A page of matching events after `after`, up to the head of the log as it stood when the page was read (one
 * read transaction, so the head and the rows agree). Decoding stops at the first corrupt row, so the events
 * before it are delivered and the subscription then fails on it.
 */
const readPage = (
  ctx: StoreContext,
  after: bigint | undefined,
  limit: number,
  filter: EventFilter | undefined,
): E.Either<StoreError, CatchUpPage> => {
  try {
    return ctx.db.transaction((): E.Either<StoreError, CatchUpPage> => {
      const { head } = ctx.sql('SELECT max(position) AS head FROM events').get() as { head: bigint | null };
      if (head === null) return E.right({ events: [] });
      const where = filterSql(filter);
      const rows = ctx
        .sql(
          `SELECT ${eventColumns} FROM events
           WHERE position > ? AND position <= ? AND ${where.condition} ORDER BY position LIMIT ?`,
        )
        .all(int64(after ?? -1n), head, ...where.params, limit) as EventRow[];
      const events: E.Either<StoreError, RecordedEvent>[] = [];
      for (const row of rows) {
        const event = decodeRow(ctx.options.schema, row);
        events.push(event);
        if (E.isLeft(event)) break;
      }
      // A short page scanned to the head, past rows the filter rejected: they are not scanned again.
      return E.right(rows.length < limit ? { events, scannedTo: head } : { events });
    })();
  } catch (thrown) {
    return E.left(failure(ctx, 'reading the log for a subscription', thrown));
  }
};

/**
 * Catch-up then live through core's {@link catchUpThenLive}: appends by this store wake subscribers at once,
 * appends by other connections are noticed by the change feed's polling of `PRAGMA data_version`.
 */
export const subscribe = (ctx: StoreContext, options: SubscribeOptions = {}): Subscription =>
  catchUpThenLive(
    {
      readPage: (after, limit, filter) =>
        whileBusy(ctx.options.busyTimeoutMs, () => readPage(ctx, after, limit, filter)),
      watch: ctx.changes.watch,
    },
    options,
  );
