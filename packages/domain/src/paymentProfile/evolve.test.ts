import { describe, expect, it } from 'vitest';
import {
  adminsNotified,
  buyer,
  emailPreferenceChanged,
  invitationCancellationRequested,
  invitationResendRequested,
  invitationId,
  invitedUserActivated,
  manager,
  newcomer,
  owner,
  pendingUserWithdrawn,
  permissionsChanged,
  primaryContactReassigned,
  profileCreated,
  profileDetailsChanged,
  team,
  userInvited,
  userRemoved,
} from '../testing/paymentProfileBuilders.js';
import { day } from '../testing/time.js';
import type { PaymentProfileEvent } from './events.js';
import { evolve } from './evolve.js';
import { initialPaymentProfileState, type PaymentProfileState } from './state.js';

const replay = (events: ReadonlyArray<PaymentProfileEvent>): PaymentProfileState =>
  events.reduce(evolve, initialPaymentProfileState);

const created = (events: ReadonlyArray<PaymentProfileEvent>) => {
  const state = replay(events);
  if (state.status !== 'created') throw new Error('expected a created profile');
  return state;
};

describe('PaymentProfile', () => {
  describe('evolve', () => {
    it('PP-10 a created profile has its creator as sole admin user and primary contact, with all e-mail (PP-9)', () => {
      expect(replay([profileCreated({ address: 'Jl. Sudirman 1', language: 'id' })])).toEqual({
        status: 'created',
        profileId: 'profile-1',
        kind: 'business',
        seller: false,
        details: { name: 'Acme Ltd', address: 'Jl. Sudirman 1', language: 'id', paymentMethods: [] },
        users: [
          {
            email: owner.email,
            userId: owner.id,
            hasAccount: true,
            permissions: ['admin'],
            emailPreference: 'all',
          },
        ],
        pending: [],
        primaryContact: owner.email,
        closedInvitations: [],
      });
    });

    it('PP-2 merges changed details and leaves the rest', () => {
      const profile = created([
        profileCreated({ taxNumber: '1' }),
        profileDetailsChanged({ name: 'Acme Tbk', paymentMethods: ['visa-4242'] }),
      ]);
      expect(profile.details).toEqual({ name: 'Acme Tbk', taxNumber: '1', paymentMethods: ['visa-4242'] });
    });

    it('notifications and resend requests leave the state as it was', () => {
      const before = created([...team, userInvited()]);
      expect(evolve(before, adminsNotified([owner.email], { language: 'id' }))).toBe(before);
      expect(evolve(before, invitationResendRequested())).toBe(before);
    });

    it('PP-8 an invited address is pending, flagged once its cancellation is requested', () => {
      const profile = created([...team, userInvited({ at: day(1) }), invitationCancellationRequested()]);
      expect(profile.pending).toEqual([
        {
          invitationId: invitationId(),
          email: newcomer.email,
          permissions: ['read'],
          emailPreference: 'administrative',
          invitedBy: owner.id,
          invitedAt: day(1),
          cancellationRequested: true,
        },
      ]);
    });

    it('IN-4 an activation turns the pending user into an active one and remembers the invitation', () => {
      const profile = created([...team, userInvited(), invitedUserActivated()]);
      expect(profile.pending).toEqual([]);
      expect(profile.users.map((u) => u.email)).toEqual([
        owner.email,
        manager.email,
        buyer.email,
        newcomer.email,
      ]);
      expect(profile.closedInvitations).toContainEqual({
        invitationId: invitationId(),
        outcome: 'activated',
      });
    });

    it('IN-5 a withdrawal drops the pending user and remembers the invitation', () => {
      const profile = created([...team, userInvited(), pendingUserWithdrawn('declined')]);
      expect(profile.pending).toEqual([]);
      expect(profile.users.map((u) => u.email)).not.toContain(newcomer.email);
      expect(profile.closedInvitations).toContainEqual({
        invitationId: invitationId(),
        outcome: 'withdrawn',
      });
    });

    it('applies permission changes, removals, reassignment and preferences to the named user', () => {
      const profile = created([
        ...team,
        permissionsChanged(buyer.email, ['read', 'purchase'], ['read']),
        primaryContactReassigned(owner.email, buyer.email),
        emailPreferenceChanged(buyer.email, 'administrative', 'all'),
        userRemoved(manager),
      ]);
      expect(profile.users).toEqual([
        {
          email: owner.email,
          userId: owner.id,
          hasAccount: true,
          permissions: ['admin'],
          emailPreference: 'all',
        },
        {
          email: buyer.email,
          userId: buyer.id,
          hasAccount: true,
          permissions: ['read'],
          emailPreference: 'all',
        },
      ]);
      expect(profile.primaryContact).toBe(buyer.email);
    });

    it('is total: an event before creation leaves the profile absent', () => {
      expect(replay([userInvited(), userRemoved(buyer), profileDetailsChanged({ name: 'x' })])).toEqual(
        initialPaymentProfileState,
      );
    });
  });
});
