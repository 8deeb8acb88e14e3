import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import {
  commandHash,
  createInMemoryStore,
  eventSchema,
  foldingLoader,
  handle,
  type CommandContext,
  type Decider,
  type EventStore,
} from '@dossier/core';

// A bank account, defined here because core knows no domain.
type AccountCommand =
  | { readonly type: 'Deposit'; readonly amounts: ReadonlyArray<number> }
  | { readonly type: 'Withdraw'; readonly amount: number };
type AccountEvent =
  | { readonly type: 'Deposited'; readonly data: { readonly amount: number } }
  | { readonly type: 'Withdrawn'; readonly data: { readonly amount: number } };
type AccountError =
  | { readonly _tag: 'NonPositiveAmount'; readonly amount: number }
  | { readonly _tag: 'InsufficientFunds'; readonly balance: number; readonly requested: number };

const account: Decider<AccountCommand, number, AccountEvent, AccountError> = {
  initialState: 0,
  decide: (command, balance) => {
    switch (command.type) {
      case 'Deposit': {
        const bad = command.amounts.find((amount) => amount <= 0);
        if (bad !== undefined) return E.left({ _tag: 'NonPositiveAmount', amount: bad });
        return E.right(command.amounts.map((amount) => ({ type: 'Deposited', data: { amount } })));
      }
      case 'Withdraw':
        if (command.amount > balance)
          return E.left({ _tag: 'InsufficientFunds', balance, requested: command.amount });
        return E.right([{ type: 'Withdrawn', data: { amount: command.amount } }]);
    }
  },
  evolve: (balance, event) =>
    event.type === 'Deposited' ? balance + event.data.amount : balance - event.data.amount,
};

const amountCodec = <T extends string>(type: T) =>
  t.strict({ type: t.literal(type), data: t.strict({ amount: t.number }) });
const schema = eventSchema({
  Deposited: { codec: amountCodec('Deposited') },
  Withdrawn: { codec: amountCodec('Withdrawn') },
});

const deposit = (...amounts: number[]): AccountCommand => ({ type: 'Deposit', amounts });
const context = (commandId: string, more: Partial<CommandContext> = {}): CommandContext => ({
  commandId,
  actor: 'alice',
  ...more,
});

const revisionsOf = async (store: EventStore, stream: string) => {
  const read = await store.readStream(stream)();
  return E.isRight(read) ? read.right.map((e) => e.revision) : read.left._tag;
};

/** A store where someone else appends a deposit to the stream just before each of the next `times` appends. */
const interfering = (store: EventStore, times: number): EventStore => {
  let remaining = times;
  return {
    ...store,
    append: (stream, expected, events) => async () => {
      if (remaining > 0) {
        remaining -= 1;
        await store.append(stream, 'any', [
          { type: 'Deposited', data: { amount: 100 }, metadata: { eventId: `other-${remaining}` } },
        ])();
      }
      return store.append(stream, expected, events)();
    },
  };
};

describe('handle', () => {
  it('appends what the decider accepts and returns the new state and revision', async () => {
    const store = createInMemoryStore({ schema });
    await handle(store, account, { stream: 'account-1', command: deposit(10), context: context('c1') })();
    const result = await handle(store, account, {
      stream: 'account-1',
      command: deposit(5, 7),
      context: context('c2'),
    })();
    expect(result).toMatchObject(E.right({ state: 22, revision: 2n, repeated: false }));
    expect(E.isRight(result) && result.right.events.map((e) => e.data)).toEqual([
      { amount: 5 },
      { amount: 7 },
    ]);
  });

  it("returns the domain's refusal and appends nothing", async () => {
    const store = createInMemoryStore({ schema });
    expect(
      await handle(store, account, {
        stream: 'account-1',
        command: deposit(3, -1),
        context: context('c1'),
      })(),
    ).toEqual(E.left({ _tag: 'NonPositiveAmount', amount: -1 }));
    expect(await revisionsOf(store, 'account-1')).toBe('StreamNotFound');
    await handle(store, account, { stream: 'account-1', command: deposit(4), context: context('c2') })();
    expect(
      await handle(store, account, {
        stream: 'account-1',
        command: { type: 'Withdraw', amount: 9 },
        context: context('c3'),
      })(),
    ).toEqual(E.left({ _tag: 'InsufficientFunds', balance: 4, requested: 9 }));
    expect(await revisionsOf(store, 'account-1')).toEqual([0n]);
  });

  it('returns the earlier outcome for a repeated command and appends nothing', async () => {
    const store = createInMemoryStore({ schema });
    const request = { stream: 'account-1', command: deposit(2, 3), context: context('c1') };
    const first = await handle(store, account, request)();
    await handle(store, account, { stream: 'account-1', command: deposit(100), context: context('c2') })();
    const again = await handle(store, account, {
      ...request,
      command: { amounts: [2, 3], type: 'Deposit' },
    })();
    if (E.isLeft(first) || E.isLeft(again)) throw new Error('expected both to succeed');
    expect(again.right).toEqual({ ...first.right, repeated: true });
    expect(again.right).toMatchObject({ state: 5, revision: 1n });
    expect(await revisionsOf(store, 'account-1')).toEqual([0n, 1n, 2n]);
  });

  it('refuses a command id reused for another command, appending nothing', async () => {
    const store = createInMemoryStore({ schema });
    await handle(store, account, { stream: 'account-1', command: deposit(2), context: context('c1') })();
    expect(
      await handle(store, account, { stream: 'account-1', command: deposit(20), context: context('c1') })(),
    ).toEqual(E.left({ _tag: 'CommandIdReused', commandId: 'c1', stream: 'account-1' }));
    expect(await revisionsOf(store, 'account-1')).toEqual([0n]);
  });

  it('records the command id and digest, correlation, causation, actor and the event ids it is given', async () => {
    const store = createInMemoryStore({ schema });
    let n = 0;
    const command = deposit(1, 2);
    const result = await handle(store, account, {
      stream: 'account-1',
      command,
      context: context('c1', {
        correlationId: 'conv-9',
        causationId: 'event-3',
        newEventId: () => `id-${++n}`,
      }),
    })();
    const recorded = {
      commandId: 'c1',
      commandHash: commandHash(command),
      correlationId: 'conv-9',
      causationId: 'event-3',
      actor: 'alice',
    };
    expect(E.isRight(result) && result.right.events.map((e) => e.metadata)).toMatchObject([
      { eventId: 'id-1', ...recorded },
      { eventId: 'id-2', ...recorded },
    ]);
    const started = await handle(store, account, { stream: 'account-2', command, context: context('c2') })();
    expect(E.isRight(started) && started.right.events[0]?.metadata).toMatchObject({
      correlationId: 'c2',
      causationId: 'c2',
      eventId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
    });
  });

  it('re-reads and decides again after a conflict', async () => {
    const store = createInMemoryStore({ schema });
    await handle(store, account, { stream: 'account-1', command: deposit(1), context: context('c1') })();
    const waits: number[] = [];
    const result = await handle(
      interfering(store, 1),
      account,
      { stream: 'account-1', command: deposit(5), context: context('c2') },
      { jitter: { baseMs: 8, random: () => 0.5, sleep: (ms) => (waits.push(ms), Promise.resolve()) } },
    )();
    // Decided again on the second reading: the state counts the other writer's 100.
    expect(result).toMatchObject(E.right({ state: 106, revision: 2n }));
    expect(waits).toEqual([4]);
  });

  it('reports the conflict once its retries are spent', async () => {
    const store = createInMemoryStore({ schema });
    const waits: number[] = [];
    const result = await handle(
      interfering(store, 10),
      account,
      { stream: 'account-1', command: deposit(1), context: context('c1') },
      {
        maxRetries: 2,
        jitter: { baseMs: 10, random: () => 1, sleep: (ms) => (waits.push(ms), Promise.resolve()) },
      },
    )();
    expect(result).toEqual(
      E.left({ _tag: 'ConcurrencyConflict', stream: 'account-1', expected: 1n, actual: 2n }),
    );
    expect(waits).toEqual([10, 20]);
    expect(await revisionsOf(store, 'account-1')).toEqual([0n, 1n, 2n]);
  });

  it('passes store failures through', async () => {
    const store = createInMemoryStore({ schema });
    await store.deleteStream('account-1')();
    expect(
      await handle(store, account, { stream: 'account-1', command: deposit(1), context: context('c1') })(),
    ).toEqual(E.left({ _tag: 'StreamDeleted', stream: 'account-1' }));
  });

  it('loses no update when many handlers race on one stream', async () => {
    const store = createInMemoryStore({ schema });
    const handlers = 20;
    // Each conflict means another handler succeeded, so handlers - 1 retries are always enough.
    const results = await Promise.all(
      Array.from({ length: handlers }, (_, i) =>
        handle(
          store,
          account,
          { stream: 'account-1', command: deposit(1), context: context(`c${i}`) },
          {
            maxRetries: handlers - 1,
            jitter: { random: Math.random, sleep: () => new Promise(setImmediate) },
          },
        )(),
      ),
    );
    expect(results.filter(E.isLeft)).toEqual([]);
    // Each handler decided on the state the one before it left: they saw 1, 2, … handlers, once each.
    const seen = results.flatMap((r) => (E.isRight(r) ? [r.right.state] : [])).sort((a, b) => a - b);
    expect(seen).toEqual(Array.from({ length: handlers }, (_, i) => i + 1));
    const final = await handle(store, account, {
      stream: 'account-1',
      command: deposit(1),
      context: context('last'),
    })();
    expect(final).toMatchObject(E.right({ state: handlers + 1 }));
    expect(await revisionsOf(store, 'account-1')).toEqual(
      Array.from({ length: handlers + 1 }, (_, i) => BigInt(i)),
    );
  });

  it('answers a command whose events land while its stream is being read as a repeat, applying it once', async () => {
    const store = createInMemoryStore({ schema });
    for (const id of ['c1', 'c2', 'c3'])
      await handle(store, account, { stream: 'account-1', command: deposit(1), context: context(id) })();
    // Another process handles c9 once the loader has its first page and before it reads the second.
    let raced = false;
    const racing: EventStore = {
      ...store,
      readStream: (stream, options) => async () => {
        const page = await store.readStream(stream, options)();
        if (!raced) {
          raced = true;
          await handle(store, account, { stream, command: deposit(5), context: context('c9') })();
        }
        return page;
      },
    };
    const result = await handle(
      racing,
      account,
      { stream: 'account-1', command: deposit(5), context: context('c9') },
      { load: foldingLoader(racing, account, 2) },
    )();
    expect(raced).toBe(true);
    expect(result).toMatchObject(E.right({ repeated: true, state: 8, revision: 3n }));
    expect(await revisionsOf(store, 'account-1')).toEqual([0n, 1n, 2n, 3n]);
  });

  it('loads through the state loader it is given', async () => {
    const store = createInMemoryStore({ schema });
    const loaded: string[] = [];
    const result = await handle(
      store,
      account,
      { stream: 'account-1', command: { type: 'Withdraw', amount: 30 }, context: context('c1') },
      {
        load: {
          load: (stream) => () => {
            loaded.push(stream);
            return Promise.resolve(E.right({ state: 40, revision: null }));
          },
        },
      },
    )();
    expect(result).toMatchObject(E.right({ state: 10, revision: 0n }));
    expect(loaded).toEqual(['account-1']);
  });
});
