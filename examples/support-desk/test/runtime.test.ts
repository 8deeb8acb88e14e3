import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createInMemoryStore } from '@dossier/core';
import { startRuntime } from '../src/runtime/runtime.js';
import type { DemoCommand } from '../src/runtime/demoCommand.js';

describe('the demo runtime', () => {
  it('answers any request that is not a command with a DecodeFailed outcome, appending nothing and throwing nothing', async () => {
    const store = createInMemoryStore();
    const started = await startRuntime(store);
    if (E.isLeft(started)) throw new Error(started.left._tag);
    const runtime = started.right;
    try {
      const requests: ReadonlyArray<unknown> = [
        null,
        42,
        { aggregate: 'ticket', stream: 'ticket-1', command: {} },
        { aggregate: 'supportCase', stream: 'supportCase-1', command: null },
        {
          aggregate: 'invitation',
          stream: 'invitation-1',
          command: { type: 'DeclineInvitation', at: '2026-02-30T00:00:00Z', actor: { id: 'ana' }, data: {} },
        },
      ];
      for (const request of requests) {
        const outcome = await runtime.execute(request as DemoCommand, 'c-1');
        expect(outcome).toMatchObject({ kind: 'failed', error: { _tag: 'DecodeFailed' } });
      }
      const log = await store.readAll()();
      expect(E.isRight(log) ? log.right : null).toEqual([]);
    } finally {
      await runtime.stop();
    }
  });
});
