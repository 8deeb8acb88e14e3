// KurrentDB 25.1's v2 StreamsService.AppendSession: the client streams one AppendRequest per stream, and the
// server writes every stream's records in one transaction or none, answering once. As the server does:
// - a request without an expected revision expects any; one stream twice in a session, a request without
//   records or a session without requests are refused (InvalidArgument);
// - the first expected revision that does not hold fails the whole session with FAILED_PRECONDITION and a
//   StreamRevisionConflictErrorDetails (a deleted stream: StreamTombstonedErrorDetails), nothing written;
// - the answer gives each stream's last revision and one position for the transaction (here: that of its last
//   record, as this server's Append answers for a batch);
// - a record's properties are its metadata: v1 reads see them as one JSON object (25.1's converter serialises
//   the properties map to JSON), so `{ "k": "v" }` sent as properties reads back as `{"k":"v"}` — with the
//   record's schema added, as `$schema.name` (the type) and `$schema.format` (`Json`, `Bytes`, …), as 25.1 stores
//   them (the client's own multiAppendStream test reads them back).
import { status as GrpcStatus, type handleClientStreamingCall } from '@grpc/grpc-js';
import type { ServerContext } from './context.js';
import { invalidArgumentError, type CallError } from './errors.js';
import type { V2AppendRequest, V2AppendSessionResponse, V2Protocol } from './protocol.js';
import { ExpectedVersion, type ProposedEvent, type StreamWrite } from './storage.js';
import {
  detailedError,
  recordEvent,
  recordSize,
  revisionConflict,
  streamTombstoned,
  transactionTooLarge,
} from './v2Records.js';

/** The records of one request as storage events, with the JSON metadata a v1 read sees. */
function recordsOf(v2: V2Protocol, request: V2AppendRequest): ProposedEvent[] | string {
  const events: ProposedEvent[] = [];
  for (const record of request.getRecordsList()) {
    const event = recordEvent(v2, record, request.getStream());
    if (typeof event === 'string') return event;
    events.push(event);
  }
  return events;
}

export function appendSessionHandler(
  context: ServerContext,
  v2: V2Protocol,
): handleClientStreamingCall<V2AppendRequest, V2AppendSessionResponse> {
  const { protocol, store } = context;
  return (call, callback) => {
    const writes: StreamWrite[] = [];
    let size = 0;
    let failure: CallError | undefined;

    call.on('data', (request: V2AppendRequest) => {
      if (failure !== undefined) return;
      const stream = request.getStream();
      if (writes.some((write) => write.stream === stream)) {
        const detail = new v2.errors.StreamAlreadyInAppendSessionErrorDetails().setStream(stream);
        const message = `Stream "${stream}" is already in the append session`;
        failure = detailedError(
          protocol,
          GrpcStatus.INVALID_ARGUMENT,
          message,
          detail,
          'StreamAlreadyInAppendSessionErrorDetails',
        );
        return;
      }
      const events = recordsOf(v2, request);
      if (typeof events === 'string') {
        failure = invalidArgumentError(events);
        return;
      }
      if (events.length === 0) {
        failure = invalidArgumentError(`Write to stream "${stream}" does not have any records`);
        return;
      }
      for (const event of events) size += recordSize(event);
      if (size > context.maxAppendSize) {
        failure = transactionTooLarge(protocol, v2, size, context.maxAppendSize);
        return;
      }
      const expected = request.hasExpectedRevision()
        ? BigInt(request.getExpectedRevision() ?? '-2')
        : ExpectedVersion.Any;
      writes.push({ stream, expected, events });
    });

    // The client cancelled or the connection dropped: nothing to answer.
    call.on('error', () => undefined);

    call.on('end', () => {
      if (failure !== undefined) return callback(failure);
      if (writes.length === 0)
        return callback(invalidArgumentError('At least one AppendRequest must be present'));
      context.requests.push({
        kind: 'appendSession',
        streams: writes.map((write) => ({ stream: write.stream, events: write.events.length })),
      });
      const written = store.appendMany(writes);
      if (written.kind === 'ok') {
        const response = new v2.streams.AppendSessionResponse();
        let position: bigint | undefined;
        for (const [index, result] of written.results.entries()) {
          response.addOutput(
            new v2.streams.AppendResponse()
              .setStream(writes[index]?.stream ?? '')
              .setStreamRevision(result.currentRevision.toString()),
          );
          if (result.position !== undefined && (position === undefined || result.position > position))
            position = result.position;
        }
        return callback(null, response.setPosition((position ?? -1n).toString()));
      }
      const { failure: first } = written;
      const write = writes[written.index] ?? { stream: '', expected: ExpectedVersion.Any };
      return callback(
        first.kind === 'wrong_expected_version'
          ? revisionConflict(protocol, v2, write.stream, write.expected, first.currentRevision)
          : streamTombstoned(protocol, v2, write.stream),
      );
    });
  };
}
