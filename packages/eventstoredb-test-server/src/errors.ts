// The two ways the server reports failures, mirroring EventStore.Core's RpcExceptions
// and Google.Rpc.Status helpers:
// - a gRPC status with an `exception` trailer (plus details trailers) — how Append,
//   Read, Delete and Tombstone fail; the client's `convertToCommandError` maps the
//   `exception` value to its error classes;
// - a `google.rpc.Status` with a packed detail message inside a BatchAppend response —
//   the client unpacks the detail by its type name.
import { Metadata, status as GrpcStatus, type ServiceError } from '@grpc/grpc-js';
import { streamIdentifier } from './convert.js';
import type { Protocol, Status } from './protocol.js';
import { ExpectedVersion } from './storage.js';

/** What grpc-js accepts to end a call with a status and trailers. */
export type CallError = Pick<ServiceError, 'code' | 'details' | 'metadata'> & Error;

export function callError(
  code: GrpcStatus,
  details: string,
  trailers: Record<string, string> = {},
): CallError {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(trailers)) metadata.set(key, value);
  return Object.assign(new Error(details), { code, details, metadata });
}

export const streamDeletedError = (stream: string): CallError =>
  callError(GrpcStatus.FAILED_PRECONDITION, `Event stream '${stream}' is deleted.`, {
    exception: 'stream-deleted',
    'stream-name': stream,
  });

/** Delete and Tombstone report the expected version in the server's encoding and the current one (-1: none). */
export const wrongExpectedVersionError = (
  operation: 'Delete' | 'Tombstone',
  stream: string,
  expected: bigint,
  actual: bigint,
): CallError =>
  callError(
    GrpcStatus.FAILED_PRECONDITION,
    `${operation} failed due to WrongExpectedVersion. Stream: ${stream}, Expected version: ${expected}, Actual version: ${actual}`,
    {
      exception: 'wrong-expected-version',
      'stream-name': stream,
      'expected-version': expected.toString(),
      'actual-version': actual.toString(),
    },
  );

export const requiredMetadataPropertyMissingError = (property: string): CallError =>
  callError(GrpcStatus.INVALID_ARGUMENT, `Required Metadata Property '${property}' is missing`, {
    exception: 'missing-required-metadata-property',
    'required-metadata-properties': 'type,content-type',
  });

export const maximumAppendSizeExceededError = (maxAppendSize: number): CallError =>
  callError(GrpcStatus.INVALID_ARGUMENT, `Maximum Append Size of ${maxAppendSize} Exceeded.`, {
    exception: 'maximum-append-size-exceeded',
    'maximum-append-size': maxAppendSize.toString(),
  });

export const invalidArgumentError = (message: string): CallError =>
  callError(GrpcStatus.INVALID_ARGUMENT, message);

// ---- google.rpc.Status for BatchAppend --------------------------------------------

function rpcStatus(
  protocol: Protocol,
  code: GrpcStatus,
  message: string,
  detail: { serializeBinary(): Uint8Array },
  typeName: string,
): Status {
  const details = new protocol.google.Any();
  details.pack(detail.serializeBinary(), typeName);
  // google.rpc.Code values are the gRPC status codes.
  return new protocol.status.Status()
    .setCode(code as number)
    .setMessage(message)
    .setDetails(details);
}

/** `event_store.client.WrongExpectedVersion`: current revision or no stream; the expected state as sent. */
export function wrongExpectedVersionStatus(protocol: Protocol, current: bigint, expected: bigint): Status {
  const detail = new protocol.shared.WrongExpectedVersion();
  if (current < 0n) detail.setCurrentNoStream(new protocol.google.Empty());
  else detail.setCurrentStreamRevision(current.toString());
  if (expected === ExpectedVersion.Any) detail.setExpectedAny(new protocol.google.Empty());
  else if (expected === ExpectedVersion.NoStream) detail.setExpectedNoStream(new protocol.google.Empty());
  else if (expected === ExpectedVersion.StreamExists)
    detail.setExpectedStreamExists(new protocol.google.Empty());
  else detail.setExpectedStreamPosition(expected.toString());
  return rpcStatus(
    protocol,
    GrpcStatus.ALREADY_EXISTS,
    'WrongExpectedVersion',
    detail,
    'event_store.client.WrongExpectedVersion',
  );
}

export function streamDeletedStatus(protocol: Protocol, stream: string): Status {
  const detail = new protocol.shared.StreamDeleted().setStreamIdentifier(streamIdentifier(protocol, stream));
  return rpcStatus(
    protocol,
    GrpcStatus.NOT_FOUND,
    'StreamDeleted',
    detail,
    'event_store.client.StreamDeleted',
  );
}

export function maximumAppendSizeExceededStatus(protocol: Protocol, maxAppendSize: number): Status {
  const detail = new protocol.shared.MaximumAppendSizeExceeded().setMaxappendsize(maxAppendSize);
  return rpcStatus(
    protocol,
    GrpcStatus.INVALID_ARGUMENT,
    'MaximumAppendSizeExceeded',
    detail,
    'event_store.client.MaximumAppendSizeExceeded',
  );
}

/** The server's answer to an append still unwritten when its deadline passed (the client's DeadlineExceeded). */
export function timeoutStatus(protocol: Protocol): Status {
  return rpcStatus(
    protocol,
    GrpcStatus.DEADLINE_EXCEEDED,
    'Timeout',
    new protocol.shared.Timeout(),
    'event_store.client.Timeout',
  );
}

export function badRequestStatus(protocol: Protocol, message: string): Status {
  const detail = new protocol.shared.BadRequest().setMessage(message);
  return rpcStatus(
    protocol,
    GrpcStatus.INVALID_ARGUMENT,
    'BadRequest',
    detail,
    'event_store.client.BadRequest',
  );
}

export const accessDeniedError = (): CallError =>
  callError(GrpcStatus.PERMISSION_DENIED, 'Access Denied', { exception: 'access-denied' });

export const notAuthenticatedError = (): CallError =>
  callError(GrpcStatus.UNAUTHENTICATED, 'Bad credentials: authentication failed');

export function accessDeniedStatus(protocol: Protocol): Status {
  return rpcStatus(
    protocol,
    GrpcStatus.PERMISSION_DENIED,
    'AccessDenied',
    new protocol.shared.AccessDenied(),
    'event_store.client.AccessDenied',
  );
}
