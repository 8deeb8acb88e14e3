import { describe, expect, it } from 'vitest';
import { given } from '../testing/given.js';
import {
  activateInvitedUser,
  adminsNotified,
  buyer,
  changePermissions,
  createProfile,
  deputy,
  email,
  emailPreferenceChanged,
  invitationCancellationRequested,
  invitationId,
  invitationResendRequested,
  invitedUserActivated,
  inviteUser,
  joined,
  manager,
  newcomer,
  owner,
  pendingUserWithdrawn,
  permissionsChanged,
  primaryContactReassigned,
  profileCreated,
  profileDetailsChanged,
  reassignPrimaryContact,
  removeUser,
  requestInvitationCancellation,
  requestInvitationResend,
  setEmailPreference,
  stranger,
  team,
  updateProfileDetails,
  userInvited,
  userRemoved,
  withdrawPendingUser,
} from '../testing/paymentProfileBuilders.js';
import { day } from '../testing/time.js';
import type { PaymentProfileCommand } from './commands.js';
import type { PaymentProfileEvent } from './events.js';
import { paymentProfile } from './index.js';

const individual: ReadonlyArray<PaymentProfileEvent> = [profileCreated({ kind: 'individual' })];
const seller: ReadonlyArray<PaymentProfileEvent> = [profileCreated({ seller: true })];
const invited: ReadonlyArray<PaymentProfileEvent> = [...team, userInvited()];
const withDeputy: ReadonlyArray<PaymentProfileEvent> = [...team, ...joined(deputy, ['admin'])];

const stateAfter = (events: ReadonlyArray<PaymentProfileEvent>) => {
  const state = given(paymentProfile, events).state();
  if (state.status !== 'created') throw new Error('expected a created profile');
  return state;
};

const userManagement: ReadonlyArray<PaymentProfileCommand> = [
  inviteUser(),
  requestInvitationResend(),
  requestInvitationCancellation(),
  activateInvitedUser(),
  withdrawPendingUser(),
  changePermissions(owner.email, ['read']),
  removeUser(owner.email),
  reassignPrimaryContact(owner.email),
  setEmailPreference(owner.email, 'none'),
];

describe('PaymentProfile', () => {
  describe('when absent', () => {
    it('PP-10 the creator is the first admin and the primary contact, with all e-mail (PP-6, PP-9)', () => {
      const history = [profileCreated()];
      given(paymentProfile, []).when(createProfile()).then(history);
      const profile = stateAfter(history);
      expect(profile.users).toEqual([
        {
          email: owner.email,
          userId: owner.id,
          hasAccount: true,
          permissions: ['admin'],
          emailPreference: 'all',
        },
      ]);
      expect(profile.primaryContact).toBe(owner.email);
    });

    it('PP-1 only a business profile may be a seller profile', () => {
      given(paymentProfile, [])
        .when(createProfile({ kind: 'individual', seller: true }))
        .thenRefuses('SellerNeedsBusinessProfile');
      given(paymentProfile, [])
        .when(createProfile({ seller: true }))
        .then([profileCreated({ seller: true })]);
    });

    it('refuses a blank name', () => {
      given(paymentProfile, [])
        .when(createProfile({ name: '  ' }))
        .thenRefuses('NameRequired');
    });

    it('refuses every other command before the profile exists', () => {
      for (const command of [updateProfileDetails(), ...userManagement]) {
        given(paymentProfile, []).when(command).thenRefuses('ProfileNotFound');
      }
    });
  });

  describe('when created', () => {
    it('refuses to create the profile again', () => {
      const error = given(paymentProfile, team).when(createProfile()).thenRefuses('ProfileAlreadyExists');
      expect(error.profileId).toBe('profile-1');
    });

    describe('profile details', () => {
      it('PP-2 an admin changes the details and every admin is notified by e-mail', () => {
        const changes = {
          name: 'Acme Tbk',
          taxNumber: '01.234.567.8-901.000',
          paymentMethods: ['visa-4242'],
        };
        given(paymentProfile, withDeputy)
          .when(updateProfileDetails(changes, { at: day(1) }))
          .then([
            profileDetailsChanged(changes, { at: day(1) }),
            adminsNotified([owner.email, deputy.email], changes, { at: day(1) }),
          ]);
      });

      it('PP-2 a user without admin or edit-profile cannot change the details', () => {
        for (const who of [manager, buyer]) {
          given(paymentProfile, team)
            .when(updateProfileDetails({ language: 'id' }, { actor: who }))
            .thenRefuses('NotAllowedToEditProfile');
        }
        given(paymentProfile, team)
          .when(updateProfileDetails({ language: 'id' }, { actor: stranger }))
          .thenRefuses('NotAProfileUser');
      });

      it('PP-2 on an individual profile the creator edits the details too', () => {
        given(paymentProfile, individual)
          .when(updateProfileDetails({ language: 'id' }))
          .then([
            profileDetailsChanged({ language: 'id' }),
            adminsNotified([owner.email], { language: 'id' }),
          ]);
      });

      it('PP-2 records only the fields that change, and a change to the same values notifies nobody', () => {
        const history = [...team, profileDetailsChanged({ language: 'id' })];
        given(paymentProfile, history)
          .when(updateProfileDetails({ language: 'id', address: 'Jl. Thamrin 2' }))
          .then([
            profileDetailsChanged({ address: 'Jl. Thamrin 2' }),
            adminsNotified([owner.email], { address: 'Jl. Thamrin 2' }),
          ]);
        given(paymentProfile, history)
          .when(updateProfileDetails({ language: 'id', name: 'Acme Ltd' }))
          .then([]);
      });

      it('refuses a blank name', () => {
        given(paymentProfile, team)
          .when(updateProfileDetails({ name: '' }))
          .thenRefuses('NameRequired');
      });
    });

    describe('on an individual profile', () => {
      it('PP-1 refuses every user-management command with a typed error', () => {
        for (const command of userManagement) {
          const error = given(paymentProfile, individual)
            .when(command)
            .thenRefuses('IndividualProfileHasNoUsers');
          expect(error.command).toBe(command.type);
        }
      });
    });

    describe('inviting', () => {
      it('IN-1 a user manager invites an address with permissions and a preference', () => {
        given(paymentProfile, team)
          .when(inviteUser({ permissions: ['purchase', 'read'] }, { actor: manager, at: day(1) }))
          .then([userInvited({ permissions: ['read', 'purchase'], by: manager.id, at: day(1) })]);
      });

      it('PP-8 the invitee shows as pending on the profile, not as a user, until they accept', () => {
        const profile = stateAfter(invited);
        expect(profile.pending.map((p) => p.email)).toEqual([newcomer.email]);
        expect(profile.users.map((u) => u.email)).not.toContain(newcomer.email);
      });

      it('PP-5 only admin or manage-users holders may invite', () => {
        given(paymentProfile, team)
          .when(inviteUser({}, { actor: buyer }))
          .thenRefuses('NotAllowedToManageUsers');
        given(paymentProfile, team)
          .when(inviteUser({}, { actor: stranger }))
          .thenRefuses('NotAProfileUser');
      });

      it("PP-5 refuses a grant beyond the granter's own permissions", () => {
        const error = given(paymentProfile, team)
          .when(inviteUser({ permissions: ['read', 'admin'] }, { actor: manager }))
          .thenRefuses('GrantExceedsCeiling');
        expect(error.permissions).toEqual(['admin']);
      });

      it('PP-3 admin holds every permission, so an admin may grant any permission the profile offers', () => {
        given(paymentProfile, seller)
          .when(inviteUser({ permissions: ['manage-purchase-orders', 'manage-users'] }))
          .then([userInvited({ permissions: ['manage-users', 'manage-purchase-orders'] })]);
      });

      it('PP-3 edit-profile is not available on business or seller profiles', () => {
        for (const history of [team, seller]) {
          const error = given(paymentProfile, history)
            .when(inviteUser({ permissions: ['edit-profile'] }))
            .thenRefuses('PermissionNotOnThisProfile');
          expect(error.permission).toBe('edit-profile');
        }
      });

      it('PP-3 the purchase-order permissions exist on seller profiles only', () => {
        given(paymentProfile, team)
          .when(inviteUser({ permissions: ['read-purchase-orders'] }))
          .thenRefuses('PermissionNotOnThisProfile');
      });

      it('PP-3 an invitation without permissions gives e-mail access only', () => {
        given(paymentProfile, team)
          .when(inviteUser({ permissions: [], emailPreference: 'all' }))
          .then([userInvited({ permissions: [], emailPreference: 'all' })]);
      });

      it('IN-1 an address that is already a user is refused', () => {
        given(paymentProfile, team)
          .when(inviteUser({ email: buyer.email }))
          .thenRefuses('AlreadyAUser');
      });

      it('IN-1 an address that already has a pending invitation is refused', () => {
        const error = given(paymentProfile, invited)
          .when(inviteUser({ invitationId: invitationId('inv-2') }))
          .thenRefuses('AlreadyInvited');
        expect(error.invitationId).toBe('inv-1');
      });

      it('refuses an invitation id the profile has used before', () => {
        given(paymentProfile, invited)
          .when(inviteUser({ email: email('other@acme.example') }))
          .thenRefuses('InvitationIdInUse');
        given(paymentProfile, [...invited, pendingUserWithdrawn()])
          .when(inviteUser({ email: email('other@acme.example') }))
          .thenRefuses('InvitationIdInUse');
      });
    });

    describe('with a pending invitation', () => {
      it('IN-3 a user manager asks to send the invitation again', () => {
        given(paymentProfile, invited)
          .when(requestInvitationResend(invitationId(), { actor: manager, at: day(3) }))
          .then([invitationResendRequested(invitationId(), newcomer.email, { by: manager.id, at: day(3) })]);
      });

      it('IN-5 an admin asks to cancel it, and the invitee stays pending until the invitation ends', () => {
        const cancelled = invitationCancellationRequested(invitationId(), newcomer.email, { at: day(2) });
        given(paymentProfile, invited)
          .when(requestInvitationCancellation(invitationId(), { at: day(2) }))
          .then([cancelled]);
        expect(stateAfter([...invited, cancelled]).pending.map((p) => p.email)).toEqual([newcomer.email]);
      });

      it('IN-5 asking twice to cancel changes nothing, and a cancelled invitation is not resent', () => {
        const history = [...invited, invitationCancellationRequested()];
        given(paymentProfile, history).when(requestInvitationCancellation()).then([]);
        given(paymentProfile, history)
          .when(requestInvitationResend())
          .thenRefuses('InvitationCancellationPending');
      });

      it('IN-5 a user manager cannot cancel or resend an invitation above their own permissions (PP-5)', () => {
        const history = [...team, userInvited({ permissions: ['admin'] })];
        given(paymentProfile, history)
          .when(requestInvitationCancellation(invitationId(), { actor: manager }))
          .thenRefuses('UserAboveCeiling');
        given(paymentProfile, history)
          .when(requestInvitationResend(invitationId(), { actor: manager }))
          .thenRefuses('UserAboveCeiling');
        given(paymentProfile, invited)
          .when(requestInvitationCancellation(invitationId(), { actor: buyer }))
          .thenRefuses('NotAllowedToManageUsers');
      });

      it('refuses to resend or cancel an invitation the profile does not know or that has ended', () => {
        given(paymentProfile, team).when(requestInvitationResend()).thenRefuses('UnknownInvitation');
        const ended = [...invited, invitedUserActivated()];
        const error = given(paymentProfile, ended)
          .when(requestInvitationCancellation())
          .thenRefuses('InvitationNoLongerPending');
        expect(error.outcome).toBe('activated');
      });
    });

    describe('activating an invitee', () => {
      it('IN-4 makes the invitee an active user with the invited permissions and preference', () => {
        const history = [...team, userInvited({ permissions: ['read', 'purchase'], name: 'Nina' })];
        const activated = invitedUserActivated({
          permissions: ['read', 'purchase'],
          name: 'Nina',
          at: day(4),
        });
        given(paymentProfile, history)
          .when(activateInvitedUser({}, { at: day(4) }))
          .then([activated]);
        const profile = stateAfter([...history, activated]);
        expect(profile.users).toContainEqual({
          email: newcomer.email,
          userId: newcomer.id,
          name: 'Nina',
          hasAccount: true,
          permissions: ['read', 'purchase'],
          emailPreference: 'administrative',
        });
        expect(profile.pending).toEqual([]);
      });

      it('IN-4 a second delivery of the same activation changes nothing', () => {
        given(paymentProfile, [...invited, invitedUserActivated()])
          .when(activateInvitedUser())
          .then([]);
      });

      it('IN-4 a late redelivery of an activation, after the user was removed, does not bring them back', () => {
        // Found by the model-based property test: a duplicate ActivateInvitedUser delivered after UserRemoved.
        const history = [...invited, invitedUserActivated(), userRemoved(newcomer)];
        given(paymentProfile, history).when(activateInvitedUser()).then([]);
      });

      it('IN-4 an acceptance that crossed a cancellation request still activates the invitee exactly once', () => {
        const history = [...invited, invitationCancellationRequested()];
        given(paymentProfile, history).when(activateInvitedUser()).then([invitedUserActivated()]);
        given(paymentProfile, [...history, invitedUserActivated()])
          .when(activateInvitedUser())
          .then([]);
      });

      it('PP-4 a permission needs an account: an invitee without one is not activated with permissions', () => {
        given(paymentProfile, invited)
          .when(activateInvitedUser({ hasAccount: false }))
          .thenRefuses('PermissionNeedsAccount');
      });

      it('PP-4 an e-mail-only invitee needs no account', () => {
        const history = [...team, userInvited({ permissions: [] })];
        given(paymentProfile, history)
          .when(activateInvitedUser({ hasAccount: false }))
          .then([invitedUserActivated({ permissions: [], hasAccount: false })]);
      });

      it('IN-5 a withdrawn invitation never produces a user', () => {
        const error = given(paymentProfile, [...invited, pendingUserWithdrawn('declined')])
          .when(activateInvitedUser())
          .thenRefuses('InvitationNoLongerPending');
        expect(error.outcome).toBe('withdrawn');
      });

      it('IN-4 only the process manager activates or withdraws: nobody skips the acceptance', () => {
        for (const who of [owner, newcomer]) {
          given(paymentProfile, invited)
            .when(activateInvitedUser({}, { actor: who }))
            .thenRefuses('NotTheProcessManager');
          given(paymentProfile, invited)
            .when(withdrawPendingUser('cancelled', invitationId(), { actor: who }))
            .thenRefuses('NotTheProcessManager');
        }
      });

      it('refuses an activation for another address or an unknown invitation', () => {
        given(paymentProfile, invited)
          .when(activateInvitedUser({ email: stranger.email }))
          .thenRefuses('InviteeMismatch');
        given(paymentProfile, team).when(activateInvitedUser()).thenRefuses('UnknownInvitation');
      });
    });

    describe('withdrawing a pending user', () => {
      it('IN-2 an expired invitation takes the pending user off the profile', () => {
        given(paymentProfile, invited)
          .when(withdrawPendingUser('expired', invitationId(), { at: day(14) }))
          .then([pendingUserWithdrawn('expired', invitationId(), newcomer.email, day(14))]);
        expect(stateAfter([...invited, pendingUserWithdrawn('expired')]).pending).toEqual([]);
      });

      it('IN-5 a cancelled or declined invitation takes the pending user off the profile, once', () => {
        for (const reason of ['cancelled', 'declined'] as const) {
          given(paymentProfile, invited)
            .when(withdrawPendingUser(reason))
            .then([pendingUserWithdrawn(reason)]);
          given(paymentProfile, [...invited, pendingUserWithdrawn(reason)])
            .when(withdrawPendingUser(reason))
            .then([]);
        }
      });

      it('IN-5 an accepted invitation is final: the activated user is not withdrawn', () => {
        given(paymentProfile, [...invited, invitedUserActivated()])
          .when(withdrawPendingUser('cancelled'))
          .thenRefuses('InvitationNoLongerPending');
      });
    });

    describe('changing permissions', () => {
      it('PP-5 a user manager changes the permissions of a user at or below them', () => {
        given(paymentProfile, team)
          .when(changePermissions(buyer.email, ['read'], { actor: manager, at: day(2) }))
          .then([
            permissionsChanged(buyer.email, ['read', 'purchase'], ['read'], { by: manager.id, at: day(2) }),
          ]);
      });

      it("PP-5 refuses a grant beyond the granter's own permissions", () => {
        const error = given(paymentProfile, team)
          .when(changePermissions(buyer.email, ['read', 'purchase', 'admin'], { actor: manager }))
          .thenRefuses('GrantExceedsCeiling');
        expect(error.permissions).toEqual(['admin']);
      });

      it('PP-5 a user manager cannot edit a user whose permissions are not a subset of their own', () => {
        const history = [...team, ...joined(deputy, ['admin'])];
        const error = given(paymentProfile, history)
          .when(changePermissions(deputy.email, ['read'], { actor: manager }))
          .thenRefuses('UserAboveCeiling');
        expect(error.permissions).toEqual(['admin']);
      });

      it('PP-5 only admin or manage-users holders change permissions', () => {
        given(paymentProfile, team)
          .when(changePermissions(buyer.email, ['read'], { actor: buyer }))
          .thenRefuses('NotAllowedToManageUsers');
      });

      it('PP-4 a permission needs an account; taking all permissions away needs none', () => {
        const history = [...team, ...joined(newcomer, [], { hasAccount: false })];
        given(paymentProfile, history)
          .when(changePermissions(newcomer.email, ['read']))
          .thenRefuses('PermissionNeedsAccount');
        given(paymentProfile, team)
          .when(changePermissions(buyer.email, []))
          .then([permissionsChanged(buyer.email, ['read', 'purchase'], [])]);
      });

      it('PP-3 edit-profile and the purchase-order permissions are refused where the profile does not offer them', () => {
        given(paymentProfile, team)
          .when(changePermissions(buyer.email, ['edit-profile']))
          .thenRefuses('PermissionNotOnThisProfile');
        given(paymentProfile, team)
          .when(changePermissions(buyer.email, ['manage-purchase-orders']))
          .thenRefuses('PermissionNotOnThisProfile');
        given(paymentProfile, [...seller, ...joined(buyer, ['read'])])
          .when(changePermissions(buyer.email, ['read-purchase-orders']))
          .then([permissionsChanged(buyer.email, ['read'], ['read-purchase-orders'])]);
      });

      it('PP-10 the last admin cannot lose admin', () => {
        given(paymentProfile, team)
          .when(changePermissions(owner.email, ['read']))
          .thenRefuses('LastAdminCannotLeave');
      });

      it('PP-10 an admin may lose admin while another admin remains', () => {
        given(paymentProfile, withDeputy)
          .when(changePermissions(owner.email, ['read'], { actor: deputy }))
          .then([permissionsChanged(owner.email, ['admin'], ['read'], { by: deputy.id })]);
      });

      it('refuses a pending or unknown address, and a change to the same permissions changes nothing', () => {
        given(paymentProfile, invited)
          .when(changePermissions(newcomer.email, ['read']))
          .thenRefuses('UserIsPending');
        given(paymentProfile, team)
          .when(changePermissions(stranger.email, ['read']))
          .thenRefuses('NotAUser');
        given(paymentProfile, team)
          .when(changePermissions(buyer.email, ['purchase', 'read', 'read']))
          .then([]);
      });
    });

    describe('removing a user', () => {
      it('PP-7 removal needs explicit confirmation', () => {
        given(paymentProfile, team).when(removeUser(buyer.email, false)).thenRefuses('RemovalNotConfirmed');
      });

      it('PP-7 a confirmed removal is permanent, and the address may be invited again later', () => {
        const removed = userRemoved(buyer, { by: manager.id, at: day(5) });
        given(paymentProfile, team)
          .when(removeUser(buyer.email, true, { actor: manager, at: day(5) }))
          .then([removed]);
        const after = [...team, removed];
        expect(stateAfter(after).users.map((u) => u.email)).not.toContain(buyer.email);
        given(paymentProfile, after)
          .when(inviteUser({ email: buyer.email, invitationId: invitationId('inv-again') }))
          .then([userInvited({ email: buyer.email, invitationId: invitationId('inv-again') })]);
      });

      it('PP-6 the primary contact cannot be removed', () => {
        given(paymentProfile, withDeputy)
          .when(removeUser(owner.email, true, { actor: deputy }))
          .thenRefuses('PrimaryContactCannotBeRemoved');
      });

      it('PP-5 a user manager cannot remove a user above them', () => {
        given(paymentProfile, withDeputy)
          .when(removeUser(deputy.email, true, { actor: manager }))
          .thenRefuses('UserAboveCeiling');
        given(paymentProfile, team)
          .when(removeUser(manager.email, true, { actor: buyer }))
          .thenRefuses('NotAllowedToManageUsers');
      });

      it('PP-10 the last admin cannot be removed', () => {
        const history = [
          ...team,
          primaryContactReassigned(owner.email, buyer.email),
          emailPreferenceChanged(buyer.email, 'administrative', 'all'),
        ];
        given(paymentProfile, history).when(removeUser(owner.email)).thenRefuses('LastAdminCannotLeave');
      });
    });

    describe('the primary contact', () => {
      it('PP-6 an admin reassigns the role to another active user; PP-9 who then gets all e-mail', () => {
        given(paymentProfile, team)
          .when(reassignPrimaryContact(buyer.email, { at: day(3) }))
          .then([
            primaryContactReassigned(owner.email, buyer.email, { at: day(3) }),
            emailPreferenceChanged(buyer.email, 'administrative', 'all', { at: day(3) }),
          ]);
        const history = [...team, ...joined(deputy, ['admin'], { emailPreference: 'all' })];
        given(paymentProfile, history)
          .when(reassignPrimaryContact(deputy.email))
          .then([primaryContactReassigned(owner.email, deputy.email)]);
      });

      it('PP-6 once reassigned, the former primary contact can be removed', () => {
        const history = [
          ...withDeputy,
          primaryContactReassigned(owner.email, deputy.email),
          emailPreferenceChanged(deputy.email, 'administrative', 'all'),
        ];
        given(paymentProfile, history)
          .when(removeUser(owner.email, true, { actor: deputy }))
          .then([userRemoved(owner, { by: deputy.id })]);
        expect(stateAfter(history).primaryContact).toBe(deputy.email);
      });

      it('PP-6 only an admin reassigns, and only to an active user', () => {
        given(paymentProfile, team)
          .when(reassignPrimaryContact(buyer.email, { actor: manager }))
          .thenRefuses('AdminRequired');
        given(paymentProfile, invited)
          .when(reassignPrimaryContact(newcomer.email))
          .thenRefuses('UserIsPending');
        given(paymentProfile, team).when(reassignPrimaryContact(stranger.email)).thenRefuses('NotAUser');
        given(paymentProfile, team).when(reassignPrimaryContact(owner.email)).then([]);
      });
    });

    describe('e-mail preferences', () => {
      it('PP-9 a user sets their own preference', () => {
        given(paymentProfile, team)
          .when(setEmailPreference(buyer.email, 'none', { actor: buyer }))
          .then([emailPreferenceChanged(buyer.email, 'administrative', 'none', { by: buyer.id })]);
      });

      it('PP-9 the primary contact always gets all e-mail', () => {
        given(paymentProfile, team)
          .when(setEmailPreference(owner.email, 'administrative'))
          .thenRefuses('PrimaryContactGetsAllEmail');
        given(paymentProfile, team).when(setEmailPreference(owner.email, 'all')).then([]);
      });

      it("PP-9 a user manager sets another user's preference within their ceiling (PP-5)", () => {
        given(paymentProfile, team)
          .when(setEmailPreference(buyer.email, 'all', { actor: manager }))
          .then([emailPreferenceChanged(buyer.email, 'administrative', 'all', { by: manager.id })]);
        given(paymentProfile, withDeputy)
          .when(setEmailPreference(deputy.email, 'none', { actor: manager }))
          .thenRefuses('UserAboveCeiling');
        given(paymentProfile, team)
          .when(setEmailPreference(manager.email, 'none', { actor: buyer }))
          .thenRefuses('NotAllowedToManageUsers');
      });

      it('PP-3 an e-mail-only user cannot sign in, so cannot set even their own preference', () => {
        const history = [...team, ...joined(newcomer, [], { hasAccount: false })];
        given(paymentProfile, history)
          .when(setEmailPreference(newcomer.email, 'none', { actor: newcomer }))
          .thenRefuses('NotAllowedToManageUsers');
      });
    });
  });
});
