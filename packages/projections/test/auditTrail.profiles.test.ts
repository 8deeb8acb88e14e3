import { replayProjection, type RecordedEvent } from '@dossier/core';
import { invitationStream, paymentProfile, paymentProfileStream } from '@dossier/domain';
import { describe, expect, it } from 'vitest';
import { auditTrail } from '../src/index.js';
import { accept, day, decline, expire, invitationId, runCommands, subscribed } from '../src/testing/index.js';
import { FlowWorld } from './support/invitationFlow.js';
import * as pp from '../src/testing/index.js';

const trailOf = (events: ReadonlyArray<RecordedEvent>) =>
  auditTrail.query(replayProjection(auditTrail, subscribed(auditTrail, events)));

describe('audit trail (RM-4) of payment profiles and invitations', () => {
  describe('payment profiles', () => {
    const profileStream = paymentProfileStream(pp.profileId());
    const profileLife = [
      pp.toProfile(pp.createProfile({ name: 'Acme Ltd' })),
      pp.toProfile(
        pp.updateDetails({ address: 'Jl. Sudirman 1', paymentMethods: ['visa-4242'] }, { at: day(0, 1) }),
      ),
      pp.toProfile(pp.inviteUser(pp.ana, ['read'], 'inv-ana', { at: day(0, 2) })),
      pp.toProfile(pp.requestResend('inv-ana', { at: day(0, 3) })),
      pp.toProfile(pp.activate(pp.ana, 'inv-ana', { at: day(0, 4) })),
      pp.toProfile(pp.changePermissions(pp.ana, ['read', 'purchase'], { at: day(0, 5) })),
      pp.toProfile(pp.inviteUser(pp.budi, [], 'inv-budi', { at: day(0, 6) }, 'none')),
      pp.toProfile(pp.requestCancellation('inv-budi', { at: day(0, 7) })),
      pp.toProfile(pp.withdraw('inv-budi', 'cancelled', { at: day(0, 8) })),
      pp.toProfile(pp.reassignPrimaryContact(pp.ana, { at: day(0, 9) })),
      pp.toProfile(pp.setEmailPreference(pp.ana, 'all', { at: day(0, 10) })),
      ...pp.joins(pp.citra, ['read'], { at: day(0, 11) }),
      pp.toProfile(pp.setEmailPreference(pp.citra, 'none', { at: day(0, 12) })),
      pp.toProfile(pp.removeUser(pp.citra, { at: day(0, 13) })),
    ];
    const recordProfile = () => {
      const result = runCommands(paymentProfile, profileLife);
      expect(result.refused).toBe(0);
      return result;
    };

    it('PP-2…PP-10, IN-3…IN-5 describes every payment-profile change in plain English, naming its command', () => {
      const { events, commandTypes } = recordProfile();
      const entries = trailOf(events).forAggregate(profileStream);
      expect(entries.map((e) => e.commandType)).toEqual(entries.map((e) => commandTypes[e.commandId ?? '']));
      expect(entries.map((e) => [e.commandType, e.description])).toEqual([
        [
          'CreateProfile',
          'Business profile "Acme Ltd" (profile-1) created by owner@acme.example, its first admin and primary contact, receiving all e-mail',
        ],
        [
          'UpdateProfileDetails',
          'Profile details changed: address set to "Jl. Sudirman 1" and payment methods set to visa-4242',
        ],
        [
          'UpdateProfileDetails',
          'Admins notified by e-mail of the change (address set to "Jl. Sudirman 1" and payment methods set to visa-4242): owner@acme.example',
        ],
        [
          'InviteUser',
          'ana@example.com invited with permissions read and e-mail preference administrative (invitation inv-ana); pending until accepted',
        ],
        ['RequestInvitationResend', 'Resending of invitation inv-ana to ana@example.com requested'],
        [
          'ActivateInvitedUser',
          'ana@example.com accepted invitation inv-ana and became an active user (user-ana, with an account) with permissions read granted by user-owner, and e-mail preference administrative',
        ],
        ['ChangePermissions', 'Permissions of ana@example.com changed from read to read, purchase'],
        [
          'InviteUser',
          'budi@example.com invited with permissions none (e-mail only) and e-mail preference none (invitation inv-budi); pending until accepted',
        ],
        [
          'RequestInvitationCancellation',
          'Cancellation of invitation inv-budi to budi@example.com requested; pending until the invitation ends',
        ],
        ['WithdrawPendingUser', 'Pending user budi@example.com withdrawn: invitation inv-budi was cancelled'],
        ['ReassignPrimaryContact', 'Primary contact moved from owner@acme.example to ana@example.com'],
        ['ReassignPrimaryContact', 'E-mail preference of ana@example.com changed from administrative to all'],
        ['InviteUser', expect.stringContaining('citra@example.com invited') as unknown],
        ['ActivateInvitedUser', expect.stringContaining('citra@example.com accepted') as unknown],
        ['SetEmailPreference', 'E-mail preference of citra@example.com changed from administrative to none'],
        ['RemoveUser', 'User citra@example.com (user-citra) removed permanently'],
      ]);
    });

    it('PP-5, IN-4 records who acted: the event’s `by` and the recorded actor (the process manager for an activation)', () => {
      const entries = trailOf(recordProfile().events).forAggregate(profileStream);
      expect(entries.find((e) => e.type === 'PermissionsChanged')).toMatchObject({
        by: 'user-owner',
        actor: 'user-owner',
      });
      expect(entries.find((e) => e.type === 'InvitedUserActivated')).toMatchObject({
        by: null,
        actor: 'system:invitation-flow',
      });
    });
  });

  describe('invitations', () => {
    const world = () => {
      const w = new FlowWorld();
      w.profile(pp.profileId(), pp.createProfile({}, { at: day(0) }));
      w.profile(pp.profileId(), pp.inviteUser(pp.ana, ['read', 'purchase'], 'inv-ana', { at: day(0, 1) }));
      w.profile(pp.profileId(), pp.inviteUser(pp.budi, [], 'inv-budi', { at: day(0, 1) }, 'none'));
      w.profile(pp.profileId(), pp.inviteUser(pp.citra, ['read'], 'inv-citra', { at: day(0, 1) }));
      w.deliver();
      w.profile(pp.profileId(), pp.requestResend('inv-ana', { at: day(2) }));
      w.deliver();
      w.invitation(invitationId('inv-ana'), accept(pp.ana, day(3)));
      w.invitation(invitationId('inv-budi'), decline(pp.budi, day(3)));
      w.invitation(invitationId('inv-citra'), expire(day(15, 1)));
      w.deliver();
      expect(w.log.refused).toBe(0);
      return w;
    };

    it('IN-1…IN-5 describes every invitation event in plain English, with the expiry each sending sets', () => {
      const trail = trailOf(world().log.events);
      const described = (id: string) =>
        trail.forAggregate(invitationStream(invitationId(id))).map((e) => [e.commandType, e.description]);
      expect(described('inv-ana')).toEqual([
        [
          'IssueInvitation',
          'Invitation inv-ana to ana@example.com issued for profile profile-1 by user-owner, with permissions read, purchase ' +
            'and e-mail preference administrative; sent 2026-01-05T10:00:00.000Z, expires 2026-01-19T10:00:00.000Z',
        ],
        [
          'ResendInvitation',
          'Invitation sent again at the request of user-owner; now expires 2026-01-21T09:00:00.000Z',
        ],
        [
          'AcceptInvitation',
          'Invitation accepted by user-ana signed in as ana@example.com (with an account) for profile profile-1',
        ],
      ]);
      expect(described('inv-budi')[1]).toEqual([
        'DeclineInvitation',
        'Invitation declined by the invitee user-budi for profile profile-1; final',
      ]);
      expect(described('inv-citra')[1]).toEqual([
        'ExpireInvitation',
        'Invitation expired unaccepted, 14 days after its last sending, for profile profile-1; final',
      ]);
    });

    it('IN-4 traces the activation on the profile to the acceptance that caused it, through the flow', () => {
      const { log } = world();
      const trail = trailOf(log.events);
      const accepted = trail.forAggregate(invitationStream(invitationId('inv-ana')))[2];
      const activated = trail
        .forAggregate(paymentProfileStream(pp.profileId()))
        .find((e) => e.type === 'InvitedUserActivated');
      expect(activated).toMatchObject({
        commandType: 'ActivateInvitedUser',
        causationId: accepted?.eventId,
        actor: 'system:invitation-flow',
        at: day(3),
      });
      expect(activated?.commandId).toMatch(/^invitationFlow:/);
    });
  });
});
