import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import {
  commandEventId,
  createInMemoryStore,
  eventIdNamespace,
  handle,
  uuidV5,
  type Decider,
} from '@dossier/core';

// Event ids derived from the command (stream, command id, index) instead of drawn at random, so that an append
// retried after an unknown outcome offers the ids of its first attempt and an idempotent server keeps one copy.

type Command = { readonly type: 'Note'; readonly texts: ReadonlyArray<string> };
type Event = { readonly type: 'Noted'; readonly data: { readonly text: string } };
const notes: Decider<Command, number, Event, never> = {
  initialState: 0,
  decide: (command) => E.right(command.texts.map((text) => ({ type: 'Noted', data: { text } }))),
  evolve: (count) => count + 1,
};

describe('uuidV5', () => {
  it('gives the RFC 4122 test vector: www.example.com in the DNS namespace', () => {
    const dns = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
    expect(uuidV5('www.example.com', dns)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('equals RFC 4122 §4.3 done step by step, for any name and namespace (long and non-ASCII names too)', () => {
    const byTheBook = (name: string, namespace: string): string => {
      const digest = createHash('sha1')
        .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
        .update(name, 'utf8')
        .digest();
      digest[6] = (digest[6]! & 0x0f) | 0x50;
      digest[8] = (digest[8]! & 0x3f) | 0x80;
      const hex = digest.subarray(0, 16).toString('hex');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    };
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme', maxLength: 400 })),
        fc.oneof(fc.constant(eventIdNamespace), fc.uuid()),
        (name, namespace) => {
          expect(uuidV5(name, namespace)).toBe(byTheBook(name, namespace));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('sets version 5 and the RFC 4122 variant', () => {
    const id = commandEventId('s-1', 'c-1', 0);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidV5('x', eventIdNamespace)).not.toBe(uuidV5('x', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'));
  });
});

describe('commandEventId', () => {
  it('is the same for the same stream, command id and index, and differs when any of them does', () => {
    const id = commandEventId('account-1', 'c1', 0);
    expect(commandEventId('account-1', 'c1', 0)).toBe(id);
    const others = [
      commandEventId('account-1', 'c1', 1),
      commandEventId('account-1', 'c2', 0),
      commandEventId('account-2', 'c1', 0),
      // No two (stream, command id) pairs run together into one name.
      commandEventId('account-1c', '1', 0),
    ];
    expect(new Set([id, ...others]).size).toBe(5);
  });
});

describe('handle without newEventId', () => {
  it('records the ids derived from the stream, the command id and each event index', async () => {
    const store = createInMemoryStore();
    const command: Command = { type: 'Note', texts: ['a', 'b', 'c'] };
    const context = { commandId: 'cmd-7', actor: 'alice' };
    const handled = await handle(store, notes, { stream: 'notes-1', command, context })();
    expect(E.isRight(handled) && handled.right.events.map((e) => e.metadata.eventId)).toEqual([
      commandEventId('notes-1', 'cmd-7', 0),
      commandEventId('notes-1', 'cmd-7', 1),
      commandEventId('notes-1', 'cmd-7', 2),
    ]);
    // The same command id on another stream gives other ids: ids stay unique across the log.
    const elsewhere = await handle(store, notes, { stream: 'notes-2', command, context })();
    const first = E.isRight(elsewhere) ? elsewhere.right.events[0]?.metadata.eventId : undefined;
    expect(first).toBe(commandEventId('notes-2', 'cmd-7', 0));
    expect(first).not.toBe(commandEventId('notes-1', 'cmd-7', 0));
  });
});
