import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { createInMemoryStore } from '@dossier/core';
import { describe, expect, it } from 'vitest';
import { aggregateOfStream, execute } from '../src/index.js';
import { deciders, left, profileStream, readLog, right } from './support/flowFixtures.js';
import { createProfile, day, openCase, owner, toCase } from '@dossier/projections/testing';

describe('execute', () => {
  it('sends a command to the decider of its aggregate and records who asked, under the command id given', async () => {
    const store = createInMemoryStore();
    const handled = await right(
      execute(store, deciders, 'paymentProfile', profileStream, createProfile({}, { at: day(0) }, 'acme'), {
        commandId: 'create-acme',
      }),
    );
    expect(handled.events.map((e) => e.type)).toEqual(['ProfileCreated']);
    expect(handled.state.status).toBe('created');
    const [event] = await readLog(store);
    expect(event?.metadata).toMatchObject({
      commandId: 'create-acme',
      actor: owner.id,
      correlationId: 'create-acme',
    });
  });

  it('applies a command repeated under the same id once', async () => {
    const store = createInMemoryStore();
    const { stream, command } = toCase('case-1', openCase({ id: 'case-1' }));
    const first = await right(execute(store, deciders, 'supportCase', stream, command, { commandId: 'c-1' }));
    const again = await right(execute(store, deciders, 'supportCase', stream, command, { commandId: 'c-1' }));
    expect(first.repeated).toBe(false);
    expect(again.repeated).toBe(true);
    expect(await readLog(store)).toHaveLength(first.events.length);
  });

  it('refuses a stream of another aggregate with a value naming both, and writes nothing', async () => {
    const store = createInMemoryStore();
    const { command } = toCase('case-1', openCase({ id: 'case-1' }));
    const error = await left(execute(store, deciders, 'supportCase', profileStream, command));
    expect(error).toEqual({
      _tag: 'StreamOfAnotherAggregate',
      aggregate: 'supportCase',
      stream: profileStream,
      streamAggregate: 'paymentProfile',
    });
    const unknown = await left(execute(store, deciders, 'supportCase', 'ticket-9', command));
    expect(unknown).toMatchObject({ _tag: 'StreamOfAnotherAggregate', streamAggregate: null });
    expect(await readLog(store)).toEqual([]);
  });

  it('decodes the command first: null, an actor without e-mail or an id with a quote is DecodeFailed naming the path, nothing appended', async () => {
    const store = createInMemoryStore();
    const { stream, command } = toCase('case-1', openCase({ id: 'case-1' }));
    const send = (input: unknown) => left(execute(store, deciders, 'supportCase', stream, input as never));
    expect(await send(null)).toMatchObject({ _tag: 'DecodeFailed', problems: [{ path: '(root)' }] });
    expect(await send({ ...command, actor: { id: 'user-x' } })).toMatchObject({
      _tag: 'DecodeFailed',
      problems: [{ path: 'actor.email' }],
    });
    expect(await send({ ...command, actor: { ...command.actor, id: 'user-"x"' } })).toMatchObject({
      problems: [{ path: 'actor.id' }],
    });
    expect(await send({ ...command, type: 'Reopen' })).toMatchObject({ problems: [{ path: 'type' }] });
    expect(await readLog(store)).toEqual([]);
  });

  it('an unknown aggregate, a stream that is no string, or bad context and options are DecodeFailed, never a throw', async () => {
    const store = createInMemoryStore();
    const { stream, command } = toCase('case-1', openCase({ id: 'case-1' }));
    const run = (...args: ReadonlyArray<unknown>) =>
      left(
        (execute as (...a: ReadonlyArray<unknown>) => TaskEither<unknown, unknown>)(store, deciders, ...args),
      );
    expect(await run('ticket', stream, command)).toMatchObject({ problems: [{ path: 'aggregate' }] });
    expect(await run('supportCase', null, command)).toMatchObject({ problems: [{ path: 'stream' }] });
    expect(await run('supportCase', stream, command, { commandId: 42 })).toMatchObject({
      problems: [{ path: 'context.commandId' }],
    });
    expect(await run('supportCase', stream, command, {}, { load: 'yes' })).toMatchObject({
      problems: [{ path: 'options.load' }],
    });
    expect(await readLog(store)).toEqual([]);
  });

  it('maps each stream prefix to its aggregate, and nothing else', () => {
    expect(aggregateOfStream('supportCase-1')).toBe('supportCase');
    expect(aggregateOfStream('paymentProfile-acme')).toBe('paymentProfile');
    expect(aggregateOfStream('invitation-inv-1')).toBe('invitation');
    expect(aggregateOfStream('invitation-')).toBeUndefined();
    expect(aggregateOfStream('invitations-1')).toBeUndefined();
    expect(aggregateOfStream('$all')).toBeUndefined();
  });
});
