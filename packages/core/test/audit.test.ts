import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import {
  GENESIS_HASH,
  chainHash,
  createCheckpoint,
  createInMemoryStore,
  proveEvent,
  runCheckpointWriter,
  verifyCheckpoints,
  type RecordedEvent,
} from '@dossier/core';
import { logOf } from './logOf.js';
import {
  createLeafLog,
  eventHash,
  eventLeaf,
  generateSigningKeys,
  parseEventProof,
  readPrivateKey,
  readPublicKey,
  verifyCheckpoint,
  verifyEventProof,
  type Checkpoint,
} from '@dossier/proof';

const value = <A>(result: { ok: true; value: A } | { ok: false; reason: string }): A => {
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};
const right = async <L, A>(task: TE.TaskEither<L, A>): Promise<A> => {
  const result = await task();
  if (E.isLeft(result))
    throw new Error(
      `expected a Right, got ${JSON.stringify(result.left, (_, v: unknown) => (typeof v === 'bigint' ? `${v}` : v))}`,
    );
  return result.right;
};
const left = async <L, A>(task: TE.TaskEither<L, A>): Promise<L> => {
  const result = await task();
  if (E.isRight(result)) throw new Error('expected a Left');
  return result.left;
};

const pair = generateSigningKeys();
const privateKey = value(readPrivateKey(pair.privateKey));
const publicKey = value(readPublicKey(pair.publicKey));
const minute = (n: number): string => new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString();

const filled = async (count: number) => {
  let clock = 0;
  const store = createInMemoryStore({ clock: () => minute(clock++) });
  const append = async (from: number, to: number) => {
    for (let i = from; i < to; i++)
      await store.append(`ticket-${i % 3}`, 'any', [
        { type: 'TicketCommented', data: { i }, metadata: { eventId: `e${i}` } },
      ])();
  };
  await append(0, count);
  return { store, append };
};

/** Recomputes every hash of each stream in order, as an attacker rewriting the whole log would. */
const rehashed = (events: ReadonlyArray<RecordedEvent>): RecordedEvent[] => {
  const last = new Map<string, string>();
  return events.map((e) => {
    const { hash: _, ...unhashed } = e.metadata;
    const hash = chainHash(last.get(e.stream) ?? GENESIS_HASH, {
      stream: e.stream,
      revision: e.revision,
      type: e.type,
      data: e.data,
      ...unhashed,
    });
    last.set(e.stream, hash);
    return { ...e, metadata: { ...e.metadata, hash } };
  });
};

describe('checkpoints over a store', () => {
  it('signs the log as it is, and the log extended by more appends still passes against it', async () => {
    const { store, append } = await filled(10);
    const checkpoint = await right(
      createCheckpoint(store, privateKey, { now: () => minute(99), pageSize: 3 }),
    );
    expect(checkpoint).toMatchObject({ size: 10, timestamp: minute(99) });
    expect(verifyCheckpoint(checkpoint, publicKey)).toEqual({ ok: true });
    await append(10, 17);
    const later = await right(createCheckpoint(store, privateKey));
    const result = await right(verifyCheckpoints(store, [checkpoint, later], publicKey, { pageSize: 4 }));
    expect(result).toMatchObject({ ok: true, size: 17, root: later.root, store: { ok: true, events: 17 } });
  });

  it('catches a rewritten log whose chains all verify, naming where it parts; older checkpoints narrow it', async () => {
    const { store, append } = await filled(8);
    const early = await right(createCheckpoint(store, privateKey));
    await append(8, 13);
    const checkpoint = await right(createCheckpoint(store, privateKey));
    const events = await right(store.readAll());
    const edited = rehashed(events.map((e, i) => (i === 10 ? { ...e, data: { i: 'forged' } } : e)));
    const result = await right(verifyCheckpoints(logOf(edited), [early, checkpoint], publicKey));
    expect(result.store.ok).toBe(true);
    expect(result.checkpoints[0]).toMatchObject({ ok: true });
    // 13 = 8 + 4 + 1: event 10 lies in the subtree [8, 12); the early checkpoint says nothing before 8 changed.
    expect(result.checkpoints[1]).toMatchObject({
      ok: false,
      problem: 'rewritten',
      parts: { from: 8, until: 12, position: 8n },
    });
    expect(result.ok).toBe(false);
  });

  it("names the exact first index where the log parts when the checkpoint's own leaves are kept", async () => {
    const { store } = await filled(13);
    const kept = createLeafLog();
    const checkpoint = await right(
      createCheckpoint(store, privateKey, {
        observe: (item) => {
          const leaf = '_tag' in item ? undefined : eventLeaf(item.metadata.hash);
          if (leaf !== undefined) kept.push(leaf);
        },
      }),
    );
    expect(kept.size()).toBe(13);
    const events = await right(store.readAll());
    // Leaves that are not the checkpoint's (another size) are not used: the subtrees' range is all there is.
    const other = createLeafLog();
    other.push(kept.leafAt(0));
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 4 }),
        async (changed) => {
          const edited = rehashed(
            events.map((e, i) => (changed.includes(i) ? { ...e, data: { i: `forged ${i}` } } : e)),
          );
          const first = Math.min(...changed);
          const exact = await right(
            verifyCheckpoints(logOf(edited), [checkpoint], publicKey, { kept: [other, kept] }),
          );
          expect(exact.checkpoints[0]).toMatchObject({
            ok: false,
            problem: 'rewritten',
            parts: { from: first, until: first + 1, position: events[first]?.position },
          });
          const ranged = await right(
            verifyCheckpoints(logOf(edited), [checkpoint], publicKey, { kept: [other] }),
          );
          const parts = ranged.checkpoints[0]?.ok === false ? ranged.checkpoints[0].parts : undefined;
          expect(parts !== undefined && parts.from <= first && first < parts.until).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
    for (const cut of [0, 5, 12]) {
      const short = await right(
        verifyCheckpoints(logOf(events.slice(0, cut)), [checkpoint], publicKey, { kept: [kept] }),
      );
      expect(short.checkpoints[0]).toMatchObject({
        ok: false,
        problem: 'truncated',
        parts: { from: cut, until: cut + 1 },
      });
    }
  });

  it('catches a log cut short, and a checkpoint signed by another key or altered', async () => {
    const { store } = await filled(9);
    const checkpoint = await right(createCheckpoint(store, privateKey));
    const events = await right(store.readAll());
    const cut = await right(verifyCheckpoints(logOf(events.slice(0, 7)), [checkpoint], publicKey));
    expect(cut.checkpoints[0]).toMatchObject({ ok: false, problem: 'truncated' });
    const other = value(readPublicKey(generateSigningKeys().publicKey));
    const foreign = await right(verifyCheckpoints(store, [checkpoint], other));
    expect(foreign.checkpoints[0]).toMatchObject({ ok: false, problem: 'signature' });
    const altered: Checkpoint = { ...checkpoint, size: 8 };
    expect((await right(verifyCheckpoints(store, [altered], publicKey))).checkpoints[0]).toMatchObject({
      ok: false,
      problem: 'signature',
    });
  });

  it('passes the checkpoint of an empty log against any log', async () => {
    const { store, append } = await filled(0);
    const empty = await right(createCheckpoint(store, privateKey));
    await append(0, 4);
    expect(empty.size).toBe(0);
    expect((await right(verifyCheckpoints(store, [empty], publicKey))).ok).toBe(true);
  });
});

describe('inclusion proofs over a store', () => {
  it('proves each event of a checkpointed log, checkable with the proof package alone', async () => {
    const { store, append } = await filled(11);
    const checkpoint = await right(createCheckpoint(store, privateKey));
    await append(11, 14);
    for (const [stream, revision] of [
      ['ticket-0', 0n],
      ['ticket-1', 2n],
      ['ticket-2', 2n],
    ] as const) {
      const proof = await right(proveEvent(store, stream, revision, checkpoint));
      expect(proof.event).toMatchObject({ stream, revision: `${revision}` });
      const carried = value(parseEventProof(JSON.parse(JSON.stringify(proof))));
      expect(verifyEventProof(carried, checkpoint, publicKey)).toEqual({
        ok: true,
      });
      const forged = { ...proof, event: { ...proof.event, data: { i: 'forged' } } };
      expect(verifyEventProof(forged, checkpoint, publicKey).ok).toBe(false);
    }
  });

  it('refuses an event after the checkpoint, an unknown event, and a log that no longer matches', async () => {
    const { store, append } = await filled(6);
    const checkpoint = await right(createCheckpoint(store, privateKey));
    await append(6, 9);
    expect(await left(proveEvent(store, 'ticket-0', 2n, checkpoint))).toMatchObject({
      _tag: 'EventNotCheckpointed',
    });
    expect(await left(proveEvent(store, 'ticket-9', 0n, checkpoint))).toMatchObject({
      _tag: 'EventNotCheckpointed',
    });
    const events = await right(store.readAll());
    const rewritten = rehashed(events.map((e, i) => (i === 1 ? { ...e, data: { i: 'forged' } } : e)));
    expect(await left(proveEvent(logOf(rewritten), 'ticket-0', 0n, checkpoint))).toMatchObject({
      _tag: 'LogDisagrees',
    });
  });

  it("restates core's event hash exactly: the proof package recomputes every event's chain hash", () => {
    const json = fc.jsonValue();
    fc.assert(
      fc.property(
        fc.string(),
        fc.bigInt({ min: 0n, max: 1n << 40n }),
        json,
        fc.option(fc.string()),
        (stream, revision, data, actor) => {
          const metadata = {
            eventId: 'e',
            commandId: null,
            commandHash: null,
            correlationId: 'c',
            causationId: null,
            actor,
            recordedAt: minute(1),
            schemaVersion: 1,
          };
          const hash = chainHash(GENESIS_HASH, { stream, revision, type: 'T', data, ...metadata });
          const proven = {
            stream,
            revision: `${revision}`,
            position: '0',
            type: 'T',
            data,
            metadata: { ...metadata, hash },
          };
          expect(eventHash(proven, GENESIS_HASH)).toBe(hash);
        },
      ),
    );
  });
});

describe('runCheckpointWriter', () => {
  it('signs a checkpoint every N events as the log grows, each one a head the log passes', async () => {
    const { store, append } = await filled(0);
    const written: Checkpoint[] = [];
    const writer = runCheckpointWriter(store, {
      privateKey,
      everyEvents: 5,
      write: (checkpoint) => {
        written.push(checkpoint);
        return Promise.resolve();
      },
    });
    await append(0, 12);
    await expect.poll(() => written.map((c) => c.size)).toEqual([5, 10]);
    expect((await writer.flush())?.size).toBe(12);
    await writer.stop();
    expect(written.map((c) => c.size)).toEqual([5, 10, 12]);
    expect((await right(verifyCheckpoints(store, written, publicKey))).ok).toBe(true);
  });

  it('signs every interval when the log grew, and not when it did not', async () => {
    const { store, append } = await filled(3);
    const written: Checkpoint[] = [];
    const writer = runCheckpointWriter(store, {
      privateKey,
      everyMs: 20,
      write: (checkpoint) => {
        written.push(checkpoint);
        return Promise.resolve();
      },
    });
    await expect.poll(() => written.map((c) => c.size)).toEqual([3]);
    await new Promise((done) => setTimeout(done, 80));
    expect(written.map((c) => c.size)).toEqual([3]);
    await append(3, 4);
    await expect.poll(() => written.map((c) => c.size)).toEqual([3, 4]);
    await writer.stop();
  });
});
