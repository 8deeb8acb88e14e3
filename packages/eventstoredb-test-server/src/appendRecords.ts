// KurrentDB 26's v2 StreamsService.AppendRecords: one unary call carries records for any number of streams, each
// naming its own, and consistency checks on any streams, written or not. As the server does:
// - the checks are evaluated first, all of them: when any fails, nothing is written and the answer is
//   FAILED_PRECONDITION with an AppendConsistencyViolationErrorDetails listing every failed check by its index;
// - a check expecting no stream holds for a stream without events, soft-deleted or tombstoned; one expecting a
//   revision or that the stream exists holds only for a live stream (a deleted one violates it); any always holds;
// - the records are then written as `any` expects, in the order sent, interleaved across streams as they come, all
//   or none: a tombstoned stream fails the call (StreamTombstonedErrorDetails);
// - the answer gives each stream written to its last revision, and the position of the last record.
import { status as GrpcStatus, type handleUnaryCall } from '@grpc/grpc-js';
import type { ServerContext } from './context.js';
import { invalidArgumentError } from './errors.js';
import { refusal } from './guard.js';
import type { V2AppendRecordsRequest, V2AppendRecordsResponse, V2Protocol } from './protocol.js';
import { DELETED_STREAM, ExpectedVersion, type ProposedEvent, type Store } from './storage.js';
import {
  detailedError,
  recordEvent,
  recordSize,
  revisionConflict,
  streamTombstoned,
  transactionTooLarge,
} from './v2Records.js';

/** Where a stream stands for a check: its last revision, -1 without events or soft-deleted, the deleted mark. */
const stateOf = (store: Store, stream: string): bigint => {
  if (store.isTombstoned(stream)) return DELETED_STREAM;
  if (store.isSoftDeleted(stream)) return -1n;
  return store.lastEventNumber(stream);
};

const holds = (state: bigint, expected: bigint): boolean => {
  const live = state >= 0n && state !== DELETED_STREAM;
  if (expected === ExpectedVersion.Any) return true;
  if (expected === ExpectedVersion.NoStream) return !live;
  if (expected === ExpectedVersion.StreamExists) return live;
  return live && state === expected;
};

export function appendRecordsHandler(
  context: ServerContext,
  v2: V2Protocol,
): handleUnaryCall<V2AppendRecordsRequest, V2AppendRecordsResponse> {
  const { protocol, store } = context;
  return (call, callback) => {
    const request = call.request;
    const records: { stream: string; event: ProposedEvent }[] = [];
    let size = 0;
    for (const record of request.getRecordsList()) {
      const stream = record.getStream();
      if (stream === '') return callback(invalidArgumentError('A record must name its stream.'));
      const event = recordEvent(v2, record, stream);
      if (typeof event === 'string') return callback(invalidArgumentError(event));
      size += recordSize(event);
      records.push({ stream, event });
    }
    if (records.length === 0) return callback(invalidArgumentError('At least one record must be present'));
    if (size > context.maxAppendSize)
      return callback(transactionTooLarge(protocol, v2, size, context.maxAppendSize));
    const counts = new Map<string, number>();
    for (const { stream } of records) counts.set(stream, (counts.get(stream) ?? 0) + 1);
    for (const stream of counts.keys()) {
      const refused = refusal(context, call.metadata, stream, '$w');
      if (refused !== undefined) return callback(refused);
    }

    const violations = new v2.errors.AppendConsistencyViolationErrorDetails();
    for (const [index, check] of request.getChecksList().entries()) {
      const state = check.getStreamState();
      if (state === undefined) continue;
      const stream = state.getStream();
      const expected = BigInt(state.getExpectedState() ?? '-2');
      const actual = stateOf(store, stream);
      if (holds(actual, expected)) continue;
      const violation = new v2.errors.ConsistencyViolation.StreamStateViolation()
        .setStream(stream)
        .setExpectedState(expected.toString())
        .setActualState(actual.toString());
      violations.addViolations(
        new v2.errors.ConsistencyViolation().setCheckIndex(index).setStreamState(violation),
      );
    }
    const failed = violations.getViolationsList().length;
    if (failed > 0)
      return callback(
        detailedError(
          protocol,
          GrpcStatus.FAILED_PRECONDITION,
          `Append failed: ${failed} consistency check${failed === 1 ? '' : 's'} violated`,
          violations,
          'AppendConsistencyViolationErrorDetails',
        ),
      );

    context.requests.push({
      kind: 'appendRecords',
      streams: [...counts].map(([stream, events]) => ({ stream, events })),
    });
    const written = store.appendRecords(records);
    if (written.kind === 'failed')
      return callback(
        written.failure.kind === 'wrong_expected_version'
          ? revisionConflict(
              protocol,
              v2,
              written.stream,
              ExpectedVersion.Any,
              written.failure.currentRevision,
            )
          : streamTombstoned(protocol, v2, written.stream),
      );
    const response = new v2.streams.AppendRecordsResponse();
    for (const [stream, revision] of written.revisions)
      response.addRevisions(
        new v2.streams.StreamRevision().setStream(stream).setRevision(revision.toString()),
      );
    return callback(null, response.setPosition((written.position ?? -1n).toString()));
  };
}
