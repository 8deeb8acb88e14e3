import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import {
  createInMemoryStore,
  verifyStore,
  type RecordedEvent,
  type RecordedTip,
  type StoreVerification,
} from '@dossier/core';
import { logOf } from './logOf.js';

const minute = (n: number): string => new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString();

/** Three streams written in turn, one event a minute, with the tips the store records. */
const written = async (): Promise<{ events: RecordedEvent[]; tips: RecordedTip[] }> => {
  let clock = 0;
  const store = createInMemoryStore({ clock: () => minute(clock++) });
  for (let i = 0; i < 12; i++) {
    await store.append(`ticket-${i % 3}`, 'any', [
      { type: 'TicketCommented', data: { i }, metadata: { eventId: `e${i}` } },
    ])();
  }
  const events = await store.readAll()();
  const tips = await store.recordedTips()();
  if (E.isLeft(events) || E.isLeft(tips)) throw new Error('the in-memory store failed');
  return { events: [...events.right], tips: [...tips.right] };
};

const verified = async (
  events: ReadonlyArray<RecordedEvent>,
  tips: ReadonlyArray<RecordedTip> | undefined,
): Promise<StoreVerification> => {
  const result = await verifyStore(logOf(events), {
    pageSize: 4,
    ...(tips === undefined ? {} : { tips: () => TE.right(tips) }),
  })();
  if (E.isLeft(result)) throw new Error('verify failed');
  return result.right;
};

describe('verifyStore against the recorded tips', () => {
  it('passes an untouched log, saying it compared the tips', async () => {
    const { events, tips } = await written();
    expect(await verified(events, tips)).toMatchObject({ ok: true, events: 12, tipsChecked: true, tips: [] });
  });

  it('catches the last event of a stream deleted, naming the missing revision, which the chain alone misses', async () => {
    const { events, tips } = await written();
    const truncated = events.filter((e) => !(e.stream === 'ticket-1' && e.revision === 3n));
    expect((await verified(truncated, undefined)).ok).toBe(true);
    const audit = await verified(truncated, tips);
    expect(audit.ok).toBe(false);
    expect(audit.tips).toEqual([
      expect.objectContaining({ stream: 'ticket-1', revision: 3n, position: null, problem: 'truncated' }),
    ]);
  });

  it('catches the last three events deleted and a whole stream deleted', async () => {
    const { events, tips } = await written();
    const tail = events.filter((e) => !(e.stream === 'ticket-0' && e.revision >= 1n));
    expect((await verified(tail, tips)).tips).toEqual([
      expect.objectContaining({ stream: 'ticket-0', revision: 1n, problem: 'truncated' }),
    ]);
    expect((await verified(tail, tips)).tips[0]?.detail).toContain('revisions 1 to 3 are missing');
    const whole = events.filter((e) => e.stream !== 'ticket-2');
    expect((await verified(whole, tips)).tips).toEqual([
      expect.objectContaining({ stream: 'ticket-2', revision: 0n, position: null, problem: 'truncated' }),
    ]);
  });

  it('catches a forged event appended with a correct hash when the tip was left alone', async () => {
    const { events, tips } = await written();
    const last = events.filter((e) => e.stream === 'ticket-0').at(-1);
    if (last === undefined) throw new Error('no event');
    const shortened = tips.map((tip) =>
      tip.stream === 'ticket-0' ? { ...tip, revision: 2n, hash: events[6]?.metadata.hash ?? '' } : tip,
    );
    // The tip says revision 2: the log's revision 3 (hash correct, chain intact) was added behind its back.
    expect((await verified(events, shortened)).tips).toEqual([
      expect.objectContaining({ stream: 'ticket-0', revision: 3n, problem: 'inserted' }),
    ]);
  });

  it('catches a tip whose hash differs from the last event, and a stream the store has no tip for', async () => {
    const { events, tips } = await written();
    const edited = tips.map((tip) => (tip.stream === 'ticket-1' ? { ...tip, hash: 'f'.repeat(64) } : tip));
    expect((await verified(events, edited)).tips).toEqual([
      expect.objectContaining({ stream: 'ticket-1', revision: 3n, position: 10n, problem: 'edited' }),
    ]);
    const unknown = tips.filter((tip) => tip.stream !== 'ticket-2');
    expect((await verified(events, unknown)).tips).toEqual([
      expect.objectContaining({ stream: 'ticket-2', problem: 'inserted' }),
    ]);
  });
});

describe('verifyStore against the global order', () => {
  it("catches a stream's events moved later in the log, though every chain is intact", async () => {
    const { events, tips } = await written();
    const moved = [
      ...events.filter((e) => e.stream !== 'ticket-0'),
      ...events.filter((e) => e.stream === 'ticket-0'),
    ].map((e, i) => ({ ...e, position: BigInt(i) }));
    const audit = await verified(moved, tips);
    expect(audit.streams.every((s) => s.result.ok)).toBe(true);
    expect(audit.ok).toBe(false);
    expect(audit.order).toMatchObject({
      stream: 'ticket-0',
      revision: 0n,
      position: 8n,
      problem: 'outOfOrder',
    });
  });

  it('catches two events of different streams swapped in the log', async () => {
    const { events, tips } = await written();
    const swapped = events.map((e, i) => (i === 4 ? events[5] : i === 5 ? events[4] : e) ?? e);
    const renumbered = swapped.map((e, i) => ({ ...e, position: BigInt(i) }));
    expect((await verified(renumbered, tips)).order).toMatchObject({
      stream: 'ticket-1',
      revision: 1n,
      position: 5n,
      problem: 'outOfOrder',
    });
  });

  it('allows instants that go back by less than the given clock skew', async () => {
    const { events } = await written();
    const skewed = events.map((e, i) =>
      i === 5 ? { ...e, metadata: { ...e.metadata, recordedAt: minute(3) } } : e,
    );
    const strict = await verifyStore(logOf(skewed))();
    const lenient = await verifyStore(logOf(skewed), { clockSkewMs: 5 * 60_000 })();
    // The edit breaks ticket-2's chain either way; only the order check differs.
    expect(E.isRight(strict) && strict.right.order?.problem).toBe('outOfOrder');
    expect(E.isRight(lenient) && lenient.right.order).toBeUndefined();
  });
});
