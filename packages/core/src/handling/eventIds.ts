import { createHash } from 'node:crypto';

// Event ids derived from the command, not drawn at random: a command appended again after an append whose outcome
// was unknown (a dropped connection, a deadline) carries the same ids at the same place, so a store with an
// idempotent-write check (EventStoreDB/KurrentDB compares event ids at the expected revision) keeps one copy.

/** Dossier's namespace for event ids (a fixed random UUID, so that no other scheme's v5 ids collide with these). */
export const eventIdNamespace = '6c0f4b1e-2d7a-4f5c-9b3e-8a1d2c3e4f50';

const uuidBytes = (uuid: string): Buffer => Buffer.from(uuid.replace(/-/g, ''), 'hex');

/** A name-based UUID, version 5 (RFC 4122 §4.3: SHA-1 of the namespace's 16 bytes then the name's UTF-8). */
export const uuidV5 = (name: string, namespace: string): string => {
  const digest = createHash('sha1').update(uuidBytes(namespace)).update(name, 'utf8').digest();
  digest[6] = (digest[6]! & 0x0f) | 0x50; // version 5
  digest[8] = (digest[8]! & 0x3f) | 0x80; // the RFC 4122 variant
  const hex = digest.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/**
 * The id of the `index`-th event a command records on a stream. Command ids are the caller's and unique per stream,
 * so the stream is part of the name: the same command id used on two streams never gives two events one id.
 */
export const commandEventId = (stream: string, commandId: string, index: number): string =>
  uuidV5(JSON.stringify([stream, commandId, index]), eventIdNamespace);
