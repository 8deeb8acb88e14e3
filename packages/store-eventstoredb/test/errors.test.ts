import { Metadata, status } from '@grpc/grpc-js';
import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  ErrorType,
  MaxAppendSizeExceededError,
  StreamDeletedError,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
  convertToCommandError,
} from '@eventstore/db-client';
import { describe, expect, it } from 'vitest';
import { clientErrorTable, toStoreError } from '../src/errors.js';

const append = { operation: 'appending to case-1', stream: 'case-1', expected: 3n, firstType: 'CaseOpened' };

/** A gRPC error as @grpc/grpc-js hands it to the client, with the server's `exception` trailer. */
const serviceError = (code: status, exception: string, trailers: Record<string, string> = {}) => {
  const metadata = new Metadata();
  metadata.set('exception', exception);
  for (const [key, value] of Object.entries(trailers)) metadata.set(key, value);
  return Object.assign(new Error(`${code} ${exception}`), { code, details: exception, metadata });
};

describe('@eventstore/db-client errors', () => {
  it('every error type the client defines has a mapping', () => {
    for (const type of Object.values(ErrorType)) expect(clientErrorTable).toHaveProperty([type]);
  });

  it('a wrong expected version is a ConcurrencyConflict with the actual revision', () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: 'case-1',
      expected: 3n,
      current: 5n,
    });
    expect(toStoreError(error, append)).toEqual({
      _tag: 'ConcurrencyConflict',
      stream: 'case-1',
      expected: 3n,
      actual: 5n,
    });
  });

  it('a wrong expected version on a stream with no events has actual no-stream', () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: 'case-1',
      expected: 3n,
      current: 'no_stream',
    });
    expect(toStoreError(error, append)).toMatchObject({ _tag: 'ConcurrencyConflict', actual: 'no-stream' });
  });

  it('a wrong expected version from gRPC trailers keeps a revision past 2^53 exactly', () => {
    const error = convertToCommandError(
      serviceError(status.FAILED_PRECONDITION, 'wrong-expected-version', {
        'stream-name': 'case-1',
        'expected-version': '1',
        'actual-version': '9007199254740993',
      }),
    );
    expect(toStoreError(error, { ...append, expected: 1n })).toMatchObject({
      _tag: 'ConcurrencyConflict',
      expected: 1n,
      actual: 9007199254740993n,
    });
  });

  it('stream not found and stream deleted keep their stream', () => {
    const read = { operation: 'reading case-1', stream: 'case-1' };
    expect(toStoreError(new StreamNotFoundError(undefined, 'case-1'), read)).toEqual({
      _tag: 'StreamNotFound',
      stream: 'case-1',
    });
    expect(toStoreError(StreamDeletedError.fromStreamName('case-1'), read)).toEqual({
      _tag: 'StreamDeleted',
      stream: 'case-1',
    });
  });

  it('connection failures are StoreUnavailable with a cause that says which', () => {
    const cases: ReadonlyArray<readonly [Error, RegExp]> = [
      [
        new UnavailableError(undefined, 'No connection established'),
        /unavailable.*No connection established/,
      ],
      [new DeadlineExceededError(), /deadline/],
      [new TimeoutError(), /timed out/],
      [new CancelledError(), /cancelled/],
      [new AccessDeniedError(), /access denied/],
      [new UnknownError(undefined, 'boom'), /boom/],
    ];
    for (const [error, cause] of cases) {
      const mapped = toStoreError(error, append);
      expect(mapped._tag).toBe('StoreUnavailable');
      expect(mapped).toMatchObject({ cause: expect.stringMatching(cause) as unknown });
      expect(mapped).toMatchObject({ cause: expect.stringMatching(/^appending to case-1: /) as unknown });
    }
  });

  it('a follower answering a write is StoreUnavailable naming the leader', () => {
    const error = convertToCommandError(
      serviceError(status.NOT_FOUND, 'not-leader', {
        'leader-endpoint-host': '10.0.0.2',
        'leader-endpoint-port': '2113',
      }),
    );
    expect(error.constructor.name).toBe('NotLeaderError');
    expect(toStoreError(error, append)).toMatchObject({
      _tag: 'StoreUnavailable',
      cause: expect.stringMatching(/not the leader \(the leader is 10\.0\.0\.2:2113\)/) as unknown,
    });
  });

  it('an append larger than the server takes is an InvalidEvent: retrying cannot help', () => {
    expect(toStoreError(MaxAppendSizeExceededError.fromMaxAppendSize(1024), append)).toMatchObject({
      _tag: 'InvalidEvent',
      stream: 'case-1',
      index: 0,
      type: 'CaseOpened',
      reason: expect.stringMatching(/1024 bytes/) as unknown,
    });
  });

  it('a raw gRPC error the client did not convert is still classified by its status code', () => {
    const raw = Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 });
    expect(toStoreError(raw, append)).toMatchObject({
      _tag: 'StoreUnavailable',
      cause: expect.stringMatching(/unavailable/) as unknown,
    });
  });

  it('anything else thrown is StoreUnavailable, never rethrown', () => {
    expect(toStoreError(new TypeError('x is undefined'), append)).toMatchObject({
      _tag: 'StoreUnavailable',
      cause: expect.stringMatching(/unexpected failure.*x is undefined/) as unknown,
    });
    expect(toStoreError('a string', append)).toMatchObject({
      _tag: 'StoreUnavailable',
      cause: expect.stringMatching(/a string/) as unknown,
    });
  });
});
