// Separate from errors.test.ts: the two clients' generated protobuf classes share a global namespace and
// must not load in one process.
import {
  ErrorType,
  StreamDeletedError,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { describe, expect, it } from 'vitest';
import { clientErrorTable, toStoreError } from '../src/errors.js';

const read = { operation: 'reading case-1', stream: 'case-1' };

describe('@kurrent/kurrentdb-client errors', () => {
  it('every error type the client defines has a mapping', () => {
    for (const type of Object.values(ErrorType)) expect(clientErrorTable).toHaveProperty([type]);
  });

  it('a wrong expected version reads its actual revision from actualState', () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: 'case-1',
      expected: 1n,
      current: 4n,
    });
    expect(error.actualState).toBe(4n);
    expect(toStoreError(error, { ...read, expected: 1n })).toEqual({
      _tag: 'ConcurrencyConflict',
      stream: 'case-1',
      expected: 1n,
      actual: 4n,
    });
  });

  it('the stream comes from the adapter, as the bridge reports "unknown stream" for reads of $all', () => {
    expect(toStoreError(new StreamNotFoundError(undefined, 'unknown stream'), read)).toEqual({
      _tag: 'StreamNotFound',
      stream: 'case-1',
    });
    expect(toStoreError(StreamDeletedError.fromStreamName('unknown stream'), read)).toEqual({
      _tag: 'StreamDeleted',
      stream: 'case-1',
    });
  });

  it('a tombstoned stream is StreamDeleted', () => {
    expect(toStoreError({ type: 'stream-tombstoned', message: 'gone' }, read)).toEqual({
      _tag: 'StreamDeleted',
      stream: 'case-1',
    });
  });

  it('unavailable is StoreUnavailable', () => {
    expect(toStoreError(new UnavailableError(), read)).toMatchObject({ _tag: 'StoreUnavailable' });
  });
});
