export type {
  CommandShape,
  EventShape,
  ErrorShape,
  DecodeProblem,
  DecodeFailed,
  Decider,
  CommandOf,
  StateOf,
  EventOf,
  ErrorOf,
} from './decider.js';
export { fold } from './decider.js';
export type {
  StreamName,
  ExpectedRevision,
  NewEventMetadata,
  NewEvent,
  RecordedMetadata,
  RecordedEvent,
  AppendOptions,
  AppendResult,
  Direction,
  ReadStreamOptions,
  ReadAllOptions,
  EventFilter,
  SubscribeOptions,
  SubscriptionMessage,
  Subscription,
} from './store/types.js';
export type {
  StoreError,
  ConcurrencyConflict,
  StreamNotFound,
  StreamDeleted,
  UndecodableEvent,
  InvalidEvent,
  StoreUnavailable,
  AppendOutcomeUnknown,
} from './store/errors.js';
export {
  concurrencyConflict,
  streamNotFound,
  streamDeleted,
  storeUnavailable,
  appendOutcomeUnknown,
} from './store/errors.js';
export type { EventStore } from './store/port.js';
export type { EncodedData, EventSchema, Upcaster, EventTypeSchema } from './store/schema.js';
export { anyJsonSchema, eventSchema, isJsonValue } from './store/schema.js';
export { GENESIS_HASH, canonicalJson, chainHash } from './store/hashChain.js';
/** The system clock as stores stamp `recordedAt`, formatted once per millisecond. */
export { systemClock } from './store/clock.js';
export type { HashedFields } from './store/hashChain.js';
export type { PreparedEvent, StreamTip, RawRecordedEvent } from './store/prepare.js';
export { prepareAppend, undecodable } from './store/prepare.js';
export type { AnyProjectionOf, KeyedProjection, Projection, Recorded } from './projection/projection.js';
export { MemoryRows, isFold, keyed, replayProjection, replayRows } from './projection/projection.js';
/** Keyed rows: what a keyed projection reads and the changes it answers. */
export type { RowChange, Rows, RowSource } from './projection/rows.js';
export { put, remove } from './projection/rows.js';
/** Checks a raw event's metadata, then upcasts and decodes its data: what adapters call on every read. */
export { decodeRecorded } from './store/decode.js';
/** Upcasts and decodes recorded data with a schema, a throw becoming the reason: for data an adapter just wrote. */
export { decodeData } from './store/decode.js';
/** The io-ts codec of recorded metadata. */
export { RecordedMetadataCodec } from './store/metadataCodec.js';
/** Whether a stream's last revision meets an expected revision. */
export { meetsExpectation } from './store/expected.js';
/** Whether an event passes an {@link EventFilter}. */
export { matchesFilter } from './store/filter.js';
/** Recomputes a stream's hash chain; verifies every stream of a store. */
export { verifyStream, verifyStore } from './store/verify.js';
/** Reads the whole log in pages, handing every event (or why it cannot be read) to a visitor. */
export { scanLog } from './store/verify.js';
/** What verifying a store found, and how to ask for it. */
export type { StoreVerification, VerifyStoreOptions } from './store/verify.js';
/** A stream's tip as a store records it apart from the log. */
export type { RecordedTip } from './store/tipCheck.js';
/** What verifying one stream found, and how a chain can break. */
export type { StreamVerification, ChainIntact, ChainBroken, ChainProblem } from './store/chainVerifier.js';
/** Catch-up-then-live subscriptions over any pageable log, and the error their iterators throw. */
export { catchUpThenLive, SubscriptionFailed } from './store/subscription.js';
/** What {@link catchUpThenLive} reads from. */
export type { CatchUpSource, CatchUpPage } from './store/subscription.js';
/** An event store in memory, with every guarantee of the port. */
export { createInMemoryStore } from './store/inMemory.js';
/** The in-memory store's options and its type (the port plus `tamper`). */
export type { InMemoryStoreOptions, InMemoryEventStore } from './store/inMemory.js';
/** An in-memory stored event's text, as `tamper` edits it. */
export type { StoredEventText } from './store/inMemoryRows.js';
/** What an event schema needs of an io-ts codec of one event type. */
export type { EventCodec } from './store/schema.js';
/** Handles a command against a stream: load, decide, append, retry on conflict, recognise repeats. */
export { handle } from './handling/handle.js';
/** A command's context, request, options and outcome for {@link handle}. */
export type { CommandContext, HandleRequest, HandleOptions, Handled } from './handling/handle.js';
/** Refusals and failures of {@link handle} beyond the domain's. */
export type { CommandIdReused, HandleError } from './handling/errors.js';
/** Builds a {@link CommandIdReused}. */
export { commandIdReused } from './handling/errors.js';
/** SHA-256 of a command's canonical JSON, recorded with its events. */
export { commandHash } from './handling/commandHash.js';
/** Event ids derived from stream, command id and index (UUIDv5), so a retried append offers the same ids. */
export { commandEventId, uuidV5, eventIdNamespace } from './handling/eventIds.js';
/** How {@link handle} loads a stream's state (the seam for snapshots) and what it gets back. */
export type { StateLoader, LoadedState, EarlierOutcome } from './handling/stateLoader.js';
/** The default state loader, folding the whole stream; and the cast from a recorded event to the decider's. */
export { foldingLoader, toDomainEvent } from './handling/stateLoader.js';
/** The jittered exponential wait between retries after a conflict. */
export type { Backoff } from './handling/backoff.js';
/** The default backoff and the wait it gives before a retry. */
export { defaultBackoff, backoffDelay } from './handling/backoff.js';
/** Where projection and process-manager state lives with its checkpoint, saved together; one copy's key and contents. */
export type { ProjectionStore, CopyKey, CopyChanges, StoredCopy } from './projection/projectionStore.js';
/** A projection store in memory, with a fault hook for crash tests. */
export { createInMemoryProjectionStore } from './projection/inMemoryProjectionStore.js';
/** The in-memory projection store's options, type, and what its fault hook sees and answers. */
export type {
  InMemoryProjectionStore,
  InMemoryProjectionStoreOptions,
  ProjectionStoreFault,
  ProjectionStoreWrite,
} from './projection/inMemoryProjectionStore.js';
/** Runs projections from their checkpoints: catch-up, live, queries, status, rebuild and swap. */
export { runProjections } from './projection/runner.js';
/** Rebuilds read models from zero in one pass over the log, then swaps the fresh copies in. */
export { rebuildOnce } from './projection/rebuildOnce.js';
export type { RebuildOnceError, RebuildOnceOptions, RebuiltOnce } from './projection/rebuildOnce.js';
/** A projection runner, its options, status and errors. */
export type {
  AnyProjection,
  ProjectionRunner,
  ProjectionRunnerOptions,
  ProjectionStatus,
  ProjectionNotRunning,
  DuplicateProjection,
  RebuildFailed,
  RunnerStopped,
  StartError,
  RebuildError,
  Rebuilt,
} from './projection/runnerTypes.js';
/** Where a running copy is: catching up, live, failed or stopped. */
export type { CopyPhase } from './projection/copyWorker.js';
/** The report of an event a projection or process manager stopped on. */
export type { ConsumerFailure } from './projection/failure.js';
/** The in-process bus of read-model changes: make one, and listen to it. */
export { createReadModelBus, onReadModelChanged } from './bus/readModelBus.js';
/** The bus, its messages, and the change it announces. */
export type { ReadModelBus, BusMessages, ReadModelChanged } from './bus/readModelBus.js';
/** Runs a process manager from its own checkpoint, dispatching with ids derived from each event (IN-4). */
export { runProcessManager } from './processManager/runProcessManager.js';
/** A process manager, how it is run, the ids it dispatches under, and what its status says. */
export type {
  ProcessManager,
  ProcessManagerOptions,
  DispatchContext,
  ProcessManagerRunner,
  ProcessManagerStatus,
  Refusal,
} from './processManager/types.js';
/** A stream's state folded up to a revision, and where a store keeps the latest of each stream. */
export type { StoredSnapshot, SnapshotStore } from './store/snapshots.js';
/** Snapshot settings of {@link handle}, the state codec they need, and the problems they report. */
export type { SnapshotSettings, StateCodec, SnapshotProblem } from './handling/snapshotSettings.js';
/** The key snapshots are written under, and how often they are written unless told. */
export { snapshotKey, defaultSnapshotEvery } from './handling/snapshotSettings.js';
/** The state loader starting from the latest valid snapshot. */
export { streamLoader } from './handling/stateLoader.js';
/** Signs the log's Merkle tree head (RFC 9162) with an Ed25519 key, reading the log once in O(log n) memory. */
export { createCheckpoint } from './audit/checkpoint.js';
/** How {@link createCheckpoint} reads and stamps. */
export type { CheckpointOptions } from './audit/checkpoint.js';
/** Verifies the store and proves it an append-only extension of each checkpoint, in one pass. */
export { verifyCheckpoints } from './audit/consistency.js';
/** What comparing the log with checkpoints found, and where it parts from one. */
export type {
  CheckpointVerification,
  CheckpointResult,
  CheckpointProblem,
  PartingRange,
  VerifyCheckpointsOptions,
} from './audit/consistency.js';
/** A checkpoint's own leaves, kept by the auditor: with them a failing checkpoint names the exact first index. */
export type { KeptLeaves } from './audit/keptLeaves.js';
/** One event's inclusion proof in a checkpoint's tree, checkable offline with `@dossier/proof`. */
export { proveEvent } from './audit/inclusion.js';
/** Signs a checkpoint every N events or milliseconds as the log grows, holding only the tree's frontier. */
export { runCheckpointWriter } from './audit/checkpointWriter.js';
/** A running checkpoint writer and its options. */
export type { CheckpointWriter, CheckpointWriterOptions } from './audit/checkpointWriter.js';
/** How computing a tree, checkpoint or proof over a store fails. */
export type { AuditError, UnreadableLeaf, EventNotCheckpointed, LogDisagrees } from './audit/errors.js';
export { traceAttributes, type Outcome } from './tracing/index.js';
/** For an entry that checks its input before `handle`: the span of a request it turned away. */
export { traceRefusedRequest } from './handling/handleSpans.js';
