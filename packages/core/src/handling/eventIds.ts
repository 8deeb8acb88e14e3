import { hash } from 'node:crypto';

// Event ids derived from the command, not drawn at random: a command appended again after an append whose outcome
// was unknown (a dropped connection, a deadline) carries the same ids at the same place, so a store with an
// idempotent-write check (EventStoreDB/KurrentDB compares event ids at the expected revision) keeps one copy.

/** Dossier's namespace for event ids (a fixed random UUID, so that no other scheme's v5 ids collide with these). */
export const eventIdNamespace = '6c0f4b1e-2d7a-4f5c-9b3e-8a1d2c3e4f50';

const uuidBytes = (uuid: string): Buffer => Buffer.from(uuid.replace(/-/g, ''), 'hex');

// Every event a command handler appends gets an id, so the name is hashed in one call over a buffer that already
// holds the namespace's bytes: no hash object, no buffer made per id. JavaScript runs one call at a time, so the
// buffer is never shared between two ids being made.
let scratch = Buffer.allocUnsafe(256);
let scratchNamespace = '';

const nameBytes = (name: string, namespace: string): Buffer => {
  const room = 16 + Buffer.byteLength(name, 'utf8');
  if (room > scratch.length) {
    scratch = Buffer.allocUnsafe(Math.max(room, scratch.length * 2));
    scratchNamespace = '';
  }
  if (namespace !== scratchNamespace) {
    uuidBytes(namespace).copy(scratch, 0);
    scratchNamespace = namespace;
  }
  const written = scratch.write(name, 16, 'utf8');
  return scratch.subarray(0, 16 + written);
};

// The RFC 4122 variant keeps the two high bits of the variant nibble at 10: 0-3 → 8, 4-7 → 9, 8-b → a, c-f → b.
const variantNibble = '89ab89ab89ab89ab';

/** A name-based UUID, version 5 (RFC 4122 §4.3: SHA-1 of the namespace's 16 bytes then the name's UTF-8). */
export const uuidV5 = (name: string, namespace: string): string => {
  const hex = hash('sha1', nameBytes(name, namespace), 'hex');
  const variant = variantNibble[parseInt(hex[16] as string, 16)] as string;
  return (
    `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-` +
    `${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
  );
};

/**
 * The id of the `index`-th event a command records on a stream. Command ids are the caller's and unique per stream,
 * so the stream is part of the name: the same command id used on two streams never gives two events one id.
 */
export const commandEventId = (stream: string, commandId: string, index: number): string =>
  uuidV5(JSON.stringify([stream, commandId, index]), eventIdNamespace);
