// Streams.Delete (soft) and Streams.Tombstone (hard). Both are unary; failures are
// gRPC errors with an `exception` trailer (`wrong-expected-version` with the stream
// name, expected and actual versions, or `stream-deleted`), as the server sends them.
import type { handleUnaryCall } from '@grpc/grpc-js';
import type { ServerContext } from './context.js';
import { refusal } from './guard.js';
import { expectedVersionOf, streamNameOf } from './convert.js';
import { invalidArgumentError, streamDeletedError, wrongExpectedVersionError } from './errors.js';
import type { DeleteReq, DeleteResp, TombstoneReq, TombstoneResp } from './protocol.js';

export function deleteHandler(context: ServerContext): handleUnaryCall<DeleteReq, DeleteResp> {
  const { streams } = context.protocol;
  return (call, callback) => {
    const options = call.request.getOptions();
    const stream = streamNameOf(options?.getStreamIdentifier());
    const expected =
      options && expectedVersionOf(options, options.hasRevision() ? options.getRevision() : undefined);
    if (expected === undefined)
      return callback(invalidArgumentError('A delete needs an expected stream revision.'));

    const refused = refusal(context, call.metadata, stream, '$d');
    if (refused !== undefined) return callback(refused);
    const result = context.store.softDelete(stream, expected);
    switch (result.kind) {
      case 'stream_deleted':
        return callback(streamDeletedError(stream));
      case 'wrong_expected_version':
        return callback(wrongExpectedVersionError('Delete', stream, expected, result.currentRevision));
      case 'ok': {
        const position = result.position.toString();
        const grpcPosition = new streams.DeleteResp.Position()
          .setCommitPosition(position)
          .setPreparePosition(position);
        return callback(null, new streams.DeleteResp().setPosition(grpcPosition));
      }
    }
  };
}

export function tombstoneHandler(context: ServerContext): handleUnaryCall<TombstoneReq, TombstoneResp> {
  const { streams } = context.protocol;
  return (call, callback) => {
    const options = call.request.getOptions();
    const stream = streamNameOf(options?.getStreamIdentifier());
    const expected =
      options && expectedVersionOf(options, options.hasRevision() ? options.getRevision() : undefined);
    if (expected === undefined)
      return callback(invalidArgumentError('A tombstone needs an expected stream revision.'));

    const refused = refusal(context, call.metadata, stream, '$d');
    if (refused !== undefined) return callback(refused);
    const result = context.store.tombstone(stream, expected);
    switch (result.kind) {
      case 'stream_deleted':
        return callback(streamDeletedError(stream));
      case 'wrong_expected_version':
        return callback(wrongExpectedVersionError('Tombstone', stream, expected, result.currentRevision));
      case 'ok': {
        const position = result.position.toString();
        const grpcPosition = new streams.TombstoneResp.Position()
          .setCommitPosition(position)
          .setPreparePosition(position);
        return callback(null, new streams.TombstoneResp().setPosition(grpcPosition));
      }
    }
  };
}
