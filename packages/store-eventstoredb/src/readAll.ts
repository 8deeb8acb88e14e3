import * as E from 'fp-ts/lib/Either.js';
import type { ReadAllOptions, RecordedEvent, StoreError } from '@dossier/core';
import type { EsdbReadPosition, EsdbResolvedEvent } from './clientLike.js';
import { collect } from './collect.js';
import type { StoreContext } from './context.js';
import { isDelivered, serverFilter } from './filters.js';
import { positionOf, toEsdbPosition } from './positions.js';
import { decodeEvent } from './raw.js';

/** Events per request; the adapter filters on its side too, so a page may deliver fewer. */
export const pageSize = 512;

interface Reader {
  readonly page: (
    direction: 'forwards' | 'backwards',
    from: EsdbReadPosition,
    maxCount: number,
  ) => Promise<E.Either<StoreError, ReadonlyArray<EsdbResolvedEvent>>>;
  /** Decodes and keeps a delivered event; false once the limit is reached. */
  readonly take: (resolved: EsdbResolvedEvent) => E.Either<StoreError, boolean>;
}

/** A page forwards from an inclusive position, and the positions it must skip (those before the start). */
interface FirstPage {
  readonly events: ReadonlyArray<EsdbResolvedEvent>;
  readonly skipUpTo: bigint | undefined;
}

/**
 * Reads forwards from an inclusive position that may not be a record's own. The port lets callers page
 * with `last.position + 1n`, but a real server refuses to start inside a record ("invalid position"). So a
 * refused start `p` is retried once from `p - 1`, which is the record before when `p` was one past it,
 * skipping what lies before `p`.
 */
const firstPage = async (
  reader: Reader,
  from: bigint,
  maxCount: number,
): Promise<E.Either<StoreError, FirstPage>> => {
  const page = await reader.page('forwards', toEsdbPosition(from), maxCount);
  if (E.isRight(page)) return E.right({ events: page.right, skipUpTo: undefined });
  if (page.left._tag !== 'StoreUnavailable' || from === 0n) return page;
  const before = await reader.page('forwards', toEsdbPosition(from - 1n), maxCount + 1);
  return E.isRight(before) ? E.right({ events: before.right, skipUpTo: from - 1n }) : page;
};

const forwards = async (
  reader: Reader,
  fromPosition: bigint | undefined,
): Promise<E.Either<StoreError, void>> => {
  // Each page after the first starts at the last event seen (a real position, which the server accepts)
  // and skips it: a start position is inclusive, and the position after it is not a record boundary.
  let seen: bigint | undefined;
  let page: E.Either<StoreError, ReadonlyArray<EsdbResolvedEvent>>;
  // 0 and below are the start of the log, which a server always accepts.
  if (fromPosition === undefined || fromPosition <= 0n) {
    page = await reader.page('forwards', 'start', pageSize);
  } else {
    const first = await firstPage(reader, fromPosition, pageSize);
    if (E.isLeft(first)) return first;
    seen = first.right.skipUpTo;
    page = E.right(first.right.events);
  }
  for (;;) {
    if (E.isLeft(page)) return page;
    for (const resolved of page.right) {
      if (seen !== undefined && positionOf(resolved) <= seen) continue;
      const more = reader.take(resolved);
      if (E.isLeft(more)) return more;
      if (!more.right) return E.right(undefined);
    }
    const last = page.right[page.right.length - 1];
    if (page.right.length < pageSize || last === undefined) return E.right(undefined);
    seen = positionOf(last);
    page = await reader.page('forwards', toEsdbPosition(seen), pageSize);
  }
};

const backwards = async (
  reader: Reader,
  fromPosition: bigint | undefined,
): Promise<E.Either<StoreError, void>> => {
  let from: EsdbReadPosition = 'end';
  // Backwards from before the first record there is nothing to read.
  if (fromPosition !== undefined && fromPosition < 0n) return E.right(undefined);
  if (fromPosition !== undefined) {
    // Backwards, the server starts just *before* a record's position, and only at a record's position. So
    // the first record at or after the start is found forwards: if it is at the start (inclusive) it is
    // taken, and the backwards read starts before it, whichever it is.
    const probe = await firstPage(reader, fromPosition, 1);
    if (E.isLeft(probe)) return probe;
    const next = probe.right.events.find(
      (e) => probe.right.skipUpTo === undefined || positionOf(e) > probe.right.skipUpTo,
    );
    if (next !== undefined) {
      const at = positionOf(next);
      if (at === fromPosition) {
        const more = reader.take(next);
        if (E.isLeft(more)) return more;
        if (!more.right) return E.right(undefined);
      }
      from = toEsdbPosition(at);
    }
  }
  for (;;) {
    const page = await reader.page('backwards', from, pageSize);
    if (E.isLeft(page)) return page;
    for (const resolved of page.right) {
      const more = reader.take(resolved);
      if (E.isLeft(more)) return more;
      if (!more.right) return E.right(undefined);
    }
    const last = page.right[page.right.length - 1];
    if (page.right.length < pageSize || last === undefined) return E.right(undefined);
    from = toEsdbPosition(positionOf(last));
  }
};

/**
 * Reads `$all` in pages, leaving out EventStoreDB's own events. The filter goes to the server where the
 * client takes one (kurrentdb-client; @eventstore/db-client 6 reads `$all` unfiltered) and is applied here
 * again in any case. Every delivered event is decoded.
 */
export const readAll = async (
  ctx: StoreContext,
  options: ReadAllOptions = {},
): Promise<E.Either<StoreError, ReadonlyArray<RecordedEvent>>> => {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const filter = options.filter;
  if (limit <= 0 || filter?.prefixes.length === 0) return E.right([]);
  const server = serverFilter(filter, ctx.streamPrefix);
  const events: RecordedEvent[] = [];
  const reader: Reader = {
    page: (direction, from, maxCount) =>
      collect(
        ctx,
        (client) =>
          client.readAll({
            direction,
            fromPosition: from,
            maxCount,
            ...(server === undefined ? {} : { filter: server }),
          }),
        { operation: 'reading $all' },
      ),
    take: (resolved) => {
      const event = resolved.event;
      if (event === undefined || !isDelivered(filter, event, ctx.streamPrefix)) return E.right(true);
      if (ctx.foreign.skips(resolved, event)) return E.right(true);
      const decoded = decodeEvent(ctx, resolved, event);
      if (E.isLeft(decoded)) return decoded;
      events.push(decoded.right);
      return E.right(events.length < limit);
    },
  };
  const done =
    options.direction === 'backwards'
      ? await backwards(reader, options.fromPosition)
      : await forwards(reader, options.fromPosition);
  return E.isLeft(done) ? done : E.right(events);
};
