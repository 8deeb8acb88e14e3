// Streams.Read, when it is a read (a `count`), not a subscription.
//
// - A stream: from a revision (inclusive), `start` or `end`, forwards or backwards, at
//   most `count` events. A missing or soft-deleted stream answers one
//   `ReadResp.stream_not_found` message (a body, not an error); a tombstoned one fails
//   with a `stream-deleted` exception trailer.
// - `$all`: from a position (inclusive forwards, exclusive backwards — see
//   Store.readAll), `start` or `end`, optionally filtered; `count` counts matches.
// Event ids come back in the form the client asked for (`uuid_option`): strings when
// it asked for strings, otherwise the structured form. With `resolve_links`, a link
// event comes back as the event it points at, the link beside it (links.ts).
import type { handleServerStreamingCall } from '@grpc/grpc-js';
import { write } from './callWriter.js';
import type { ServerContext } from './context.js';
import { refusal } from './guard.js';
import { readEventResponse, streamIdentifier, streamNameOf } from './convert.js';
import { invalidArgumentError, streamDeletedError } from './errors.js';
import { compileFilter } from './filters.js';
import { resolveRecord } from './links.js';
import type { ReadReq, ReadResp } from './protocol.js';
import type { Direction, RecordedEvent } from './storage.js';
import { subscribe } from './subscriptions.js';

export function readHandler(context: ServerContext): handleServerStreamingCall<ReadReq, ReadResp> {
  const { protocol, store } = context;
  const { streams } = protocol;

  return (call) => {
    const fail = (error: Error): void => void call.emit('error', error);
    const options = call.request.getOptions();
    if (options === undefined) return fail(invalidArgumentError('A read needs options.'));
    // The server answers structured ids unless strings were asked for.
    const structuredIds = options.getUuidOption()?.hasString() !== true;
    const resolveLinks = options.getResolveLinks();

    const target = options.hasAll() ? '$all' : streamNameOf(options.getStream()?.getStreamIdentifier());
    const refused = refusal(context, call.metadata, target, '$r');
    if (refused !== undefined) return fail(refused);
    if (options.hasSubscription()) return subscribe(context, call, options, structuredIds);
    if (!options.hasCount())
      return fail(invalidArgumentError('A read needs a count or subscription option.'));

    const count = BigInt(options.getCount());
    const direction: Direction =
      options.getReadDirection() === streams.ReadReq.Options.ReadDirection.BACKWARDS
        ? 'backwards'
        : 'forwards';

    const send = async (events: readonly RecordedEvent[]): Promise<void> => {
      for (const event of events) {
        if (
          !(await write(
            call,
            readEventResponse(protocol, resolveRecord(store, event, resolveLinks), structuredIds),
          ))
        )
          return;
      }
      call.end();
    };

    const streamOptions = options.getStream();
    if (streamOptions !== undefined) {
      if (options.hasFilter()) return fail(invalidArgumentError('Filters apply to $all only.'));
      const stream = streamNameOf(streamOptions.getStreamIdentifier());
      const from = streamOptions.hasStart()
        ? 'start'
        : streamOptions.hasEnd()
          ? 'end'
          : BigInt(streamOptions.getRevision());
      context.requests.push({ kind: 'read', stream, direction, from });
      const result = store.readStream(stream, direction, from, count);
      switch (result.kind) {
        case 'stream_deleted':
          return fail(streamDeletedError(stream));
        case 'not_found': {
          const notFound = new streams.ReadResp.StreamNotFound().setStreamIdentifier(
            streamIdentifier(protocol, stream),
          );
          call.write(new streams.ReadResp().setStreamNotFound(notFound));
          call.end();
          return;
        }
        case 'ok':
          void send(result.events);
          return;
      }
    }

    const allOptions = options.getAll();
    if (allOptions === undefined) return fail(invalidArgumentError('A read needs a stream or $all.'));
    context.requests.push({ kind: 'readAll', direction });
    const position = allOptions.getPosition();
    const from = allOptions.hasStart()
      ? 'start'
      : allOptions.hasEnd() || position === undefined
        ? 'end'
        : BigInt(position.getCommitPosition());
    const filterOptions = options.getFilter();
    if (filterOptions === undefined) {
      void send(store.readAll(direction, from, count));
      return;
    }
    const filter = compileFilter(filterOptions);
    if ('invalid' in filter) return fail(invalidArgumentError(filter.invalid));
    void send(store.readAll(direction, from, count, filter.matches));
  };
}
