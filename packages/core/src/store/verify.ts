import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { chainVerifier, type ChainVerifier, type StreamVerification } from './chainVerifier.js';
import type { StoreError } from './errors.js';
import type { EventStore } from './port.js';
import type { RecordedEvent, StreamName } from './types.js';

/**
 * Recomputes a stream's hash chain from events in revision order (as `readStream` returns them forwards)
 * and reports the first broken link. Hashes cover the data as stored: read with a schema that hands data
 * back unchanged (`anyJsonSchema`, or codecs without transformations and no upcasting since writing).
 */
export const verifyStream = (events: ReadonlyArray<RecordedEvent>): StreamVerification => {
  const verifier = chainVerifier();
  for (const event of events) verifier.push(event);
  return verifier.result();
};

/** What verifying a whole store found, stream by stream in order of first appearance in the log. */
export interface StoreVerification {
  /** Whether every stream verified. */
  readonly ok: boolean;
  /** How many events were read from the log. */
  readonly events: number;
  readonly streams: ReadonlyArray<{ readonly stream: StreamName; readonly result: StreamVerification }>;
}

/**
 * Pages through the global log and verifies every stream's chain, holding one small verifier per stream
 * rather than the log. An undecodable event breaks its stream's chain (`undecodable`) without stopping
 * the audit; any other store error does.
 */
export const verifyStore =
  (
    store: EventStore,
    options: { readonly pageSize?: number } = {},
  ): TaskEither<StoreError, StoreVerification> =>
  async () => {
    const pageSize = Math.max(1, options.pageSize ?? 1000);
    const verifiers = new Map<StreamName, ChainVerifier>();
    const verifierOf = (stream: StreamName): ChainVerifier => {
      const existing = verifiers.get(stream);
      if (existing !== undefined) return existing;
      const created = chainVerifier();
      verifiers.set(stream, created);
      return created;
    };
    let events = 0;
    let from = 0n;
    // After an undecodable event, read one event at a time up to it, so the events before it are checked.
    let stepUntil: bigint | undefined;
    for (;;) {
      const limit = stepUntil !== undefined && from <= stepUntil ? 1 : pageSize;
      const page = await store.readAll({ fromPosition: from, limit })();
      if (E.isLeft(page)) {
        const error = page.left;
        if (error._tag !== 'UndecodableEvent') return E.left(error);
        if (limit > 1 && error.position > from) {
          stepUntil = error.position;
          continue;
        }
        verifierOf(error.stream).unreadable(error, error.reason);
        events += 1;
        from = error.position >= from ? error.position + 1n : from + 1n;
        continue;
      }
      for (const event of page.right) {
        verifierOf(event.stream).push(event);
        events += 1;
        from = event.position + 1n;
      }
      if (page.right.length < limit) break;
    }
    const streams = [...verifiers].map(([stream, verifier]) => ({ stream, result: verifier.result() }));
    return E.right({ ok: streams.every((s) => s.result.ok), events, streams });
  };
