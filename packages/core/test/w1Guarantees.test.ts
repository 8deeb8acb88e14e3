import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { createInMemoryStore, handle } from '@dossier/core';
import {
  guaranteesW1,
  handleWithGuaranteesOnly,
  w1Commands,
  w1ExpectedChecksum,
  w1SupportCase,
  w1SupportCaseSchema,
  type BareStreams,
} from '@dossier/core/testing';

// The bench case "W1 guarantees only" claims to bound W1: it must do, command for command, the guarantee work
// `handle` does, or its figure bounds nothing.

const clock = () => '2026-12-06T05:00:00.000Z';

describe('W1 with only the guarantees (the bench case that bounds W1)', () => {
  it('prepares for every command the very events handle records: data, ids, digest and chain hashes', async () => {
    const store = createInMemoryStore({ schema: w1SupportCaseSchema, clock });
    const streams: BareStreams = new Map();
    const commands = w1Commands(25);
    for (const [i, command] of commands.entries()) {
      const commandId = `command-${i}`;
      const handled = await handle(store, w1SupportCase, {
        stream: command.caseId,
        command,
        context: { commandId, actor: 'bench' },
      })();
      expect(E.isRight(handled)).toBe(true);
      const held = streams.get(command.caseId)?.length ?? 0;
      expect(handleWithGuaranteesOnly(streams, clock, command, held, commandId)).toBe('accepted');
    }
    expect(streams.size).toBe(25);
    for (const [caseId, prepared] of streams) {
      const recorded = await store.readStream(caseId)();
      if (E.isLeft(recorded)) throw new Error(recorded.left._tag);
      expect(
        prepared.map(({ revision, type, data, metadata }) => ({ revision, type, data, metadata })),
      ).toEqual(
        recorded.right.map(({ revision, type, data, metadata }) => ({ revision, type, data, metadata })),
      );
    }
  });

  it('refuses what the domain refuses and what a stale expected length would overwrite, keeping nothing', () => {
    const streams: BareStreams = new Map();
    const [open] = w1Commands(1);
    if (open === undefined) throw new Error('W1 has no commands');
    expect(handleWithGuaranteesOnly(streams, clock, open, 0)).toBe('accepted');
    expect(handleWithGuaranteesOnly(streams, clock, open, 1)).toBe('rejected');
    expect(handleWithGuaranteesOnly(streams, clock, open, 0)).toBe('rejected');
    expect(streams.get(open.caseId)?.length).toBe(1);
  });

  it("gives W1's count and checksum, as the workload's reference does", () => {
    const result = guaranteesW1();
    expect(result.count).toBe(10_000);
    expect(result.checksum).toBe(w1ExpectedChecksum);
  });
});
