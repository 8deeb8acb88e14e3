export type { Instant } from './instant.js';
export { InstantCodec, parseInstant, instantFromMillis, toMillis, plusDays, isBefore } from './instant.js';
export type { UserId, Email, Actor } from './ids.js';
export { UserIdCodec, EmailCodec, ActorCodec, mailDomain, idCodec } from './ids.js';
export type { DecodeProblem, DecodeFailed } from './decoding.js';
export { describeErrors, decodeWith } from './decoding.js';
