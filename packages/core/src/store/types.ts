/**
 * The event store port: what every adapter (in-memory, SQLite, EventStoreDB) provides, with the same
 * guarantees. 64-bit numbers are `bigint` so that EventStoreDB's positions pass through without loss.
 */

/** A stream's name, `<aggregate>-<id>` (e.g. `supportCase-42`), so EventStoreDB's category projections work. */
export type StreamName = string;

/**
 * What the writer believes about the stream before appending: it does not exist yet, anything goes,
 * it exists with any revision, or its last event has exactly this revision (0-based).
 */
export type ExpectedRevision = 'no-stream' | 'any' | 'exists' | bigint;

/** Metadata the writer supplies with each new event; the store fills in the rest. */
export interface NewEventMetadata {
  /** Unique id of this event (a UUID); made outside the domain. */
  readonly eventId: string;
  /** The command that produced the event, for idempotency. */
  readonly commandId?: string;
  /** A digest of the command's payload, so that a command id reused with other content is recognised. */
  readonly commandHash?: string;
  /** The conversation this event belongs to: the first command's id, carried along. */
  readonly correlationId?: string;
  /** The message (command or event id) that directly caused this one. */
  readonly causationId?: string;
  /** Who asked for the change. */
  readonly actor?: string;
  /** The schema version the data is written in; defaults to the registry's current version for the type. */
  readonly schemaVersion?: number;
}

/** An event on its way into the store. */
export interface NewEvent {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: NewEventMetadata;
}

/** Metadata as recorded: the writer's fields plus the store's. */
export interface RecordedMetadata {
  readonly eventId: string;
  readonly commandId: string | null;
  readonly commandHash: string | null;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: string | null;
  /** When the store accepted the append, ISO-8601 UTC. */
  readonly recordedAt: string;
  readonly schemaVersion: number;
  /** SHA-256 (hex) of the previous event's hash in the stream and this event's canonical encoding. */
  readonly hash: string;
}

/** An event as the store recorded it. `data` is decoded (and upcast) when the store has a schema. */
export interface RecordedEvent<T extends string = string, D = unknown> {
  readonly stream: StreamName;
  /** 0-based position within the stream. */
  readonly revision: bigint;
  /** Position in the global log: strictly increasing in log order, not necessarily dense. */
  readonly position: bigint;
  readonly type: T;
  readonly data: D;
  readonly metadata: RecordedMetadata;
}

/** What a writer already knows of the stream it appends to. */
export interface AppendOptions {
  /**
   * The hash of the event at the expected revision, as the writer read it (command handling passes the tip it
   * loaded), so that an adapter whose tip costs a round trip may chain from it instead of reading it again.
   * Only meaningful with an exact expected revision; the store still checks that revision, so a stale tip
   * is a `ConcurrencyConflict` as ever.
   */
  readonly expectedHash?: string;
}

/** What a successful append reports. */
export interface AppendResult {
  /** The revision of the last event written (or the current revision when nothing was written). */
  readonly nextExpectedRevision: bigint;
  /** The global position of the last event written. */
  readonly position: bigint;
  readonly events: ReadonlyArray<RecordedEvent>;
}

/** Which way to read. */
export type Direction = 'forwards' | 'backwards';

/** Options for reading one stream. */
export interface ReadStreamOptions {
  readonly direction?: Direction;
  /** Inclusive start revision; defaults to the start (forwards) or the end (backwards). */
  readonly fromRevision?: bigint;
  /** At most this many events. */
  readonly limit?: number;
}

/** Options for reading the global log. */
export interface ReadAllOptions {
  readonly direction?: Direction;
  /** Inclusive start position; defaults to the start (forwards) or the end (backwards). */
  readonly fromPosition?: bigint;
  readonly limit?: number;
  readonly filter?: EventFilter;
}

/** A server-side filter on the global log. */
export type EventFilter =
  | { readonly kind: 'eventType'; readonly prefixes: ReadonlyArray<string> }
  | { readonly kind: 'streamName'; readonly prefixes: ReadonlyArray<string> };

/** Options for subscribing to the global log. */
export interface SubscribeOptions {
  /** Exclusive: the subscription delivers events after this position; omitted, from the very start. */
  readonly afterPosition?: bigint;
  readonly filter?: EventFilter;
}

/** What a subscription yields: an event, or the signal that catch-up is done and delivery is now live. */
export type SubscriptionMessage =
  | { readonly kind: 'event'; readonly event: RecordedEvent }
  | { readonly kind: 'caughtUp'; readonly position: bigint | null };

/** A live subscription: an async iterable you can stop. */
export interface Subscription extends AsyncIterable<SubscriptionMessage> {
  /** Ends the subscription; iteration finishes after any message already handed out. */
  readonly stop: () => Promise<void>;
}
