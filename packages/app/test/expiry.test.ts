import { createInMemoryStore, replayProjection, type EventStore, type Recorded } from '@dossier/core';
import type { InvitationEvent } from '@dossier/domain';
import { pendingInvitations, type PendingInvitationsQueries } from '@dossier/projections';
import { describe, expect, it } from 'vitest';
import { dueExpiries, execute, expireDue, expiryCommandId } from '../src/index.js';
import { anaInvitation, anaInvitationStream, deciders, readLog, right } from './support/flowFixtures.js';
import { ana, day, flow, owner, profileId } from '@dossier/projections/testing';

// The scheduler over RM-3 rebuilt from the store; the live runner's copy is exercised in the end-to-end tests.
const view = async (store: EventStore): Promise<PendingInvitationsQueries> => {
  const events = (await readLog(store)).filter((e) =>
    (pendingInvitations.eventTypes as ReadonlyArray<string>).includes(e.type),
  ) as ReadonlyArray<Recorded<InvitationEvent>>;
  return pendingInvitations.query(replayProjection(pendingInvitations, events));
};

/** Ana's invitation issued directly (as the flow would) at `at`. */
const issued = async (store: EventStore, at = day(1)) => {
  await right(
    execute(store, deciders, 'invitation', anaInvitationStream, {
      type: 'IssueInvitation',
      at,
      actor: flow,
      data: {
        invitationId: anaInvitation,
        profileId: profileId('acme'),
        email: ana.email,
        permissions: ['read'],
        emailPreference: 'all',
        issuedBy: owner.id,
      },
    }),
  );
};

const resent = (store: EventStore, at: ReturnType<typeof day>) =>
  right(
    execute(store, deciders, 'invitation', anaInvitationStream, {
      type: 'ResendInvitation',
      at,
      actor: flow,
      data: { requestedBy: owner.id },
    }),
  );

const statusOf = async (store: EventStore) =>
  (await readLog(store)).filter((e) => e.stream === anaInvitationStream).map((e) => e.type);

describe('the expiry scheduler', () => {
  it('IN-2 finds nothing due before the 14 days are over, and the invitation once they are', async () => {
    const store = createInMemoryStore();
    await issued(store, day(1));
    expect(dueExpiries(await view(store), day(15, -1))).toEqual([]);
    const [due] = dueExpiries(await view(store), day(15));
    expect(due).toMatchObject({
      invitationId: anaInvitation,
      commandId: expiryCommandId(anaInvitation, day(1)),
      command: { type: 'ExpireInvitation', at: day(15) },
    });
  });

  it('IN-2 run twice (even at different instants, over a view that lags) expires once', async () => {
    const store = createInMemoryStore();
    await issued(store, day(1));
    const stale = await view(store);
    const first = await expireDue(store, deciders, stale, day(16))();
    const second = await expireDue(store, deciders, stale, day(30))();
    expect(first.map((o) => o.kind)).toEqual(['expired']);
    expect(second.map((o) => o.kind)).toEqual(['unchanged']);
    expect(await statusOf(store)).toEqual(['InvitationIssued', 'InvitationExpired']);
    expect(dueExpiries(await view(store), day(30))).toEqual([]);
  });

  it('IN-3 a resend restarts the window: not due 14 days after the first sending, due 14 days after the resend', async () => {
    const store = createInMemoryStore();
    await issued(store, day(1));
    await resent(store, day(10));
    expect(dueExpiries(await view(store), day(20))).toEqual([]);
    const outcomes = await expireDue(store, deciders, await view(store), day(24))();
    expect(outcomes.map((o) => [o.kind, o.due.commandId])).toEqual([
      ['expired', expiryCommandId(anaInvitation, day(10))],
    ]);
  });

  it('IN-3 an expiry computed before a resend the view had not seen is refused, and nothing is written', async () => {
    const store = createInMemoryStore();
    await issued(store, day(1));
    const before = await view(store);
    await resent(store, day(14));
    const outcomes = await expireDue(store, deciders, before, day(16))();
    expect(outcomes).toMatchObject([{ kind: 'failed', error: { _tag: 'InvitationNotYetExpired' } }]);
    expect(await statusOf(store)).toEqual(['InvitationIssued', 'InvitationResent']);
  });
});
