import { describe, expect, it } from 'vitest';
import {
  invitationAccepted,
  invitationCancelled,
  invitationDeclined,
  invitationExpired,
  invitationIssued,
  invitationResent,
} from '../testing/invitationBuilders.js';
import { invitationId, manager, newcomer, owner, profileId } from '../testing/paymentProfileBuilders.js';
import { day } from '../testing/time.js';
import type { InvitationEvent } from './events.js';
import { evolve } from './evolve.js';
import { initialInvitationState, invitationExpiresAt, type InvitationState } from './state.js';

const replay = (events: ReadonlyArray<InvitationEvent>): InvitationState =>
  events.reduce(evolve, initialInvitationState);

const details = {
  invitationId: invitationId(),
  profileId: profileId(),
  email: newcomer.email,
  permissions: ['read'],
  emailPreference: 'administrative',
  issuedBy: owner.id,
} as const;

describe('Invitation', () => {
  describe('evolve', () => {
    it('IN-2 an issued invitation is pending, sent when it was issued', () => {
      expect(replay([invitationIssued({ sentAt: day(1) })])).toEqual({
        status: 'pending',
        ...details,
        sentAt: day(1),
      });
    });

    it('IN-3 a resend moves the last sending, and so the expiry', () => {
      const state = replay([invitationIssued(), invitationResent(day(9))]);
      expect(state).toEqual({ status: 'pending', ...details, sentAt: day(9) });
      expect(invitationExpiresAt(day(9))).toBe(day(23));
    });

    it('IN-4 an acceptance records who accepted and when', () => {
      expect(replay([invitationIssued(), invitationAccepted({ at: day(2) })])).toEqual({
        status: 'accepted',
        ...details,
        sentAt: day(0),
        acceptedBy: newcomer.id,
        acceptedAt: day(2),
      });
    });

    it('IN-5 expiry, cancellation and declining are recorded as final states', () => {
      expect(replay([invitationIssued(), invitationExpired(day(15))])).toMatchObject({
        status: 'expired',
        expiredAt: day(15),
      });
      expect(replay([invitationIssued(), invitationCancelled(day(3), manager.id)])).toMatchObject({
        status: 'cancelled',
        cancelledBy: manager.id,
        cancelledAt: day(3),
      });
      expect(replay([invitationIssued(), invitationDeclined(day(4))])).toMatchObject({
        status: 'declined',
        declinedAt: day(4),
      });
    });

    it('IN-5 is total and final: nothing moves an invitation out of a final state', () => {
      const declined = replay([invitationIssued(), invitationDeclined(day(4))]);
      for (const event of [
        invitationResent(day(5)),
        invitationAccepted(),
        invitationExpired(),
        invitationCancelled(),
      ]) {
        expect(evolve(declined, event)).toBe(declined);
      }
      expect(replay([invitationAccepted(), invitationResent(day(1))])).toEqual(initialInvitationState);
    });
  });
});
