import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { decodeInvitationCommand } from '../invitation/commandCodecs.js';
import { decodeSupportCaseCommand } from '../supportCase/commandCodecs.js';

const decline = () => ({
  type: 'DeclineInvitation',
  at: '2026-03-01T00:00:00.000Z',
  actor: { id: 'user-ana', email: 'ana@acme.example' },
  data: {},
});

const requestInformation = (items: unknown) => ({
  type: 'RequestInformation',
  at: '2026-03-01T00:00:00.000Z',
  actor: { id: 'user-agent', email: 'agent@support.example' },
  data: { items },
});

const problemsOf = (decoded: E.Either<{ readonly problems: ReadonlyArray<unknown> }, unknown>) =>
  E.isLeft(decoded) ? decoded.left.problems : [];

describe('command codecs take plain data only', () => {
  it('an array with an own constructor is refused at its path, not passed on to crash a .map', () => {
    const items = Object.assign(['log-files'], { constructor: 1 });
    expect(problemsOf(decodeSupportCaseCommand(requestInformation(items)))).toEqual([
      { path: 'data.items.constructor', reason: 'an array holds only items, not a property "constructor"' },
    ]);
    expect(E.isRight(decodeSupportCaseCommand(requestInformation(['log-files'])))).toBe(true);
  });

  it('an array with holes, an instance of a class, a getter, a symbol key, a function or a bigint is refused', () => {
    class Command {
      readonly type = 'DeclineInvitation';
    }
    const holey = ['log-files'];
    holey[2] = 'log-files';
    const withGetter = Object.defineProperty(decline(), 'data', { enumerable: true, get: () => ({}) });
    const inputs: ReadonlyArray<unknown> = [
      requestInformation(holey),
      Object.assign(new Command(), decline()),
      withGetter,
      { ...decline(), [Symbol('x')]: 1 },
      { ...decline(), data: () => ({}) },
      { ...decline(), at: 1n },
    ];
    for (const input of inputs) {
      const decoded = input === inputs[0] ? decodeSupportCaseCommand(input) : decodeInvitationCommand(input);
      expect(E.isLeft(decoded)).toBe(true);
    }
  });

  it('a proxy whose traps throw, and a cycle, are answered with DecodeFailed, never a throw', () => {
    const hostile = new Proxy(decline(), {
      get: () => {
        throw new Error('boom');
      },
      ownKeys: () => {
        throw new Error('boom');
      },
      getPrototypeOf: () => {
        throw new Error('boom');
      },
    });
    expect(decodeInvitationCommand(hostile)).toEqual(
      E.left(
        expect.objectContaining({
          _tag: 'DecodeFailed',
          problems: [expect.objectContaining({ path: '(root)' })],
        }),
      ),
    );
    const cyclic: Record<string, unknown> = decline();
    cyclic['data'] = cyclic;
    expect(E.isLeft(decodeInvitationCommand(cyclic))).toBe(true);
  });

  it('what is decoded is a copy: changing the input afterwards changes nothing decoded', () => {
    const items = ['log-files'];
    const decoded = decodeSupportCaseCommand(requestInformation(items));
    items.push('reproduction-steps');
    expect(
      E.isRight(decoded) && decoded.right.type === 'RequestInformation' ? decoded.right.data.items : [],
    ).toEqual(['log-files']);
  });

  it('a "__proto__" key from JSON stays a key and is stripped like any unknown field', () => {
    const input: unknown = JSON.parse(
      '{"type":"DeclineInvitation","at":"2026-03-01T00:00:00Z","actor":{"id":"user-ana","email":"ana@acme.example"},"data":{"__proto__":{"polluted":true}}}',
    );
    const decoded = decodeInvitationCommand(input);
    expect(decoded).toEqual(E.right({ ...decline(), data: {} }));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('ids and addresses in commands', () => {
  it('an actor id with a quote, a backslash, a control or bidirectional character, or over 200 characters is refused', () => {
    for (const id of [
      'user-"x"',
      'user-\\x',
      'user-\u0007',
      'user-\u202ex',
      'x'.repeat(201),
      'user-\ud800',
    ]) {
      const decoded = decodeInvitationCommand({ ...decline(), actor: { id, email: 'ana@acme.example' } });
      expect(
        problemsOf(decoded).map((p) => (p as { path: string }).path),
        JSON.stringify(id),
      ).toEqual(['actor.id']);
    }
  });

  it('an actor without an e-mail, or with a quoted one, is refused at actor.email', () => {
    for (const actor of [{ id: 'user-ana' }, { id: 'user-ana', email: '"ana"@acme.example' }]) {
      const decoded = decodeInvitationCommand({ ...decline(), actor });
      expect(problemsOf(decoded).map((p) => (p as { path: string }).path)).toEqual(['actor.email']);
    }
  });
});
