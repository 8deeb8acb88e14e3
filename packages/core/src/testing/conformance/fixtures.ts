import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import * as t from 'io-ts';
import { afterEach, beforeEach } from 'vitest';
import { eventSchema, isJsonValue, type EventTypeSchema } from '../../store/schema.js';
import type { NewEvent, NewEventMetadata } from '../../store/types.js';
import type { ConformanceHarness, ConformanceSubject } from './harness.js';

const JsonValue = new t.Type<unknown>(
  'JsonValue',
  (input): input is unknown => isJsonValue(input),
  (input, context) => (isJsonValue(input) ? t.success(input) : t.failure(input, context)),
  t.identity,
);

const anyData = (type: string): EventTypeSchema => ({
  codec: t.type({ type: t.literal(type), data: JsonValue }),
});

/** The one type whose data is checked closely: `{ amount: number }`. */
export const checkedType = 'AmountSet';

/** The type written by an `unknown-type` corruption; the suite's schema does not know it. */
export const unknownType = 'NoSuchEventType';

/** The schema every store under test is given: a few types taking any JSON, and one checked closely. */
export const conformanceSchema = eventSchema({
  TicketOpened: anyData('TicketOpened'),
  TicketCommented: anyData('TicketCommented'),
  TicketClosed: anyData('TicketClosed'),
  UserInvited: anyData('UserInvited'),
  UserRemoved: anyData('UserRemoved'),
  [checkedType]: {
    codec: t.strict({
      type: t.literal(checkedType),
      data: t.strict({ amount: t.number }),
    }),
  },
});

/** A new event with a fresh id. */
export const newEvent = (
  type: string,
  data: unknown = {},
  metadata: Partial<NewEventMetadata> = {},
): NewEvent => ({
  type,
  data,
  metadata: { eventId: randomUUID(), ...metadata },
});

/** `n` events of one type, numbered in their data from `from`. */
export const numbered = (n: number, type = 'TicketCommented', from = 0): NewEvent[] =>
  Array.from({ length: n }, (_, i) => newEvent(type, { n: from + i }));

const show = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? String(value);

/** Runs a task that must succeed. */
export const right = async <A>(task: TaskEither<unknown, A>): Promise<A> => {
  const result = await task();
  if (E.isLeft(result)) throw new Error(`expected success, got ${show(result.left)}`);
  return result.right;
};

/** Runs a task that must fail. */
export const left = async <L>(task: TaskEither<L, unknown>): Promise<L> => {
  const result = await task();
  if (E.isRight(result)) throw new Error(`expected a failure, got ${show(result.right)}`);
  return result.left;
};

/** A fresh subject per test, disposed after it: call inside a `describe`. */
export const useSubject = (harness: ConformanceHarness): (() => ConformanceSubject) => {
  let subject: ConformanceSubject | undefined;
  beforeEach(async () => {
    subject = await harness.create({ schema: conformanceSchema });
  });
  afterEach(async () => {
    const done = subject;
    subject = undefined;
    if (done === undefined) return;
    await (harness.dispose === undefined ? done.store.close() : harness.dispose(done));
  });
  return () => {
    if (subject === undefined) throw new Error('the harness did not create a store for this test');
    return subject;
  };
};

/** Lets timers and I/O run, so that concurrent work interleaves. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
