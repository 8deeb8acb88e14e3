import type { EsdbRecordedEvent, EsdbResolvedEvent } from './clientLike.js';
import { positionOf } from './positions.js';

/**
 * What the store does with an event of the global log that another application wrote on the same server — one
 * without Dossier's metadata: `skip` it, counted (the default: a projection never halts on someone else's event), or
 * `strict`: answer it as an `UndecodableEvent`, as an auditor wants when the server should hold only Dossier's log.
 */
export type ForeignEventPolicy = 'skip' | 'strict';

/** One event the store left out of the global log as another application's. */
export interface ForeignEvent {
  readonly stream: string;
  readonly position: bigint;
  readonly type: string;
}

/** What the store has left out so far, across its reads of `$all` and its subscriptions. */
export interface ForeignEventsReport {
  readonly skipped: number;
  /** The last one skipped, so that an operator can look at it. */
  readonly last: ForeignEvent | null;
}

/** Counts what is skipped, for the store's `foreignEvents()`. */
export interface ForeignEvents {
  readonly policy: ForeignEventPolicy;
  /** Whether to skip this event: a foreign one under the `skip` policy, which is then counted. */
  readonly skips: (resolved: EsdbResolvedEvent, event: EsdbRecordedEvent) => boolean;
  readonly report: () => ForeignEventsReport;
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

/**
 * Whether an event carries Dossier's metadata: a JSON object with the chain's `hash` and a `schemaVersion`, which every
 * event Dossier writes has. Anything else — no metadata, binary metadata, another application's fields — is foreign.
 * (A Dossier event whose metadata lost both is indistinguishable from a foreign one: `strict` reports it.)
 */
export const isDossierEvent = (event: Pick<EsdbRecordedEvent, 'metadata'>): boolean =>
  isRecord(event.metadata) && typeof event.metadata['hash'] === 'string' && 'schemaVersion' in event.metadata;

/** A counter of foreign events under a policy. */
export const foreignEvents = (policy: ForeignEventPolicy): ForeignEvents => {
  let skipped = 0;
  let last: ForeignEvent | null = null;
  return {
    policy,
    skips: (resolved, event) => {
      if (policy === 'strict' || isDossierEvent(event)) return false;
      skipped += 1;
      last = { stream: event.streamId, position: positionOf(resolved), type: event.type };
      return true;
    },
    report: () => ({ skipped, last }),
  };
};
