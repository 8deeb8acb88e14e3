import { describe, expect, it } from 'vitest';
import {
  generateSigningKeys,
  readPrivateKey,
  readPublicKey,
  verifyEventProof,
  type Parsed,
} from '@dossier/proof';
import { createCheckpoint } from '../../audit/checkpoint.js';
import { verifyCheckpoints } from '../../audit/consistency.js';
import { proveEvent } from '../../audit/inclusion.js';
import { GENESIS_HASH } from '../../store/hashChain.js';
import { verifyStore, verifyStream } from '../../store/verify.js';
import type { EventStore } from '../../store/port.js';
import type { RecordedEvent } from '../../store/types.js';
import { drain, eventsOf, storeErrorOf } from './collect.js';
import type { ConformanceHarness, ConformanceSubject, Corruption, CorruptionKind } from './harness.js';
import { checkedType, left, newEvent, numbered, right, unknownType, useSubject } from './fixtures.js';

const allCorruptions: ReadonlyArray<CorruptionKind> = ['garble-data', 'unknown-type', 'edit-data'];

const corrupt = (subject: ConformanceSubject, stream: string, revision: bigint, how: Corruption) => {
  if (subject.corrupt === undefined)
    throw new Error(`the harness lists '${how.kind}' but its subject has no corrupt`);
  return subject.corrupt(stream, revision, how);
};

const parsedKey = <A>(parsed: Parsed<A>): A => {
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
};

/** Two streams; the victim's revision 1 is the event the corruption tests damage. */
const seed = async (
  store: EventStore,
): Promise<{ readonly victim: RecordedEvent; readonly all: ReadonlyArray<RecordedEvent> }> => {
  await right(store.append('ticket-1', 'no-stream', numbered(2)));
  const written = await right(
    store.append('account-1', 'no-stream', [
      newEvent(checkedType, { amount: 1 }),
      newEvent(checkedType, { amount: 2 }),
      newEvent(checkedType, { amount: 3 }),
    ]),
  );
  await right(store.append('ticket-1', 'any', numbered(1, 'TicketClosed')));
  const victim = written.events[1];
  if (victim === undefined) throw new Error('the store did not report the events it wrote');
  return { victim, all: await right(store.readAll()) };
};

/** The hash chain, events refused by the schema, and corrupt events reported rather than skipped. */
export const describeIntegrity = (harness: ConformanceHarness): void => {
  describe('integrity', () => {
    const subject = useSubject(harness);
    const corruptions = harness.corruptions ?? allCorruptions;

    it('writes a hash chain that verifies, stream by stream and for the whole store', async () => {
      const { store } = subject();
      await seed(store);
      const ticket = await right(store.readStream('ticket-1'));
      expect(verifyStream(ticket)).toEqual({ ok: true, events: 3, lastHash: ticket[2]?.metadata.hash });
      expect(ticket[0]?.metadata.hash).not.toBe(GENESIS_HASH);
      const audit = await right(verifyStore(store, { pageSize: 2 }));
      expect(audit.ok).toBe(true);
      expect(audit.events).toBe(6);
      expect(audit.streams.map((s) => s.stream)).toEqual(['ticket-1', 'account-1']);
    });

    it('has a Merkle tree any reader computes from readAll: a checkpoint the log passes, and proofs of its events', async () => {
      const { store } = subject();
      const { all } = await seed(store);
      const keys = generateSigningKeys();
      const [privateKey, publicKey] = [
        parsedKey(readPrivateKey(keys.privateKey)),
        parsedKey(readPublicKey(keys.publicKey)),
      ];
      const checkpoint = await right(createCheckpoint(store, privateKey));
      expect(checkpoint.size).toBe(all.length);
      await right(store.append('ticket-1', 'any', numbered(1)));
      expect(await right(verifyCheckpoints(store, [checkpoint], publicKey))).toMatchObject({
        ok: true,
        size: all.length + 1,
      });
      const proof = await right(proveEvent(store, 'account-1', 1n, checkpoint));
      expect(verifyEventProof(proof, checkpoint, publicKey)).toEqual({ ok: true });
    }, 60_000); // three reads of the whole log: a server shared by many stores holds all of theirs

    it('refuses a batch with an event failing its codec, writing none of it', async () => {
      const { store } = subject();
      const batch = [
        newEvent(checkedType, { amount: 1 }),
        newEvent(checkedType, { amount: 'a lot' }),
        newEvent(checkedType, { amount: 3 }),
      ];
      expect(await left(store.append('account-1', 'no-stream', batch))).toMatchObject({
        _tag: 'InvalidEvent',
        stream: 'account-1',
        index: 1,
        type: checkedType,
      });
      expect(await left(store.readStream('account-1'))).toEqual({
        _tag: 'StreamNotFound',
        stream: 'account-1',
      });
      expect(await right(store.readAll())).toEqual([]);
      await right(store.append('account-1', 'no-stream', [newEvent(checkedType, { amount: 1 })]));
      expect(await left(store.append('account-1', 0n, batch))).toMatchObject({
        _tag: 'InvalidEvent',
        index: 1,
      });
      expect(await right(store.readStream('account-1'))).toHaveLength(1);
    });

    it('refuses an event of a type the schema does not know', async () => {
      const { store } = subject();
      expect(
        await left(store.append('ticket-1', 'any', [newEvent('TicketOpened'), newEvent(unknownType)])),
      ).toMatchObject({ _tag: 'InvalidEvent', stream: 'ticket-1', index: 1, type: unknownType });
      expect(await right(store.readAll())).toEqual([]);
    });

    for (const kind of corruptions.filter((k) => k !== 'edit-data')) {
      const how: Corruption = kind === 'unknown-type' ? { kind, type: unknownType } : { kind: 'garble-data' };
      const type = kind === 'unknown-type' ? unknownType : checkedType;

      it(`reports a corrupt event (${kind}) as UndecodableEvent from readStream, readAll and subscribe`, async () => {
        const current = subject();
        const { store } = current;
        const { victim, all } = await seed(store);
        await corrupt(current, victim.stream, victim.revision, how);
        const expected = {
          _tag: 'UndecodableEvent',
          stream: victim.stream,
          revision: victim.revision,
          position: victim.position,
          type,
        };
        expect(await left(store.readStream(victim.stream))).toMatchObject(expected);
        expect(await left(store.readStream(victim.stream, { direction: 'backwards' }))).toMatchObject(
          expected,
        );
        expect(await left(store.readAll())).toMatchObject(expected);
        const failed = await drain(store.subscribe(), () => false);
        expect(storeErrorOf(failed.error)).toMatchObject(expected);
        expect(eventsOf(failed.messages)).toEqual(all.filter((e) => e.position < victim.position));
        // Reads that do not reach the corrupt event are unaffected.
        expect(await right(store.readStream(victim.stream, { limit: 1 }))).toHaveLength(1);
        const tickets = await right(store.readAll({ filter: { kind: 'streamName', prefixes: ['ticket-'] } }));
        expect(tickets).toEqual(all.filter((e) => e.stream === 'ticket-1'));
      }, 15_000);
    }

    if (corruptions.includes('edit-data')) {
      it('names the edited event when the chain is verified after an edit', async () => {
        const current = subject();
        const { store } = current;
        const { victim } = await seed(store);
        await corrupt(current, victim.stream, victim.revision, { kind: 'edit-data', data: { amount: 200 } });
        const account = await right(store.readStream(victim.stream));
        expect(account[1]?.data).toEqual({ amount: 200 });
        expect(verifyStream(account)).toMatchObject({
          ok: false,
          stream: victim.stream,
          revision: victim.revision,
          position: victim.position,
          problem: 'edited',
        });
        const audit = await right(verifyStore(store));
        expect(audit.ok).toBe(false);
        expect(audit.streams.find((s) => s.stream === 'ticket-1')?.result.ok).toBe(true);
        expect(audit.streams.find((s) => s.stream === victim.stream)?.result).toMatchObject({
          ok: false,
          revision: victim.revision,
          problem: 'edited',
        });
      });
    }
  });
};
