import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { invitationStream } from '../invitation/ids.js';
import { paymentProfileStream } from '../paymentProfile/ids.js';
import {
  acceptInvitation,
  invitationAccepted,
  invitationCancelled,
  invitationDeclined,
  invitationExpired,
  invitationIssued,
  invitationResent,
} from '../testing/invitationBuilders.js';
import { InvitationWorld } from '../testing/invitationWorld.js';
import {
  adminsNotified,
  createProfile,
  invitationCancellationRequested,
  invitationId,
  invitationResendRequested,
  inviteUser,
  manager,
  newcomer,
  owner,
  profileCreated,
  profileId,
  requestInvitationCancellation,
  userInvited,
  userRemoved,
} from '../testing/paymentProfileBuilders.js';
import { day } from '../testing/time.js';
import { commandIdFor, invitationFlow } from './invitationFlow.js';
import { systemActor } from './systemActor.js';

const profileSide = paymentProfileStream(profileId());
const invitationSide = invitationStream(invitationId());

describe('invitation flow', () => {
  describe('from the profile to the Invitation', () => {
    it('IN-1 an invited user makes it issue the Invitation with the invited data, at the invitation instant', () => {
      const event = userInvited({
        name: 'Nina',
        permissions: ['read', 'purchase'],
        by: manager.id,
        at: day(2),
      });
      expect(invitationFlow({ stream: profileSide, event })).toEqual([
        {
          aggregate: 'invitation',
          stream: invitationSide,
          command: {
            type: 'IssueInvitation',
            at: day(2),
            actor: systemActor,
            data: {
              invitationId: invitationId(),
              profileId: profileId(),
              email: newcomer.email,
              name: 'Nina',
              permissions: ['read', 'purchase'],
              emailPreference: 'administrative',
              issuedBy: manager.id,
            },
          },
        },
      ]);
    });

    it('IN-3 a resend request becomes ResendInvitation, naming who asked', () => {
      const event = invitationResendRequested(invitationId(), newcomer.email, { by: manager.id, at: day(5) });
      expect(invitationFlow({ stream: profileSide, event })).toEqual([
        {
          aggregate: 'invitation',
          stream: invitationSide,
          command: {
            type: 'ResendInvitation',
            at: day(5),
            actor: systemActor,
            data: { requestedBy: manager.id },
          },
        },
      ]);
    });

    it('IN-5 a cancellation request becomes CancelInvitation, naming who asked', () => {
      const event = invitationCancellationRequested(invitationId(), newcomer.email, { at: day(6) });
      expect(invitationFlow({ stream: profileSide, event })).toEqual([
        {
          aggregate: 'invitation',
          stream: invitationSide,
          command: {
            type: 'CancelInvitation',
            at: day(6),
            actor: systemActor,
            data: { requestedBy: owner.id },
          },
        },
      ]);
    });
  });

  describe('from the Invitation to the profile', () => {
    it('IN-4 an acceptance activates the invitee on the profile', () => {
      const event = invitationAccepted({ at: day(3), hasAccount: false });
      expect(invitationFlow({ stream: invitationSide, event })).toEqual([
        {
          aggregate: 'paymentProfile',
          stream: profileSide,
          command: {
            type: 'ActivateInvitedUser',
            at: day(3),
            actor: systemActor,
            data: {
              invitationId: invitationId(),
              userId: newcomer.id,
              email: newcomer.email,
              hasAccount: false,
            },
          },
        },
      ]);
    });

    it('IN-5 an expired (IN-2), cancelled or declined invitation withdraws the pending user, with the reason', () => {
      const cases = [
        [invitationExpired(day(14)), 'expired', day(14)],
        [invitationCancelled(day(4)), 'cancelled', day(4)],
        [invitationDeclined(day(5)), 'declined', day(5)],
      ] as const;
      for (const [event, reason, at] of cases) {
        expect(invitationFlow({ stream: invitationSide, event })).toEqual([
          {
            aggregate: 'paymentProfile',
            stream: profileSide,
            command: {
              type: 'WithdrawPendingUser',
              at,
              actor: systemActor,
              data: { invitationId: invitationId(), reason },
            },
          },
        ]);
      }
    });
  });

  it('causes nothing for the other events, or for an event shown with a stream of the other aggregate', () => {
    for (const event of [profileCreated(), adminsNotified([owner.email], {}), userRemoved(manager)]) {
      expect(invitationFlow({ stream: profileSide, event })).toEqual([]);
    }
    for (const event of [invitationIssued(), invitationResent(day(1))]) {
      expect(invitationFlow({ stream: invitationSide, event })).toEqual([]);
    }
    expect(invitationFlow({ stream: invitationSide, event: userInvited() })).toEqual([]);
    expect(invitationFlow({ stream: profileSide, event: invitationAccepted() })).toEqual([]);
    expect(invitationFlow({ stream: 'paymentProfile-', event: userInvited() })).toEqual([]);
  });

  it('IN-4 derives each command id from the triggering event id, so a redelivery carries the same ids', () => {
    const recorded = { stream: profileSide, event: userInvited(), eventId: 'evt-42' };
    const first = invitationFlow(recorded);
    expect(first.map((d) => d.commandId)).toEqual([commandIdFor('evt-42', 0)]);
    expect(invitationFlow(recorded)).toEqual(first);
    expect(commandIdFor('evt-42', 0)).not.toBe(commandIdFor('evt-42', 1));
    expect(commandIdFor('evt-42', 0)).not.toBe(commandIdFor('evt-43', 0));
  });

  describe('carried through both aggregates', () => {
    const invited = (): InvitationWorld => {
      const world = new InvitationWorld();
      world.onProfile(profileId(), createProfile());
      world.onProfile(profileId(), inviteUser({}, { at: day(1) }));
      return world;
    };
    const profileState = (world: InvitationWorld) => world.profile(profileId()).state;

    it('IN-4 an acceptance delivered twice, and its activation delivered twice, make exactly one user', () => {
      const world = invited();
      world.flush();
      expect(world.invitation(invitationId()).state.status).toBe('pending');
      world.onInvitation(invitationId(), acceptInvitation({ at: day(2) }));
      world.onInvitation(invitationId(), acceptInvitation({ at: day(2, 1) }));
      world.deliver(invitationSide, true);
      world.flush();
      const state = profileState(world);
      if (state.status !== 'created') throw new Error('expected a created profile');
      expect(state.users.filter((u) => u.email === newcomer.email)).toHaveLength(1);
      const activations = world.profile(profileId()).emitted.filter((e) => e.type === 'InvitedUserActivated');
      expect(activations).toHaveLength(1);
    });

    it('IN-5 a cancellation that crosses an acceptance leaves the invitee active, never withdrawn', () => {
      const world = invited();
      world.flush();
      world.onProfile(profileId(), requestInvitationCancellation(invitationId(), { at: day(2) }));
      world.onInvitation(invitationId(), acceptInvitation({ at: day(2, 1) })); // before the cancellation arrives
      world.flush();
      expect(world.invitation(invitationId()).state.status).toBe('accepted');
      const refused = world.decisions.filter((d) => d.aggregate === 'invitation' && E.isLeft(d.result));
      expect(refused.map((d) => d.command.type)).toEqual(['CancelInvitation']);
      const state = profileState(world);
      if (state.status !== 'created') throw new Error('expected a created profile');
      expect(state.users.map((u) => u.email)).toContain(newcomer.email);
      expect(state.pending).toEqual([]);
    });
  });
});
