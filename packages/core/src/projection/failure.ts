import type { StoreError } from '../store/errors.js';
import type { RecordedEvent } from '../store/types.js';

/**
 * Why a projection (or process manager) stopped on an event: `apply` threw on it, or the store could not
 * decode it. Its checkpoint stays just before that event, so a fixed projection starts again from there.
 */
export interface ConsumerFailure {
  readonly kind: 'ApplyFailed' | 'UndecodableEvent' | 'StoreFailed';
  readonly name: string;
  readonly stream: string | null;
  readonly revision: bigint | null;
  readonly position: bigint | null;
  readonly error: string;
}

const messageOf = (thrown: unknown): string => (thrown instanceof Error ? thrown.message : String(thrown));

/** The report of an event a fold threw on. */
export const applyFailed = (name: string, event: RecordedEvent, thrown: unknown): ConsumerFailure => ({
  kind: 'ApplyFailed',
  name,
  stream: event.stream,
  revision: event.revision,
  position: event.position,
  error: messageOf(thrown),
});

/** The report of a failed subscription: an undecodable event with where it is, or the store's failure. */
export const subscriptionFailure = (name: string, error: StoreError): ConsumerFailure =>
  error._tag === 'UndecodableEvent'
    ? {
        kind: 'UndecodableEvent',
        name,
        stream: error.stream,
        revision: error.revision,
        position: error.position,
        error: error.reason,
      }
    : {
        kind: 'StoreFailed',
        name,
        stream: null,
        revision: null,
        position: null,
        error: describeStoreError(error),
      };

/** A store error in words, for status reports. */
export const describeStoreError = (error: StoreError): string =>
  error._tag === 'StoreUnavailable'
    ? `StoreUnavailable: ${error.cause}`
    : `${error._tag}: ${JSON.stringify(error, bigintText)}`;

/** A JSON replacer that writes bigints as decimal strings. */
export const bigintText = (_key: string, value: unknown): unknown =>
  typeof value === 'bigint' ? value.toString() : value;

/** What a consumer does after a failed subscription: subscribe again after a store failure, stop on an event. */
export const retriesOn = (report: ConsumerFailure): 'retry' | 'stop' =>
  report.kind === 'StoreFailed' ? 'retry' : 'stop';
