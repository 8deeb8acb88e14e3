import {
  concurrencyConflict,
  streamDeleted,
  streamNotFound,
  type ExpectedRevision,
  type StoreError,
  type StreamName,
} from '@dossier/core';

/** What the adapter was doing when the client failed: it names the stream the client's error may not. */
export interface ErrorContext {
  /** Said in a `StoreUnavailable` cause: `appending to supportCase-42`. */
  readonly operation: string;
  readonly stream?: StreamName;
  /** What the caller expected, for a `ConcurrencyConflict`. */
  readonly expected?: ExpectedRevision;
  /** The type of the first event of an append, for an `InvalidEvent`. */
  readonly firstType?: string;
}

/** The fields the clients' `CommandError`s carry; both packages tag them with the same `type` strings. */
interface ClientError {
  readonly type?: unknown;
  readonly message?: unknown;
  readonly code?: unknown;
  readonly streamName?: unknown;
  /** @eventstore/db-client's WrongExpectedVersionError. */
  readonly actualVersion?: unknown;
  /** @kurrent/kurrentdb-client's WrongExpectedVersionError. */
  readonly actualState?: unknown;
  readonly leader?: unknown;
  readonly maxAppendSize?: unknown;
}

type Mapping = (error: ClientError, ctx: ErrorContext) => StoreError;

const unavailable =
  (what: string): Mapping =>
  (error, ctx) => ({
    _tag: 'StoreUnavailable',
    cause: `${ctx.operation}: ${what}${describe(error)}`,
  });

const tooLarge: Mapping = (error, ctx) =>
  ctx.stream === undefined
    ? unavailable('the server refused the size of the request')(error, ctx)
    : {
        _tag: 'InvalidEvent',
        stream: ctx.stream,
        index: 0,
        type: ctx.firstType ?? '',
        reason: `the batch is larger than the server accepts${typeof error.maxAppendSize === 'number' ? ` (${error.maxAppendSize} bytes)` : ''}${describe(error)}`,
      };

const streamOf = (error: ClientError, ctx: ErrorContext): StreamName =>
  ctx.stream ?? (typeof error.streamName === 'string' ? error.streamName : '');

/** The stream's actual revision from a WrongExpectedVersionError, in either client's spelling. */
export const actualRevision = (error: ClientError): bigint | 'no-stream' => {
  const actual = error.actualVersion ?? error.actualState;
  // kurrentdb-client reports a deleted stream as -5n and a tombstoned one as -6n: neither has a revision left.
  return typeof actual === 'bigint' && actual >= 0n ? actual : 'no-stream';
};

/**
 * Every error the clients throw, by its `type`, and the StoreError it becomes. Connection trouble (the
 * server down, a deadline, a follower answering a write, a cancelled call) is `StoreUnavailable` with a
 * cause that says which; so is anything the port has no name for.
 */
export const clientErrorTable: Readonly<Record<string, Mapping>> = {
  'wrong-expected-version': (error, ctx) =>
    concurrencyConflict(streamOf(error, ctx), ctx.expected ?? 'any', actualRevision(error)),
  'stream-not-found': (error, ctx) => streamNotFound(streamOf(error, ctx)),
  'stream-deleted': (error, ctx) => streamDeleted(streamOf(error, ctx)),
  'stream-tombstoned': (error, ctx) => streamDeleted(streamOf(error, ctx)),
  unavailable: unavailable('EventStoreDB is unavailable (is the server up and the connection string right?)'),
  'deadline-exceeded': unavailable('the call exceeded its deadline'),
  timeout: unavailable('the server timed out'),
  cancelled: unavailable('the call was cancelled (the client was disposed or the connection dropped)'),
  'not-leader': (error, ctx) =>
    unavailable(
      `the node is not the leader${leaderOf(error)}; connect with nodePreference=leader or through esdb+discover://`,
    )(error, ctx),
  'access-denied': unavailable('access denied (check the credentials in the connection string)'),
  'maximum-append-size-exceeded': tooLarge,
  'transaction-max-size-exceeded': tooLarge,
  'append-record-size-exceeded': tooLarge,
  'append-consistency-violation': (error, ctx) =>
    concurrencyConflict(streamOf(error, ctx), ctx.expected ?? 'any', actualRevision(error)),
  'invalid-argument': unavailable('the server refused an argument'),
  'invalid-transaction': unavailable('the server refused the transaction'),
  'missing-required-metadata-property': unavailable('a required metadata property is missing'),
  'no-stream': (error, ctx) => streamNotFound(streamOf(error, ctx)),
  'not-found': unavailable('not found'),
  'scavenge-not-found': unavailable('scavenge not found'),
  unsupported: unavailable('the server does not support this operation'),
  unknown: unavailable('the server failed'),
  'persistent-subscription-failed': unavailable('persistent subscription failed'),
  'persistent-subscription-does-not-exist': unavailable('persistent subscription does not exist'),
  'persistent-subscription-exists': unavailable('persistent subscription exists'),
  'persistent-subscription-dropped': unavailable('persistent subscription dropped'),
  'maximum-subscribers-reached': unavailable('maximum subscribers reached'),
  'user-not-found': unavailable('user not found'),
  'user-conflict': unavailable('user conflict'),
};

/** gRPC status codes that mean the server could not be reached in time, for errors the client left raw. */
const grpcConnectionCodes: Readonly<Record<number, string>> = {
  1: 'the call was cancelled',
  4: 'the call exceeded its deadline',
  14: 'EventStoreDB is unavailable (is the server up and the connection string right?)',
};

/** Turns whatever a client threw into a StoreError, so that nothing is thrown across the port. */
export const toStoreError = (thrown: unknown, ctx: ErrorContext): StoreError => {
  if (typeof thrown === 'object' && thrown !== null) {
    const error = thrown as ClientError;
    const mapping = typeof error.type === 'string' ? clientErrorTable[error.type] : undefined;
    if (mapping !== undefined) return mapping(error, ctx);
    const connection = typeof error.code === 'number' ? grpcConnectionCodes[error.code] : undefined;
    if (connection !== undefined) return unavailable(connection)(error, ctx);
    return unavailable('unexpected failure')(error, ctx);
  }
  return { _tag: 'StoreUnavailable', cause: `${ctx.operation}: unexpected failure: ${String(thrown)}` };
};

const describe = (error: ClientError): string =>
  typeof error.message === 'string' && error.message !== '' ? ` (${error.message})` : '';

const leaderOf = (error: ClientError): string => {
  const leader = error.leader as { readonly address?: unknown; readonly port?: unknown } | undefined;
  return typeof leader?.address === 'string'
    ? ` (the leader is ${leader.address}:${String(leader.port)})`
    : '';
};
