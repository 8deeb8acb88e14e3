export type {
  CommandShape,
  EventShape,
  ErrorShape,
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
} from './store/errors.js';
export { concurrencyConflict, streamNotFound, streamDeleted, storeUnavailable } from './store/errors.js';
export type { EventStore } from './store/port.js';
export type { EventSchema, Upcaster, EventTypeSchema } from './store/schema.js';
export { anyJsonSchema, eventSchema, isJsonValue } from './store/schema.js';
export { GENESIS_HASH, canonicalJson, chainHash } from './store/hashChain.js';
export type { HashedFields } from './store/hashChain.js';
export type { PreparedEvent, StreamTip, RawRecordedEvent } from './store/prepare.js';
export { prepareAppend, undecodable } from './store/prepare.js';
export type { Projection, Recorded } from './projection/projection.js';
export { replayProjection } from './projection/projection.js';
