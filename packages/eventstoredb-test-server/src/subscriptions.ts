// Streams.Read with `subscription` options: catch-up subscriptions to a stream or to `$all`.
//
// The server answers, in order: a `confirmation` (with a subscription id); the
// historical events after the start (start positions and revisions are EXCLUSIVE for
// subscriptions: "from 5" means after 5; `start` means everything, `end` nothing old);
// `caught_up`; then live events as they are written. Filtered `$all` subscriptions also
// send `checkpoint`s every `checkpointIntervalMultiplier × window` records scanned
// (see filters.ts), in catch-up and live alike; a checkpoint position is safe to resume
// from (everything up to it has been scanned and matching events sent).
//
// Catch-up and live are one loop over the store with a cursor: after the cursor
// reaches the end, the store's change notification resumes it. Nothing can slip
// between "historical" and "live", and nothing is sent twice.
import { randomUUID } from 'node:crypto';
import type { ServerWritableStream } from '@grpc/grpc-js';
import { isOpen, write } from './callWriter.js';
import type { ServerContext } from './context.js';
import { readEventResponse, streamNameOf } from './convert.js';
import { invalidArgumentError, streamDeletedError } from './errors.js';
import { compileFilter, type EventFilter } from './filters.js';
import { resolveRecord } from './links.js';
import type { ReadReq, ReadReqOptions, ReadResp } from './protocol.js';
import type { RecordedEvent } from './storage.js';

type Call = ServerWritableStream<ReadReq, ReadResp>;

/** What a subscription sends next, or nothing when it has caught up with the store. */
type Next =
  | { readonly event: RecordedEvent | undefined; readonly checkpoint: bigint | undefined }
  | 'caught-up'
  | Error;

export function subscribe(
  context: ServerContext,
  call: Call,
  options: ReadReqOptions,
  structuredIds: boolean,
): void {
  const { protocol } = context;
  const { streams } = protocol;
  const fail = (error: Error): void => void call.emit('error', error);
  const resolveLinks = options.getResolveLinks();

  if (options.getReadDirection() === streams.ReadReq.Options.ReadDirection.BACKWARDS) {
    return fail(invalidArgumentError('Subscriptions read forwards.'));
  }
  let next: (() => Next) | Error;
  if (options.hasAll()) {
    const filterOptions = options.getFilter();
    const filter = filterOptions === undefined ? undefined : compileFilter(filterOptions);
    if (filter !== undefined && 'invalid' in filter) return fail(invalidArgumentError(filter.invalid));
    next = allCursor(context, options, filter);
  } else {
    if (options.hasFilter()) return fail(invalidArgumentError('Filters apply to $all only.'));
    next = streamCursor(context, options);
  }
  if (next instanceof Error) return fail(next);
  const advance = next;

  call.write(
    new streams.ReadResp().setConfirmation(
      new streams.ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID()),
    ),
  );

  let caughtUp = false;
  let pumping = false;
  let again = false;
  const pump = async (): Promise<void> => {
    if (pumping) {
      again = true;
      return;
    }
    pumping = true;
    try {
      do {
        again = false;
        for (let step = advance(); step !== 'caught-up'; step = advance()) {
          if (step instanceof Error) {
            stop();
            return fail(step);
          }
          if (
            step.event !== undefined &&
            !(await write(
              call,
              readEventResponse(
                protocol,
                resolveRecord(context.store, step.event, resolveLinks),
                structuredIds,
              ),
            ))
          ) {
            return stop();
          }
          if (step.checkpoint !== undefined) {
            const position = step.checkpoint.toString();
            const checkpoint = new streams.ReadResp.Checkpoint()
              .setCommitPosition(position)
              .setPreparePosition(position);
            if (!(await write(call, new streams.ReadResp().setCheckpoint(checkpoint)))) return stop();
          }
        }
        if (!caughtUp) {
          caughtUp = true;
          if (!(await write(call, new streams.ReadResp().setCaughtUp(new streams.ReadResp.CaughtUp()))))
            return stop();
        }
      } while (again);
    } finally {
      pumping = false;
    }
  };

  const unsubscribe = context.store.onChange(() => void pump());
  const stop = (): void => {
    unsubscribe();
  };
  call.on('cancelled', stop);
  call.on('close', stop);
  call.on('error', stop);
  if (isOpen(call)) void pump();
}

/** `$all`: every record after the start, through the filter, with checkpoints when filtered. */
function allCursor(
  context: ServerContext,
  options: ReadReqOptions,
  filter: EventFilter | undefined,
): () => Next {
  const { store } = context;
  const all = options.getAll();
  const position = all?.getPosition();
  let index =
    all === undefined || all.hasEnd() || (!all.hasStart() && position === undefined)
      ? store.log.length
      : all.hasStart() || position === undefined
        ? 0
        : store.indexAtOrAfter(BigInt(position.getCommitPosition()) + 1n);
  let scanned = 0;

  return () => {
    const record = store.log[index];
    if (record === undefined) return 'caught-up';
    index++;
    if (filter === undefined) return { event: record, checkpoint: undefined };
    scanned++;
    let checkpoint: bigint | undefined;
    if (scanned >= filter.checkpointInterval) {
      scanned = 0;
      checkpoint = record.position;
    }
    return { event: filter.matches(record) ? record : undefined, checkpoint };
  };
}

/** A stream: its events after the start revision, skipping those a read would not return; fails once tombstoned. */
function streamCursor(context: ServerContext, options: ReadReqOptions): (() => Next) | Error {
  const { store } = context;
  const streamOptions = options.getStream();
  const stream = streamNameOf(streamOptions?.getStreamIdentifier());
  if (store.isTombstoned(stream)) return streamDeletedError(stream);
  let revision =
    streamOptions === undefined || streamOptions.hasEnd()
      ? BigInt(store.streamEvents(stream).length)
      : streamOptions.hasStart()
        ? 0n
        : BigInt(streamOptions.getRevision()) + 1n;

  return () => {
    for (;;) {
      const event = store.streamEvents(stream)[Number(revision)];
      if (event === undefined) return store.isTombstoned(stream) ? streamDeletedError(stream) : 'caught-up';
      revision++;
      // Catch-up reads the stream as a read would: what `$tb`, `$maxCount` and `$maxAge` hide is skipped.
      if (event.revision >= store.firstVisibleRevision(stream)) return { event, checkpoint: undefined };
    }
  };
}
