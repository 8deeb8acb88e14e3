// Streams.Append: the older, client-streaming append. The first request carries the
// options (stream, expected revision), every further one a proposed message; the
// answer is a single AppendResp. A wrong expected version is a normal response body
// (`AppendResp.wrong_expected_version`), not a gRPC error; a deleted stream, missing
// required metadata and an oversized append are gRPC errors with `exception` trailers.
import type { handleClientStreamingCall } from '@grpc/grpc-js';
import type { ServerContext } from './context.js';
import { refusal } from './guard.js';
import { expectedVersionOf, proposedEvent, streamNameOf } from './convert.js';
import {
  invalidArgumentError,
  maximumAppendSizeExceededError,
  requiredMetadataPropertyMissingError,
  streamDeletedError,
  type CallError,
} from './errors.js';
import type { AppendReq, AppendReqOptions, AppendResp } from './protocol.js';
import { ExpectedVersion, type ProposedEvent } from './storage.js';

export function appendHandler(context: ServerContext): handleClientStreamingCall<AppendReq, AppendResp> {
  const { protocol, store } = context;
  const { streams, shared } = protocol;

  return (call, callback) => {
    let options: AppendReqOptions | undefined;
    const events: ProposedEvent[] = [];
    let size = 0;
    let failure: CallError | undefined;

    call.on('data', (request: AppendReq) => {
      if (failure !== undefined) return;
      if (options === undefined) {
        options = request.getOptions();
        if (options === undefined)
          failure = invalidArgumentError('The first append request must carry the options.');
        return;
      }
      const message = request.getProposedMessage();
      if (message === undefined) {
        failure = invalidArgumentError('Append requests after the first must carry a proposed message.');
        return;
      }
      const proposed = proposedEvent(message);
      if ('missing' in proposed) {
        failure = requiredMetadataPropertyMissingError(proposed.missing);
        return;
      }
      size += proposed.size;
      if (size > context.maxAppendSize) {
        failure = maximumAppendSizeExceededError(context.maxAppendSize);
        return;
      }
      events.push(proposed.event);
    });

    // The client cancelled or the connection dropped: nothing to answer.
    call.on('error', () => undefined);

    call.on('end', () => setImmediate(commit));

    // A request cut off mid-way (its connection reset) is not a whole append and is never written: the client's
    // half-close marks the end of an append, and a call cancelled by then is dropped.
    const commit = (): void => {
      if (call.cancelled) return;
      if (failure !== undefined) return callback(failure);
      if (options === undefined) return callback(invalidArgumentError('An append needs its options.'));
      const stream = streamNameOf(options.getStreamIdentifier());
      const expected = expectedVersionOf(options, options.hasRevision() ? options.getRevision() : undefined);
      if (expected === undefined)
        return callback(invalidArgumentError('An append needs an expected stream revision.'));

      context.requests.push({ kind: 'append', stream, events: events.length });
      const refused = refusal(context, call.metadata, stream, '$w');
      if (refused !== undefined) return callback(refused);
      const result = store.append(stream, expected, events);
      switch (result.kind) {
        case 'stream_deleted':
          return callback(streamDeletedError(stream));
        case 'ok': {
          const success = new streams.AppendResp.Success();
          if (result.currentRevision < 0n) success.setNoStream(new shared.Empty());
          else success.setCurrentRevision(result.currentRevision.toString());
          if (result.position === undefined) success.setNoPosition(new shared.Empty());
          else {
            const position = result.position.toString();
            success.setPosition(
              new streams.AppendResp.Position().setCommitPosition(position).setPreparePosition(position),
            );
          }
          return callback(null, new streams.AppendResp().setSuccess(success));
        }
        case 'wrong_expected_version': {
          // Both the current fields and the 20.6.0 ones, as the server sends them for older clients.
          const wrong = new streams.AppendResp.WrongExpectedVersion();
          const current = result.currentRevision;
          if (current < 0n) wrong.setCurrentNoStream(new shared.Empty()).setNoStream2060(new shared.Empty());
          else wrong.setCurrentRevision(current.toString()).setCurrentRevision2060(Number(current));
          if (expected === ExpectedVersion.Any)
            wrong.setExpectedAny(new shared.Empty()).setAny2060(new shared.Empty());
          else if (expected === ExpectedVersion.StreamExists)
            wrong.setExpectedStreamExists(new shared.Empty()).setStreamExists2060(new shared.Empty());
          else if (expected === ExpectedVersion.NoStream) wrong.setExpectedNoStream(new shared.Empty());
          else wrong.setExpectedRevision(expected.toString()).setExpectedRevision2060(Number(expected));
          return callback(null, new streams.AppendResp().setWrongExpectedVersion(wrong));
        }
      }
    };
  };
}
