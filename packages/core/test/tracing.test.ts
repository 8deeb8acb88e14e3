import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createInMemoryProjectionStore,
  createInMemoryStore,
  handle,
  runProcessManager,
  traceAttributes as at,
  type Decider,
  type DecodeFailed,
  type DispatchContext,
  type EventStore,
  type NewEvent,
  type ProcessManager,
} from '@dossier/core';
import { added, appendAll, right, startedRunners, tallyProjection } from './projectionFixtures.js';

// A counter: Add appends Added, a negative amount is refused; its commands are decoded like a real decider's.
type Add = { readonly type: 'Add'; readonly amount: number };
type Added = { readonly type: 'Added'; readonly data: { readonly amount: number } };
type Refused = { readonly _tag: 'NegativeAmount' };
const decodeAdd = (input: unknown): E.Either<DecodeFailed, Add> =>
  typeof input === 'object' && input !== null && typeof (input as Add).amount === 'number'
    ? E.right(input as Add)
    : E.left({ _tag: 'DecodeFailed', what: 'Add', problems: [{ path: 'amount', reason: 'not a number' }] });
const counter: Decider<Add, number, Added, Refused> = {
  initialState: 0,
  decide: (c) => (c.amount < 0 ? E.left({ _tag: 'NegativeAmount' }) : E.right([{ type: 'Added', data: c }])),
  evolve: (n, e) => n + e.data.amount,
  decodeCommand: decodeAdd,
};

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const contexts = new AsyncLocalStorageContextManager();

beforeAll(() => {
  context.setGlobalContextManager(contexts.enable());
  trace.setGlobalTracerProvider(provider);
});
afterAll(async () => {
  trace.disable();
  context.disable();
  await provider.shutdown();
});
beforeEach(() => exporter.reset());

const spans = (name: string): ReadableSpan[] => exporter.getFinishedSpans().filter((s) => s.name === name);
const only = (name: string): ReadableSpan => {
  const found = spans(name);
  expect(found, name).toHaveLength(1);
  return found[0] as ReadableSpan;
};
const parentOf = (span: ReadableSpan): string | undefined => span.parentSpanContext?.spanId;
const idOf = (span: ReadableSpan): string => span.spanContext().spanId;

const add = (store: EventStore, amount: unknown, commandId: string, maxRetries?: number) =>
  handle(
    store,
    counter,
    { stream: 'counter-1', command: { type: 'Add', amount } as Add, context: { commandId, actor: 'u-1' } },
    maxRetries === undefined ? {} : { maxRetries, jitter: { sleep: () => Promise.resolve() } },
  )();

const newAdded = (amount: number, commandId: string): NewEvent => ({
  type: 'Added',
  data: { amount },
  metadata: {
    eventId: randomUUID(),
    commandId,
    correlationId: commandId,
    causationId: commandId,
    actor: 'u-2',
  },
});

/** A store on which another writer appends to the stream just before each of the first `times` appends. */
const contended = (store: EventStore, times: number): EventStore => {
  let left = times;
  return {
    ...store,
    append: (stream, expected, events, options) => async () => {
      if (left-- > 0) await right(store.append(stream, 'any', [newAdded(0, 'other')]));
      return store.append(stream, expected, events, options)();
    },
  };
};

describe('tracing command handling', () => {
  it('records a handle span with load, decide and append children and the stream, revision, command id and outcome', async () => {
    const store = createInMemoryStore();
    expect(E.isRight(await add(store, 2, 'c-1'))).toBe(true);
    expect(E.isRight(await add(store, 3, 'c-2'))).toBe(true);
    const [first, second] = spans('dossier.handle');
    expect(second?.attributes).toMatchObject({
      [at.stream]: 'counter-1',
      [at.commandId]: 'c-2',
      [at.commandType]: 'Add',
      [at.revision]: 1,
      [at.eventCount]: 1,
      [at.retries]: 0,
      [at.outcome]: 'appended',
    });
    expect(second?.status.code).not.toBe(SpanStatusCode.ERROR);
    const children = exporter.getFinishedSpans().filter((s) => parentOf(s) === idOf(second as ReadableSpan));
    expect(children.map((s) => s.name)).toEqual(['dossier.load', 'dossier.decide', 'dossier.append']);
    expect(children[0]?.attributes).toMatchObject({ [at.revision]: 0, [at.folded]: 1, [at.attempt]: 0 });
    expect(children[2]?.attributes).toMatchObject({ [at.expectedRevision]: 0, [at.revision]: 1 });
    expect(first?.attributes[at.revision]).toBe(0);
    // Each command is a trace of its own.
    expect(first?.spanContext().traceId).not.toBe(second?.spanContext().traceId);
  });

  it('marks a conflict: the failed append is an error, the retry succeeds, the handle span counts the retry', async () => {
    const store = contended(createInMemoryStore(), 1);
    expect(E.isRight(await add(store, 2, 'c-1', 3))).toBe(true);
    const handled = only('dossier.handle');
    expect(handled.attributes).toMatchObject({ [at.retries]: 1, [at.outcome]: 'appended' });
    const appends = spans('dossier.append');
    expect(appends.map((s) => s.attributes[at.attempt])).toEqual([0, 1]);
    expect(appends[0]?.status.code).toBe(SpanStatusCode.ERROR);
    expect(appends[0]?.attributes).toMatchObject({
      [at.errorType]: 'ConcurrencyConflict',
      [at.outcome]: 'conflict',
    });
    expect(appends[1]?.status.code).not.toBe(SpanStatusCode.ERROR);
    expect(spans('dossier.load')).toHaveLength(2);
    for (const span of [...appends, ...spans('dossier.load')]) expect(parentOf(span)).toBe(idOf(handled));
  });

  it('marks a command that still conflicts after its retries as an error of type ConcurrencyConflict', async () => {
    const store = contended(createInMemoryStore(), 10);
    const result = await add(store, 2, 'c-1', 1);
    expect(E.isLeft(result) && result.left._tag).toBe('ConcurrencyConflict');
    const handled = only('dossier.handle');
    expect(handled.status.code).toBe(SpanStatusCode.ERROR);
    expect(handled.attributes).toMatchObject({
      [at.errorType]: 'ConcurrencyConflict',
      [at.outcome]: 'conflict',
      [at.retries]: 1,
    });
  });

  it('marks a request that does not decode as DecodeFailed, with nothing loaded, decided or appended', async () => {
    const result = await add(createInMemoryStore(), 'two', 'c-bad');
    expect(E.isLeft(result) && result.left._tag).toBe('DecodeFailed');
    const handled = only('dossier.handle');
    expect(handled.status.code).toBe(SpanStatusCode.ERROR);
    expect(handled.attributes).toMatchObject({
      [at.errorType]: 'DecodeFailed',
      [at.outcome]: 'failed',
      [at.commandId]: 'c-bad',
      [at.stream]: 'counter-1',
    });
    expect(exporter.getFinishedSpans().map((s) => s.name)).toEqual(['dossier.handle']);
  });

  it("marks the domain's refusal with its tag and the outcome refused", async () => {
    await add(createInMemoryStore(), -1, 'c-neg');
    expect(only('dossier.handle').attributes).toMatchObject({
      [at.errorType]: 'NegativeAmount',
      [at.outcome]: 'refused',
    });
    expect(only('dossier.decide').status.code).toBe(SpanStatusCode.ERROR);
    expect(spans('dossier.append')).toHaveLength(0);
  });
});

describe('tracing projections and flows', () => {
  const start = startedRunners();

  it('records each saved batch of a projection with its size and checkpoint', async () => {
    const store = createInMemoryStore();
    await appendAll(
      store,
      [1, 2, 3, 4, 5].map((n) => [`basket-${n % 2}`, added(n)] as const),
    );
    const runner = await start({
      store,
      states: createInMemoryProjectionStore(),
      projections: [tallyProjection()],
      saveEvery: 2,
    });
    await runner.settled();
    const batches = spans('dossier.projection.batch');
    expect(batches.map((s) => s.attributes[at.batchSize])).toEqual([2, 2, 1]);
    expect(batches.map((s) => s.attributes[at.position])).toEqual([1, 3, 4]);
    expect(batches[1]?.attributes).toMatchObject({ [at.projection]: 'tally', [at.fromPosition]: 1 });
    expect(batches.every((s) => parentOf(s) === undefined)).toBe(true);
  });

  it("records a flow's reaction to an event as the parent of the commands it dispatched", async () => {
    const store = createInMemoryStore();
    const doubler: ProcessManager<Added, Add> = {
      name: 'doubler',
      eventTypes: ['Added'],
      react: (event) => (event.stream === 'source' ? [{ type: 'Add', amount: event.data.amount * 2 }] : []),
    };
    const dispatch = (command: Add, ctx: DispatchContext) => () =>
      handle(store, counter, {
        stream: 'doubled',
        command,
        context: { commandId: ctx.commandId, actor: 'doubler' },
      })();
    await right(store.append('source', 'no-stream', [newAdded(4, 'e-source')]));
    const runner = await right(
      runProcessManager({ store, checkpoints: createInMemoryProjectionStore(), manager: doubler, dispatch }),
    );
    await runner.settled();
    await runner.stop();
    const step = only('dossier.flow.event');
    expect(step.attributes).toMatchObject({
      [at.flow]: 'doubler',
      [at.stream]: 'source',
      [at.revision]: 0,
      [at.eventType]: 'Added',
      [at.commands]: 1,
      [at.outcome]: 'dispatched',
    });
    const handled = only('dossier.handle');
    expect(parentOf(handled)).toBe(idOf(step));
    expect(handled.spanContext().traceId).toBe(step.spanContext().traceId);
    expect(handled.attributes).toMatchObject({ [at.stream]: 'doubled', [at.outcome]: 'appended' });
  });
});
