import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import {
  chainVerifier,
  type ChainBroken,
  type ChainVerifier,
  type StreamVerification,
} from './chainVerifier.js';
import type { StoreError, UndecodableEvent } from './errors.js';
import { orderCheck } from './orderCheck.js';
import type { EventStore } from './port.js';
import { checkTip, type ChainEnd, type RecordedTip } from './tipCheck.js';
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
  /** Whether every stream verified, the log is in order and (when given) every recorded tip matches. */
  readonly ok: boolean;
  /** How many events were read from the log. */
  readonly events: number;
  readonly streams: ReadonlyArray<{ readonly stream: StreamName; readonly result: StreamVerification }>;
  /** The first event out of global order, if any. */
  readonly order: ChainBroken | undefined;
  /** Whether recorded tips were compared with the log (the store offered them). */
  readonly tipsChecked: boolean;
  /** Streams whose log does not end where their recorded tip says (truncated, extended, tip edited). */
  readonly tips: ReadonlyArray<ChainBroken>;
}

/** How {@link verifyStore} reads and what else it checks. */
export interface VerifyStoreOptions {
  /** Events per page of `readAll`; 1000 when omitted. */
  readonly pageSize?: number;
  /** The tips the store records apart from the log; without them, truncation at a stream's end goes unseen. */
  readonly tips?: () => TaskEither<StoreError, ReadonlyArray<RecordedTip>>;
  /** How far back `recordedAt` may go along the log before it counts as reordered; 0 when omitted. */
  readonly clockSkewMs?: number;
  /** Sees every event in log order, an unreadable one as its error: to compute more over the same pass. */
  readonly observe?: (event: RecordedEvent | UndecodableEvent) => void;
}

/**
 * Reads the whole log in pages, handing each event (or the error of one that cannot be read) to `visit`.
 * After an undecodable event, reads one event at a time up to it, so that every event before it is seen.
 */
export const scanLog =
  (
    store: EventStore,
    pageSize: number,
    visit: (event: RecordedEvent | UndecodableEvent) => void,
  ): TaskEither<StoreError, number> =>
  async () => {
    let events = 0;
    let from = 0n;
    let stepUntil: bigint | undefined;
    for (;;) {
      const limit = stepUntil !== undefined && from <= stepUntil ? 1 : Math.max(1, pageSize);
      const page = await store.readAll({ fromPosition: from, limit })();
      if (E.isLeft(page)) {
        const error = page.left;
        if (error._tag !== 'UndecodableEvent') return E.left(error);
        if (limit > 1 && error.position > from) {
          stepUntil = error.position;
          continue;
        }
        visit(error);
        events += 1;
        from = error.position >= from ? error.position + 1n : from + 1n;
        continue;
      }
      for (const event of page.right) {
        visit(event);
        events += 1;
        from = event.position + 1n;
      }
      if (page.right.length < limit) return E.right(events);
    }
  };

/**
 * Pages through the global log and verifies every stream's chain, holding one small verifier per stream
 * rather than the log; checks the global order; then, when the store offers them, compares each stream's
 * recorded tip with where its chain ended. An undecodable event breaks its stream's chain (`undecodable`)
 * without stopping the audit; any other store error does.
 */
export const verifyStore =
  (store: EventStore, options: VerifyStoreOptions = {}): TaskEither<StoreError, StoreVerification> =>
  async () => {
    const verifiers = new Map<StreamName, ChainVerifier>();
    const ends = new Map<StreamName, ChainEnd>();
    const order = orderCheck(options.clockSkewMs ?? 0);
    const verifierOf = (stream: StreamName): ChainVerifier => {
      const existing = verifiers.get(stream);
      if (existing !== undefined) return existing;
      const created = chainVerifier();
      verifiers.set(stream, created);
      return created;
    };
    const scanned = await scanLog(store, options.pageSize ?? 1000, (item) => {
      options.observe?.(item);
      if ('_tag' in item) return verifierOf(item.stream).unreadable(item, item.reason);
      verifierOf(item.stream).push(item);
      order.push(item);
      ends.set(item.stream, { revision: item.revision, position: item.position, hash: item.metadata.hash });
    })();
    if (E.isLeft(scanned)) return scanned;
    const streams = [...verifiers].map(([stream, verifier]) => ({ stream, result: verifier.result() }));
    const tips = await tipProblems(streams, ends, options.tips);
    if (E.isLeft(tips)) return tips;
    const outOfOrder = order.result();
    return E.right({
      ok: streams.every((s) => s.result.ok) && outOfOrder === undefined && tips.right.problems.length === 0,
      events: scanned.right,
      streams,
      order: outOfOrder,
      tipsChecked: tips.right.checked,
      tips: tips.right.problems,
    });
  };

const tipProblems = async (
  streams: ReadonlyArray<{ readonly stream: StreamName; readonly result: StreamVerification }>,
  ends: ReadonlyMap<StreamName, ChainEnd>,
  source: VerifyStoreOptions['tips'],
): Promise<E.Either<StoreError, { checked: boolean; problems: ReadonlyArray<ChainBroken> }>> => {
  if (source === undefined) return E.right({ checked: false, problems: [] });
  const recorded = await source()();
  if (E.isLeft(recorded)) return recorded;
  const tips = new Map(recorded.right.map((tip) => [tip.stream, tip]));
  const problems: ChainBroken[] = [];
  for (const { stream, result } of streams) {
    const problem = checkTip(stream, result, ends.get(stream), tips.get(stream));
    if (problem !== undefined) problems.push(problem);
    tips.delete(stream);
  }
  // Streams the store records but the log holds nothing of: deleted from the log whole.
  for (const [stream, tip] of tips) {
    const problem = checkTip(stream, { ok: true, events: 0, lastHash: tip.hash }, undefined, tip);
    if (problem !== undefined) problems.push(problem);
  }
  return E.right({ checked: true, problems });
};
