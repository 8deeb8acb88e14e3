import { GENESIS_HASH, chainHash, type HashedFields } from './hashChain.js';
import type { RecordedEvent, StreamName } from './types.js';

/** How a stream's history differs from the one its hash chain records. */
export type ChainProblem =
  | 'edited'
  | 'removed'
  | 'inserted'
  | 'reordered'
  | 'undecodable'
  /** Events the stream's recorded tip counts are missing from the end of the log. */
  | 'truncated'
  /** The event stands in the global log before one recorded earlier than it (or at a position not after the last). */
  | 'outOfOrder';

/** A stream whose every link follows from the one before. */
export interface ChainIntact {
  readonly ok: true;
  /** How many events were checked. */
  readonly events: number;
  /** The last event's hash ({@link GENESIS_HASH} for no events): keep it elsewhere to detect truncation. */
  readonly lastHash: string;
}

/** The first broken link of a stream: the event where its history stops matching its chain. */
export interface ChainBroken {
  readonly ok: false;
  readonly stream: StreamName;
  readonly revision: bigint;
  /** Where the event stands in the log; null when it is missing from it. */
  readonly position: bigint | null;
  readonly problem: ChainProblem;
  readonly detail: string;
}

/** What verifying one stream found. */
export type StreamVerification = ChainIntact | ChainBroken;

/** Where a link sits, for reporting it. */
interface Link {
  readonly stream: StreamName;
  readonly revision: bigint;
  readonly position: bigint;
}

/** The fields the hash covers, picked one by one so that extra metadata an adapter adds is ignored. */
export const hashedFields = (event: RecordedEvent, revision = event.revision): HashedFields => ({
  stream: event.stream,
  revision,
  type: event.type,
  data: event.data,
  eventId: event.metadata.eventId,
  commandId: event.metadata.commandId,
  commandHash: event.metadata.commandHash,
  correlationId: event.metadata.correlationId,
  causationId: event.metadata.causationId,
  actor: event.metadata.actor,
  recordedAt: event.metadata.recordedAt,
  schemaVersion: event.metadata.schemaVersion,
});

const broken = (link: Link, problem: ChainProblem, detail: string): ChainBroken => ({
  ok: false,
  stream: link.stream,
  revision: link.revision,
  position: link.position,
  problem,
  detail,
});

/** Checks one stream's events pushed in revision order, keeping only the last two links in memory. */
export interface ChainVerifier {
  readonly push: (event: RecordedEvent) => void;
  /** Records an event that could not be read at all: it breaks the chain where it stands. */
  readonly unreadable: (link: Link, reason: string) => void;
  readonly result: () => StreamVerification;
}

/** A fresh {@link ChainVerifier}. */
export const chainVerifier = (): ChainVerifier => {
  let stream: StreamName | undefined;
  let count = 0;
  let previous: (Link & { readonly hash: string }) | undefined;
  let hashBeforePrevious = GENESIS_HASH;
  // A revision gap is a removal unless the missing revision comes next (a swapped pair): decided one event later.
  let gap: { readonly link: Link; readonly missing: bigint } | undefined;
  let found: ChainBroken | undefined;

  const settleGap = (next: Link | undefined): void => {
    if (gap === undefined) return;
    const { link, missing } = gap;
    gap = undefined;
    found =
      next !== undefined && next.stream === link.stream && next.revision === missing
        ? broken(link, 'reordered', `revision ${link.revision} comes before revision ${missing}`)
        : broken(
            link,
            'removed',
            `revision ${missing} is missing: the next event has revision ${link.revision}`,
          );
  };

  const push = (event: RecordedEvent): void => {
    if (found !== undefined) return;
    if (gap !== undefined) return settleGap(event);
    stream ??= event.stream;
    if (event.stream !== stream) {
      found = broken(
        event,
        'inserted',
        `an event of stream ${event.stream} stands in the history of ${stream}`,
      );
      return;
    }
    const expected = previous === undefined ? 0n : previous.revision + 1n;
    if (event.revision > expected) {
      gap = { link: event, missing: expected };
      return;
    }
    if (event.revision < expected) {
      found =
        previous !== undefined && event.revision === previous.revision
          ? broken(event, 'inserted', `revision ${event.revision} appears twice`)
          : broken(event, 'reordered', `revision ${event.revision} comes after revision ${expected - 1n}`);
      return;
    }
    if (previous !== undefined && event.position <= previous.position) {
      found = broken(
        event,
        'reordered',
        `position ${event.position} is not after position ${previous.position} of revision ${previous.revision}`,
      );
      return;
    }
    const previousHash = previous?.hash ?? GENESIS_HASH;
    if (chainHash(previousHash, hashedFields(event)) !== event.metadata.hash) {
      // An event slipped in with a forged hash and the later revisions renumbered: this one still chains
      // from the event before the newcomer, with its old revision.
      const newcomer =
        previous !== undefined &&
        chainHash(hashBeforePrevious, hashedFields(event, event.revision - 1n)) === event.metadata.hash;
      found =
        newcomer && previous !== undefined
          ? broken(
              previous,
              'inserted',
              `revision ${previous.revision} does not belong: the next event chains from the one before it`,
            )
          : broken(
              event,
              'edited',
              'its hash does not follow from its content and the previous hash: this event (or the hash before it) was changed',
            );
      return;
    }
    hashBeforePrevious = previousHash;
    previous = {
      stream: event.stream,
      revision: event.revision,
      position: event.position,
      hash: event.metadata.hash,
    };
    count += 1;
  };

  const unreadable = (link: Link, reason: string): void => {
    if (found !== undefined) return;
    if (gap !== undefined) return settleGap(link);
    found = broken(link, 'undecodable', reason);
  };

  const result = (): StreamVerification => {
    settleGap(undefined);
    return found ?? { ok: true, events: count, lastHash: previous?.hash ?? GENESIS_HASH };
  };

  return { push, unreadable, result };
};
