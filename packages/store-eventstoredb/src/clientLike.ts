/**
 * Exactly what the adapter asks of an EventStoreDB client. Both `EventStoreDBClient` (@eventstore/db-client 6.x)
 * and `KurrentDBClient` (@kurrent/kurrentdb-client 1.x) satisfy it as they are; the shapes are written out here
 * rather than imported so that the adapter never loads the second package.
 */

/** A position in the transaction log, as the clients spell it. */
export interface EsdbPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** Where a read or subscription starts. */
export type EsdbReadPosition = 'start' | 'end' | EsdbPosition;

/** The expected state of a stream, as the clients spell it. */
export type EsdbExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** The options of an append: both spellings of the expected revision. */
export interface EsdbAppendOptions {
  /** Read by @eventstore/db-client; @kurrent/kurrentdb-client ignores it. */
  readonly expectedRevision: EsdbExpectedRevision;
  /** Read by @kurrent/kurrentdb-client; @eventstore/db-client ignores it. */
  readonly streamState: EsdbExpectedRevision;
}

/**
 * JSON data as the clients type it. They write it with `JSON.stringify`, so a bare number, boolean or null
 * goes through as well; the adapter casts those.
 */
export type EsdbJsonData = Record<string | number, unknown> | unknown[] | string;

/** A JSON event on its way in. */
export interface EsdbEventData {
  readonly id: string;
  readonly contentType: 'application/json';
  readonly type: string;
  readonly data: EsdbJsonData;
  readonly metadata: Record<string, unknown>;
}

/** What an append reports. */
export interface EsdbAppendResult {
  /** False only for a client built with `throwOnAppendFailure: false` whose append met the wrong revision. */
  readonly success: boolean;
  readonly nextExpectedRevision: bigint;
  readonly position?: EsdbPosition | undefined;
}

/** An event as the clients hand it out. */
export interface EsdbRecordedEvent {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly isJson: boolean;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly position?: EsdbPosition | undefined;
}

/** An event, or a link and the event it points to. */
export interface EsdbResolvedEvent {
  readonly event?: EsdbRecordedEvent | undefined;
  readonly link?: EsdbRecordedEvent | undefined;
  readonly commitPosition?: bigint | undefined;
}

interface EsdbFilterBase {
  readonly filterOn: 'eventType' | 'streamName';
  readonly checkpointInterval: number;
  readonly checkpointReached?: (subscription: unknown, position: EsdbPosition) => Promise<void> | void;
}

/** A server-side filter on `$all`, as the clients' `eventTypeFilter`/`streamNameFilter` build it. */
export type EsdbFilter =
  (EsdbFilterBase & { readonly prefixes: string[] }) | (EsdbFilterBase & { readonly regex: string });

/** Options for reading one stream. */
export interface EsdbReadStreamOptions {
  readonly direction: 'forwards' | 'backwards';
  readonly fromRevision: 'start' | 'end' | bigint;
  readonly maxCount: number | bigint;
}

/** Options for reading `$all`; `filter` is applied by the server where the client supports it (kurrentdb-client). */
export interface EsdbReadAllOptions {
  readonly direction: 'forwards' | 'backwards';
  readonly fromPosition: EsdbReadPosition;
  readonly maxCount: number | bigint;
  readonly filter?: EsdbFilter;
}

/** Options for subscribing to `$all`. */
export interface EsdbSubscribeToAllOptions {
  readonly fromPosition: EsdbReadPosition;
  readonly filter?: EsdbFilter;
}

/** A catch-up subscription to `$all`: a readable of events that signals `caughtUp` and `error`. */
export interface EsdbSubscription extends AsyncIterable<EsdbResolvedEvent> {
  readonly readableLength: number;
  on(event: 'caughtUp', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  unsubscribe(): Promise<void>;
}

/** One stream's part of a multi-stream append (KurrentDB 25.1+, @kurrent/kurrentdb-client). */
export interface EsdbAppendStreamRequest {
  readonly streamName: string;
  /** Metadata must be string → string here: the v2 protocol carries it as properties. */
  readonly events: EsdbEventData[];
  readonly expectedState: EsdbExpectedRevision;
}

/** What a multi-stream append reports: each stream's last revision, and one position for the whole transaction. */
export interface EsdbMultiAppendResult {
  readonly position: bigint;
  readonly responses: ReadonlyArray<{ readonly streamName: string; readonly revision: bigint }>;
}

/** The client surface the adapter uses. */
export interface EsdbClientLike {
  appendToStream(
    stream: string,
    events: EsdbEventData[],
    options: EsdbAppendOptions,
  ): Promise<EsdbAppendResult>;
  /**
   * Appends to several streams in one transaction, all or none (@kurrent/kurrentdb-client on KurrentDB 25.1+; the
   * client throws UnsupportedError on older servers). Absent from @eventstore/db-client.
   */
  multiStreamAppend?(requests: EsdbAppendStreamRequest[]): Promise<EsdbMultiAppendResult>;
  readStream(stream: string, options: EsdbReadStreamOptions): AsyncIterable<EsdbResolvedEvent>;
  readAll(options: EsdbReadAllOptions): AsyncIterable<EsdbResolvedEvent>;
  subscribeToAll(options: EsdbSubscribeToAllOptions): EsdbSubscription;
  deleteStream(
    stream: string,
    options: { readonly expectedRevision: 'any' | 'no_stream' | bigint },
  ): Promise<unknown>;
  setStreamMetadata(
    stream: string,
    metadata: { readonly maxCount?: number },
    options: { readonly expectedRevision: 'any' | 'no_stream' | bigint },
  ): Promise<unknown>;
  getStreamMetadata(
    stream: string,
  ): Promise<{ readonly metadata?: { readonly truncateBefore?: unknown } | undefined }>;
  dispose(): Promise<void>;
}
