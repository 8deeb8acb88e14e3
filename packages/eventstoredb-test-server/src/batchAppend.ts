// Streams.BatchAppend: a long-lived bidirectional stream the client keeps open and
// multiplexes appends over. Each append is identified by a correlation id; its first
// request carries the options, later ones (when the client splits a large append)
// only more proposed messages; `is_final` marks the last. The answer echoes the
// correlation id and stream, with either `success` or an `error` google.rpc.Status
// whose packed detail says what went wrong (WrongExpectedVersion, StreamDeleted, …).
import { status as GrpcStatus, type handleBidiStreamingCall } from '@grpc/grpc-js';
import type { ServerContext } from './context.js';
import { refusal } from './guard.js';
import { expectedVersionOf, proposedEvent, streamIdentifier, streamNameOf, uuidToString } from './convert.js';
import { deadlineOf } from './deadline.js';
import {
  accessDeniedStatus,
  badRequestStatus,
  maximumAppendSizeExceededStatus,
  streamDeletedStatus,
  timeoutStatus,
  wrongExpectedVersionStatus,
} from './errors.js';
import type { BatchAppendReq, BatchAppendResp, BatchAppendSuccess, Status, UUID } from './protocol.js';
import type { ProposedEvent } from './storage.js';

// Node's timers hold at most 2^31 - 1 ms; a later deadline is checked when the last chunk arrives.
const maxTimerMs = 2_147_483_647;

interface PendingAppend {
  readonly stream: string;
  readonly expected: bigint;
  readonly events: ProposedEvent[];
  size: number;
  /** When it is too late to write it (ms since the epoch), if the client gave a deadline. */
  readonly deadline: number | undefined;
  /** Answers Timeout when the deadline passes before the last chunk arrives. */
  readonly timer: ReturnType<typeof setTimeout> | undefined;
}

export function batchAppendHandler(
  context: ServerContext,
): handleBidiStreamingCall<BatchAppendReq, BatchAppendResp> {
  const { protocol, store } = context;
  const { streams, shared } = protocol;

  return (call) => {
    const pending = new Map<string, PendingAppend>();

    const respond = (
      correlationId: UUID | undefined,
      stream: string,
      result: Status | BatchAppendSuccess,
    ): void => {
      const response = new streams.BatchAppendResp().setStreamIdentifier(streamIdentifier(protocol, stream));
      if (correlationId !== undefined) response.setCorrelationId(correlationId);
      if (result instanceof streams.BatchAppendResp.Success) response.setSuccess(result);
      else response.setError(result);
      if (!call.cancelled && !call.writableEnded) call.write(response);
    };

    call.on('data', (request: BatchAppendReq) => {
      const correlationId = request.getCorrelationId();
      const key = uuidToString(correlationId);
      const options = request.getOptions();
      if (options !== undefined && !pending.has(key)) {
        const stream = streamNameOf(options.getStreamIdentifier());
        if (!options.hasStreamIdentifier()) {
          return respond(
            correlationId,
            stream,
            badRequestStatus(protocol, 'Required field StreamIdentifier not set.'),
          );
        }
        const expected = expectedVersionOf(
          options,
          options.hasStreamPosition() ? options.getStreamPosition() : undefined,
        );
        if (expected === undefined) {
          return respond(
            correlationId,
            stream,
            badRequestStatus(protocol, 'Required field ExpectedStreamPosition not set.'),
          );
        }
        const deadline = deadlineOf(protocol.clientPackage, options, Date.now());
        // As the server does: a write not done by its deadline is answered Timeout, whatever else it would have been.
        const timer =
          deadline === undefined || deadline - Date.now() > maxTimerMs
            ? undefined
            : setTimeout(
                () => {
                  if (pending.get(key) === undefined) return;
                  pending.delete(key);
                  respond(correlationId, stream, timeoutStatus(protocol));
                },
                Math.max(0, deadline - Date.now()),
              );
        timer?.unref();
        pending.set(key, { stream, expected, events: [], size: 0, deadline, timer });
      }
      // Chunks of an append that already failed (or never started) are dropped, as the server does.
      const append = pending.get(key);
      if (append === undefined) return;
      if (append.deadline !== undefined && Date.now() >= append.deadline) {
        pending.delete(key);
        clearTimeout(append.timer);
        return respond(correlationId, append.stream, timeoutStatus(protocol));
      }

      for (const message of request.getProposedMessagesList()) {
        const proposed = proposedEvent(message);
        if ('missing' in proposed) {
          pending.delete(key);
          return respond(
            correlationId,
            append.stream,
            badRequestStatus(protocol, `'${proposed.missing}' is missing.`),
          );
        }
        append.size += proposed.size;
        append.events.push(proposed.event);
      }
      if (append.size > context.maxAppendSize) {
        pending.delete(key);
        clearTimeout(append.timer);
        return respond(
          correlationId,
          append.stream,
          maximumAppendSizeExceededStatus(protocol, context.maxAppendSize),
        );
      }
      if (!request.getIsFinal()) return;

      pending.delete(key);
      clearTimeout(append.timer);
      context.requests.push({ kind: 'append', stream: append.stream, events: append.events.length });
      const refused = refusal(context, call.metadata, append.stream, '$w');
      if (refused !== undefined) {
        if (refused.code !== GrpcStatus.PERMISSION_DENIED) return void call.emit('error', refused);
        return respond(correlationId, append.stream, accessDeniedStatus(protocol));
      }
      const result = store.append(append.stream, append.expected, append.events);
      switch (result.kind) {
        case 'stream_deleted':
          return respond(correlationId, append.stream, streamDeletedStatus(protocol, append.stream));
        case 'wrong_expected_version':
          return respond(
            correlationId,
            append.stream,
            wrongExpectedVersionStatus(protocol, result.currentRevision, append.expected),
          );
        case 'ok': {
          const success = new streams.BatchAppendResp.Success();
          if (result.currentRevision < 0n) success.setNoStream(new protocol.google.Empty());
          else success.setCurrentRevision(result.currentRevision.toString());
          if (result.position === undefined) success.setNoPosition(new protocol.google.Empty());
          else {
            const position = result.position.toString();
            success.setPosition(
              new shared.AllStreamPosition().setCommitPosition(position).setPreparePosition(position),
            );
          }
          return respond(correlationId, append.stream, success);
        }
      }
    });

    // The client closes its side when it is done (dispose); close ours too.
    call.on('end', () => call.end());
    call.on('error', () => undefined);
  };
}
