import { createInMemoryStore, type RecordedEvent } from '@dossier/core';
import {
  commandIdFor,
  invitationFlow,
  systemActor,
  type InvitationEvent,
  type PaymentProfileEvent,
} from '@dossier/domain';
import { describe, expect, it } from 'vitest';
import { dispatchFlow } from '../src/index.js';
import { anaInvitationStream, deciders, inviteAna, readLog, right } from './support/flowFixtures.js';

/** What the invitation flow asks for an event, dispatched as a runner would: ids from the event. */
const react = (store: ReturnType<typeof createInMemoryStore>, event: RecordedEvent) => {
  const shown = { type: event.type, data: event.data } as PaymentProfileEvent | InvitationEvent;
  const dispatches = invitationFlow({ stream: event.stream, event: shown, eventId: event.metadata.eventId });
  return Promise.all(
    dispatches.map((dispatch, index) =>
      right(
        dispatchFlow(store, deciders)(dispatch, {
          commandId: commandIdFor(event.metadata.eventId, index),
          correlationId: event.metadata.correlationId,
          causationId: event.metadata.eventId,
        }),
      ),
    ),
  );
};

describe('dispatching the invitation flow', () => {
  it('IN-1 issues the Invitation as the system actor, under the saga id, caused by and correlated with UserInvited', async () => {
    const store = createInMemoryStore();
    const invited = await inviteAna(store);
    await react(store, invited);
    const issued = (await readLog(store)).filter((e) => e.stream === anaInvitationStream);
    expect(issued.map((e) => e.type)).toEqual(['InvitationIssued']);
    expect(issued[0]?.metadata).toMatchObject({
      commandId: commandIdFor(invited.metadata.eventId, 0),
      causationId: invited.metadata.eventId,
      correlationId: invited.metadata.correlationId,
      actor: systemActor.id,
    });
  });

  it('IN-4 a redelivered event dispatches under the same id and records nothing more', async () => {
    const store = createInMemoryStore();
    const invited = await inviteAna(store);
    const [first] = await react(store, invited);
    const [again] = await react(store, invited);
    expect(first?.repeated).toBe(false);
    expect(again?.repeated).toBe(true);
    expect((await readLog(store)).filter((e) => e.stream === anaInvitationStream)).toHaveLength(1);
  });
});
