import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import {
  commandHash,
  createInMemoryStore,
  handle,
  type Decider,
  type DecodeFailed,
  type EventStore,
} from '@dossier/core';

// A counter whose commands carry who asks, defined here because core knows no domain; its codec is io-ts.
const AddCodec = t.strict({
  type: t.literal('Add'),
  actor: t.strict({ id: t.string }),
  amount: t.number,
});
type Add = t.TypeOf<typeof AddCodec>;
type Added = { readonly type: 'Added'; readonly data: { readonly amount: number; readonly by: string } };

const decodeAdd = (input: unknown): E.Either<DecodeFailed, Add> =>
  E.mapLeft((errors: t.Errors): DecodeFailed => ({
    _tag: 'DecodeFailed',
    what: 'Add',
    problems: errors.map((e) => ({
      path: e.context
        .map((c) => c.key)
        .filter((key) => key !== '')
        .join('.'),
      reason: 'invalid',
    })),
  }))(AddCodec.decode(input));

const counter: Decider<Add, number, Added, { readonly _tag: 'Never' }> = {
  initialState: 0,
  // Reads `actor.id` as a real decider would: undecoded input here would throw.
  decide: (command) => E.right([{ type: 'Added', data: { amount: command.amount, by: command.actor.id } }]),
  evolve: (total, event) => total + event.data.amount,
  decodeCommand: decodeAdd,
};

const countingAppends = (store: EventStore) => {
  let appends = 0;
  return {
    store: {
      ...store,
      append: (...args: Parameters<EventStore['append']>) => ((appends += 1), store.append(...args)),
    },
    appends: () => appends,
  };
};

const send = (store: EventStore, request: unknown) =>
  // Whatever a caller may pass, whatever its static type says.
  handle(store, counter, request as never);

const pathsOf = (result: E.Either<unknown, unknown>): ReadonlyArray<string> =>
  E.isLeft(result) && (result.left as { _tag?: string })._tag === 'DecodeFailed'
    ? (result.left as DecodeFailed).problems.map((p) => p.path)
    : [
        `not DecodeFailed: ${JSON.stringify(result, (_, v: unknown) => (typeof v === 'bigint' ? `${v}` : v))}`,
      ];

describe('handle decodes what it is given before deciding', () => {
  const context = { commandId: 'c1', actor: 'alice' };

  it('answers DecodeFailed naming each bad path for a null command, a missing actor or a wrong amount; nothing appended', async () => {
    const { store, appends } = countingAppends(createInMemoryStore());
    const cases: ReadonlyArray<readonly [unknown, ReadonlyArray<string>]> = [
      [null, ['']],
      [{ type: 'Add', amount: 1 }, ['actor']],
      [{ type: 'Add', actor: {}, amount: 'x' }, ['actor.id', 'amount']],
      [[{ type: 'Add' }], ['']],
    ];
    // A throw, at once or from the task, fails the test as surely as a wrong answer.
    for (const [command, paths] of cases)
      expect(pathsOf(await send(store, { stream: 's-1', command, context })())).toEqual(paths);
    expect(appends()).toBe(0);
    expect(await store.readStream('s-1')()).toMatchObject(E.left({ _tag: 'StreamNotFound' }));
  });

  it('answers DecodeFailed for a request, context or options that are not what it needs; never throws', async () => {
    const { store, appends } = countingAppends(createInMemoryStore());
    const command: Add = { type: 'Add', actor: { id: 'u1' }, amount: 2 };
    const cases: ReadonlyArray<readonly [unknown, ReadonlyArray<string>]> = [
      [null, ['(root)']],
      [{ stream: 's-1', command }, ['context']],
      [
        { stream: 42, command, context: { commandId: '', actor: null } },
        ['stream', 'context.commandId', 'context.actor'],
      ],
      [
        { stream: 's-1', command, context: { ...context, causationId: 7, newEventId: 'x' } },
        ['context.causationId', 'context.newEventId'],
      ],
    ];
    for (const [request, paths] of cases) expect(pathsOf(await send(store, request)())).toEqual(paths);
    expect(
      pathsOf(await handle(store, counter, { stream: 's-1', command, context }, null as never)()),
    ).toEqual(['options']);
    expect(appends()).toBe(0);
  });

  it('decides and records the decoded copy: fields the codec does not know are dropped', async () => {
    const store = createInMemoryStore();
    const result = await send(store, {
      stream: 's-1',
      command: { type: 'Add', actor: { id: 'u1', extra: true }, amount: 2, note: 'x' },
      context,
    })();
    expect(result).toMatchObject(E.right({ state: 2, revision: 0n }));
    const decoded: Add = { type: 'Add', actor: { id: 'u1' }, amount: 2 };
    expect(E.isRight(result) && result.right.events[0]?.metadata.commandHash).toBe(commandHash(decoded));
  });
});
