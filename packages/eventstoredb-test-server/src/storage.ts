// In-memory storage with EventStoreDB's write and read semantics.
//
// The rules follow the server's own code (EventStore.Core IndexWriter.CheckCommit,
// IndexReader, AllReader) rather than the client's view, because the adapter under
// test must behave against a real server:
// - expected versions use the server's encoding (Any -2, NoStream -1, StreamExists -4,
//   otherwise an exact revision) so the commit check reads like the original;
// - appends are idempotent when the same event ids are re-sent at the same place;
// - a soft delete is a `$metadata` event in `$$stream` with `$tb` (truncate before) set
//   to EventNumber.DeletedStream; the first later write "undeletes" by writing `$tb`
//   = its first revision, and revisions continue;
// - a hard delete (tombstone) is a `$streamDeleted` record with revision
//   EventNumber.DeletedStream; the stream can never be written or read again;
// - `$all` is the log itself: it shows every record, including the system ones above
//   and the events of deleted streams (a real server keeps them until a scavenge).
//
// Everything is synchronous: a write is applied atomically before anyone can read.

/** EventStore.Core.Data.ExpectedVersion, the encoding the server's commit check uses. */
export const ExpectedVersion = { Any: -2n, NoStream: -1n, StreamExists: -4n } as const;

/** EventNumber.DeletedStream: the revision of a tombstone, and the `$tb` of a soft-deleted stream. */
export const DELETED_STREAM = 9223372036854775807n;

/** A real database holds system records before the first user event, so no user event sits at Position.Start. */
const INITIAL_LOG_POSITION = 1024n;

/** Rough size of a prepare record's header, so `$all` positions advance like byte offsets in a log. */
const RECORD_OVERHEAD = 96n;

const TICKS_PER_MILLISECOND = 10_000n;

export interface ProposedEvent {
  readonly id: string;
  readonly type: string;
  readonly isJson: boolean;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
}

export interface RecordedEvent extends ProposedEvent {
  readonly stream: string;
  readonly revision: bigint;
  /** Commit and prepare position in `$all` (the same number: one record per event). */
  readonly position: bigint;
  /** 100 ns ticks since the Unix epoch. */
  readonly created: bigint;
}

export type WriteResult =
  | { readonly kind: 'ok'; readonly currentRevision: bigint; readonly position: bigint | undefined }
  | { readonly kind: 'wrong_expected_version'; readonly currentRevision: bigint }
  | { readonly kind: 'stream_deleted' };

/** One stream's part of a write: where the writer expects the stream to be, and its events. */
export interface StreamWrite {
  readonly stream: string;
  readonly expected: bigint;
  readonly events: readonly ProposedEvent[];
}

/** What a write to several streams answers: every stream's result, or the first that failed and nothing written. */
export type ManyWriteResult =
  | {
      readonly kind: 'ok';
      readonly results: ReadonlyArray<Extract<WriteResult, { kind: 'ok' }>>;
    }
  | { readonly kind: 'failed'; readonly index: number; readonly failure: WriteResult };

/** What a write of records naming their streams answers: each stream's last revision, or what failed. */
export type RecordsWriteResult =
  | {
      readonly kind: 'ok';
      readonly revisions: ReadonlyMap<string, bigint>;
      /** The last record's position (of those written before, when every record had been). */
      readonly position: bigint | undefined;
    }
  | { readonly kind: 'failed'; readonly stream: string; readonly failure: WriteResult };

export type DeleteResult =
  | { readonly kind: 'ok'; readonly position: bigint }
  | { readonly kind: 'wrong_expected_version'; readonly currentRevision: bigint }
  | { readonly kind: 'stream_deleted' };

export type ReadStreamResult =
  | { readonly kind: 'ok'; readonly events: readonly RecordedEvent[] }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'stream_deleted' };

export type Direction = 'forwards' | 'backwards';
export type StreamStart = bigint | 'start' | 'end';
export type AllStart = bigint | 'start' | 'end';

type CommitCheck =
  | { readonly decision: 'ok'; readonly current: bigint; readonly softDeleted: boolean }
  | { readonly decision: 'idempotent'; readonly last: RecordedEvent }
  | { readonly decision: 'wrong_expected_version'; readonly current: bigint }
  | { readonly decision: 'deleted' };

interface StreamState {
  readonly events: RecordedEvent[];
  tombstone: RecordedEvent | undefined;
}

export const metastreamOf = (stream: string): string => `$$${stream}`;
const isMetastream = (stream: string): boolean => stream.startsWith('$$');
const originalStreamOf = (metastream: string): string => metastream.slice(2);

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

export class Store {
  readonly #log: RecordedEvent[] = [];
  readonly #streams = new Map<string, StreamState>();
  /** The latest record written with each event id, for idempotency checks (the server's `_committedEvents`). */
  readonly #byEventId = new Map<string, RecordedEvent>();
  readonly #listeners = new Set<() => void>();
  readonly #clock: () => Date;
  #nextPosition = INITIAL_LOG_POSITION;

  constructor(clock: () => Date = () => new Date()) {
    this.#clock = clock;
  }

  // ---- writes ---------------------------------------------------------------

  append(stream: string, expected: bigint, events: readonly ProposedEvent[]): WriteResult {
    const written = this.appendMany([{ stream, expected, events }]);
    if (written.kind === 'failed') return written.failure;
    // One write, one result.
    return (
      written.results[0] ?? { kind: 'ok', currentRevision: this.lastEventNumber(stream), position: undefined }
    );
  }

  /**
   * Writes to several streams atomically (the server's WriteEvents with many stream ids, behind the v2
   * AppendSession): every expected version is checked before anything is written; the first that fails is the
   * answer, with the index of its write, and nothing is written. Otherwise one `ok` per write, in order.
   */
  appendMany(writes: readonly StreamWrite[]): ManyWriteResult {
    const checks = writes.map((write) =>
      this.#checkCommit(
        write.stream,
        write.expected,
        write.events.map((event) => event.id),
      ),
    );
    for (const [index, check] of checks.entries()) {
      if (check.decision === 'deleted') return { kind: 'failed', index, failure: { kind: 'stream_deleted' } };
      if (check.decision === 'wrong_expected_version')
        return {
          kind: 'failed',
          index,
          failure: { kind: 'wrong_expected_version', currentRevision: check.current },
        };
    }
    const committed = writes.map((write, index) => this.#commit(write, checks[index]!));
    if (committed.some((result) => result.written)) this.#notify();
    const results = committed.map(({ currentRevision, position }) => ({
      kind: 'ok' as const,
      currentRevision,
      position,
    }));
    return { kind: 'ok', results };
  }

  /**
   * Writes records that name their own streams, in the order given, all or none (the v2 AppendRecords): each
   * stream is written as `any` expects (idempotent when every id of its records is there already). A tombstoned
   * stream, or ids only partly written before, fail the whole write, naming that stream. Otherwise every stream
   * written to, with its last revision, and the last record's position.
   */
  appendRecords(
    records: readonly { readonly stream: string; readonly event: ProposedEvent }[],
  ): RecordsWriteResult {
    const byStream = new Map<string, ProposedEvent[]>();
    for (const { stream, event } of records) {
      const events = byStream.get(stream);
      if (events === undefined) byStream.set(stream, [event]);
      else events.push(event);
    }
    const checks = new Map<string, CommitCheck>();
    for (const [stream, events] of byStream) {
      const check = this.#checkCommit(
        stream,
        ExpectedVersion.Any,
        events.map((event) => event.id),
      );
      if (check.decision === 'deleted')
        return { kind: 'failed', stream, failure: { kind: 'stream_deleted' } };
      if (check.decision === 'wrong_expected_version')
        return {
          kind: 'failed',
          stream,
          failure: { kind: 'wrong_expected_version', currentRevision: check.current },
        };
      checks.set(stream, check);
    }
    const revisions = new Map<string, bigint>();
    let position: bigint | undefined;
    for (const [stream, check] of checks) {
      if (check.decision === 'idempotent') {
        revisions.set(stream, check.last.revision);
        if (position === undefined || check.last.position > position) position = check.last.position;
      } else if (check.decision === 'ok' && check.softDeleted)
        this.#writeMetadata(stream, check.current + 1n);
    }
    let wrote = false;
    for (const { stream, event } of records) {
      if (checks.get(stream)?.decision === 'idempotent') continue;
      const written = this.#write(stream, this.lastEventNumber(stream) + 1n, event);
      revisions.set(stream, written.revision);
      position = written.position;
      wrote = true;
    }
    if (wrote) this.#notify();
    return { kind: 'ok', revisions, position };
  }

  #commit(
    write: StreamWrite,
    check: CommitCheck,
  ): { currentRevision: bigint; position: bigint | undefined; written: boolean } {
    if (check.decision === 'idempotent')
      return { currentRevision: check.last.revision, position: check.last.position, written: false };
    const current = check.decision === 'ok' ? check.current : -1n;
    if (write.events.length === 0) return { currentRevision: current, position: undefined, written: false };
    if (check.decision === 'ok' && check.softDeleted) {
      // Recreating a soft-deleted stream: hide the old events from now on, keep the numbering.
      this.#writeMetadata(write.stream, current + 1n);
    }
    let last: RecordedEvent | undefined;
    for (const event of write.events)
      last = this.#write(write.stream, this.lastEventNumber(write.stream) + 1n, event);
    return { currentRevision: last?.revision ?? current, position: last?.position, written: true };
  }

  /** Soft delete: the stream reads as not found and can be written again, revisions continuing. */
  softDelete(stream: string, expected: bigint): DeleteResult {
    const check = this.#checkCommit(stream, expected, []);
    if (check.decision === 'deleted') return { kind: 'stream_deleted' };
    if (check.decision === 'wrong_expected_version')
      return { kind: 'wrong_expected_version', currentRevision: check.current };
    // The server refuses to soft-delete a stream that never existed, neither its events nor its
    // metadata, whether told it does not exist or any (its DeleteNoStream gRPC test expects
    // FailedPrecondition; KurrentDB#4637: "Expected version: -2, Actual version: -1" for any).
    if (
      (expected === ExpectedVersion.NoStream || expected === ExpectedVersion.Any) &&
      !this.#everExisted(stream)
    ) {
      return { kind: 'wrong_expected_version', currentRevision: this.lastEventNumber(stream) };
    }
    const record = this.#writeMetadata(stream, DELETED_STREAM);
    this.#notify();
    return { kind: 'ok', position: record.position };
  }

  /** Hard delete: a tombstone; the stream can never be read or written again. */
  tombstone(stream: string, expected: bigint): DeleteResult {
    const check = this.#checkCommit(stream, expected, []);
    if (check.decision === 'deleted') return { kind: 'stream_deleted' };
    if (check.decision === 'wrong_expected_version')
      return { kind: 'wrong_expected_version', currentRevision: check.current };
    const record = this.#record(stream, DELETED_STREAM, {
      id: crypto.randomUUID(),
      type: '$streamDeleted',
      isJson: true,
      data: new Uint8Array(),
      metadata: new Uint8Array(),
    });
    this.#state(stream).tombstone = record;
    this.#notify();
    return { kind: 'ok', position: record.position };
  }

  // ---- reads ----------------------------------------------------------------

  readStream(stream: string, direction: Direction, from: StreamStart, count: bigint): ReadStreamResult {
    if (this.isTombstoned(stream)) return { kind: 'stream_deleted' };
    const events = this.#streams.get(stream)?.events ?? [];
    if (events.length === 0 || this.isSoftDeleted(stream)) return { kind: 'not_found' };

    const last = BigInt(events.length - 1);
    const first = this.#firstVisible(stream, events, last);
    const out: RecordedEvent[] = [];
    if (direction === 'forwards') {
      // Start revisions are inclusive; forwards from the end there is nothing to read.
      let revision = from === 'start' ? 0n : from === 'end' ? last + 1n : from;
      if (revision < first) revision = first;
      for (; revision <= last && BigInt(out.length) < count; revision++) out.push(this.#at(events, revision));
    } else {
      let revision = from === 'start' ? 0n : from === 'end' ? last : from;
      if (revision > last) revision = last;
      for (; revision >= first && BigInt(out.length) < count; revision--)
        out.push(this.#at(events, revision));
    }
    return { kind: 'ok', events: out };
  }

  /** The event at `revision` if a read of the stream would return it (not truncated, not deleted), else undefined. */
  readEvent(stream: string, revision: bigint): RecordedEvent | undefined {
    const result = this.readStream(stream, 'forwards', revision, 1n);
    const event = result.kind === 'ok' ? result.events[0] : undefined;
    return event?.revision === revision ? event : undefined;
  }

  /**
   * Reads `$all`. Forwards, the start position is inclusive. Backwards it is exclusive:
   * the server's AllReader returns records that end at or before the position, so the
   * event *at* the position (which ends after it) is not included — reading backwards
   * from an event's position continues with the event before it.
   */
  readAll(
    direction: Direction,
    from: AllStart,
    count: bigint,
    matches: (record: RecordedEvent) => boolean = () => true,
  ): readonly RecordedEvent[] {
    const out: RecordedEvent[] = [];
    if (direction === 'forwards') {
      if (from === 'end') return out;
      for (
        let i = from === 'start' ? 0 : this.indexAtOrAfter(from);
        i < this.#log.length && BigInt(out.length) < count;
        i++
      ) {
        const record = this.#log[i];
        if (record !== undefined && matches(record)) out.push(record);
      }
    } else {
      if (from === 'start') return out;
      for (
        let i = (from === 'end' ? this.#log.length : this.indexAtOrAfter(from)) - 1;
        i >= 0 && BigInt(out.length) < count;
        i--
      ) {
        const record = this.#log[i];
        if (record !== undefined && matches(record)) out.push(record);
      }
    }
    return out;
  }

  // ---- state, for subscriptions and tests -------------------------------------

  /** Every record in `$all`, oldest first. */
  get log(): readonly RecordedEvent[] {
    return this.#log;
  }

  /** Every event ever written to the stream (including truncated ones), by revision; not the tombstone. */
  streamEvents(stream: string): readonly RecordedEvent[] {
    return this.#streams.get(stream)?.events ?? [];
  }

  /** The last revision, -1 when there is none, DELETED_STREAM once tombstoned (the server's GetStreamLastEventNumber). */
  lastEventNumber(stream: string): bigint {
    const state = this.#streams.get(stream);
    if (state?.tombstone !== undefined) return DELETED_STREAM;
    return BigInt((state?.events.length ?? 0) - 1);
  }

  /** A metastream shares its stream's tombstone: reading `$$s` of a hard-deleted `s` fails as deleted too. */
  isTombstoned(stream: string): boolean {
    if (this.#streams.get(stream)?.tombstone !== undefined) return true;
    return isMetastream(stream) && this.#streams.get(originalStreamOf(stream))?.tombstone !== undefined;
  }

  isSoftDeleted(stream: string): boolean {
    return this.#rawTruncateBefore(stream) === DELETED_STREAM;
  }

  /** The first visible revision (`$tb` of the stream's metadata), 0 when there is none. */
  truncateBefore(stream: string): bigint {
    return this.#rawTruncateBefore(stream) ?? 0n;
  }

  /** The first revision a stream read returns now (`$tb`, `$maxCount`, `$maxAge` applied; the last for `$$s`). */
  firstVisibleRevision(stream: string): bigint {
    const events = this.streamEvents(stream);
    return this.#firstVisible(stream, events, BigInt(events.length - 1));
  }

  /** Index in `log` of the first record at or after `position`. */
  indexAtOrAfter(position: bigint): number {
    let low = 0;
    let high = this.#log.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const record = this.#log[mid];
      if (record !== undefined && record.position < position) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Called after every write; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  // ---- internals --------------------------------------------------------------

  /** IndexWriter.CheckCommit: decides whether a write at `expected` may proceed. */
  #checkCommit(stream: string, expected: bigint, eventIds: readonly string[]): CommitCheck {
    if (this.isTombstoned(stream)) return { decision: 'deleted' };
    const current = this.lastEventNumber(stream);
    const softDeleted = this.isSoftDeleted(stream);
    const ok = { decision: 'ok', current, softDeleted } as const;
    const wrong = { decision: 'wrong_expected_version', current } as const;

    if (expected === ExpectedVersion.StreamExists) {
      if (softDeleted) return { decision: 'deleted' };
      if (current < 0n && this.lastEventNumber(metastreamOf(stream)) < 0n) return wrong;
    }

    if (expected === ExpectedVersion.Any || expected === ExpectedVersion.StreamExists) {
      // Idempotent if every id was already written to this stream; a partial match is
      // "corrupted idempotency", which the server reports as a wrong expected version.
      let last: RecordedEvent | undefined;
      for (const [index, id] of eventIds.entries()) {
        const record = this.#byEventId.get(id);
        if (record === undefined || record.stream !== stream) return index === 0 ? ok : wrong;
        last = record;
      }
      return last === undefined ? ok : { decision: 'idempotent', last };
    }

    if (expected < current) {
      // Idempotent if the same ids already sit right after `expected`.
      const events = this.streamEvents(stream);
      for (const [index, id] of eventIds.entries()) {
        if (events[Number(expected) + 1 + index]?.id === id) continue;
        if (index > 0) return wrong;
        // Recreating a soft-deleted stream with NoStream is allowed.
        return expected === ExpectedVersion.NoStream && softDeleted ? ok : wrong;
      }
      const last = events[Number(expected) + eventIds.length];
      return last === undefined || eventIds.length === 0 ? wrong : { decision: 'idempotent', last };
    }

    if (expected > current) return wrong;
    return ok;
  }

  #everExisted(stream: string): boolean {
    return this.lastEventNumber(stream) >= 0n || this.lastEventNumber(metastreamOf(stream)) >= 0n;
  }

  #rawTruncateBefore(stream: string): bigint | undefined {
    const meta = this.streamEvents(metastreamOf(stream)).at(-1);
    if (meta === undefined) return undefined;
    // Parse `$tb` from the text: JSON.parse would round 9223372036854775807.
    const match = /"\$tb"\s*:\s*(\d+)/.exec(utf8Decoder.decode(meta.data));
    return match?.[1] === undefined ? undefined : BigInt(match[1]);
  }

  /**
   * The first revision a read of the stream returns: a metastream shows its last event only; the stream's metadata hides what lies before `$tb`, all but the
   * last `$maxCount` events, and those older than `$maxAge` seconds — at read time, as the server does, before any
   * scavenge (reads of `$all` still return them).
   */
  #firstVisible(stream: string, events: readonly RecordedEvent[], last: bigint): bigint {
    // A metastream keeps only its last event (the server's MetastreamMaxCount, 1): the stream's current metadata.
    if (isMetastream(stream)) return last;
    let first = this.truncateBefore(stream);
    const meta = this.streamEvents(metastreamOf(stream)).at(-1);
    if (meta === undefined) return first;
    const text = utf8Decoder.decode(meta.data);
    const maxCount = /"\$maxCount"\s*:\s*(\d+)/.exec(text)?.[1];
    if (maxCount !== undefined && last - BigInt(maxCount) + 1n > first) first = last - BigInt(maxCount) + 1n;
    const maxAge = /"\$maxAge"\s*:\s*(\d+)/.exec(text)?.[1];
    if (maxAge !== undefined) {
      const oldest = (BigInt(this.#clock().getTime()) - BigInt(maxAge) * 1_000n) * TICKS_PER_MILLISECOND;
      while (first <= last && (events[Number(first)]?.created ?? oldest) < oldest) first += 1n;
    }
    return first;
  }

  /** Writes a `$metadata` event to `$$stream`, keeping its other properties and setting `$tb`. */
  #writeMetadata(stream: string, truncateBefore: bigint): RecordedEvent {
    const metastream = metastreamOf(stream);
    const previous = this.streamEvents(metastream).at(-1);
    let properties: Record<string, unknown> = {};
    if (previous !== undefined) {
      try {
        const parsed: unknown = JSON.parse(utf8Decoder.decode(previous.data));
        if (typeof parsed === 'object' && parsed !== null) properties = parsed as Record<string, unknown>;
      } catch {
        // Unparseable metadata is replaced, as the server would ignore it.
      }
    }
    const placeholder = '__dossier_tb__';
    const json = JSON.stringify({ ...properties, $tb: placeholder }).replace(
      `"${placeholder}"`,
      truncateBefore.toString(),
    );
    return this.#write(metastream, this.lastEventNumber(metastream) + 1n, {
      id: crypto.randomUUID(),
      type: '$metadata',
      isJson: true,
      data: utf8.encode(json),
      metadata: new Uint8Array(),
    });
  }

  #write(stream: string, revision: bigint, event: ProposedEvent): RecordedEvent {
    const record = this.#record(stream, revision, event);
    this.#state(stream).events.push(record);
    this.#byEventId.set(record.id, record);
    return record;
  }

  #record(stream: string, revision: bigint, event: ProposedEvent): RecordedEvent {
    const record: RecordedEvent = {
      ...event,
      stream,
      revision,
      position: this.#nextPosition,
      created: BigInt(this.#clock().getTime()) * TICKS_PER_MILLISECOND,
    };
    const size =
      utf8.encode(stream).length + utf8.encode(event.type).length + event.data.length + event.metadata.length;
    this.#nextPosition += RECORD_OVERHEAD + BigInt(size);
    this.#log.push(record);
    return record;
  }

  #state(stream: string): StreamState {
    let state = this.#streams.get(stream);
    if (state === undefined) {
      state = { events: [], tombstone: undefined };
      this.#streams.set(stream, state);
    }
    return state;
  }

  #at(events: readonly RecordedEvent[], revision: bigint): RecordedEvent {
    const event = events[Number(revision)];
    if (event === undefined) throw new Error(`No event at revision ${revision}`);
    return event;
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}
