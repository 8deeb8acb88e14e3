import { describe, expect, it } from 'vitest';
import { given } from '../testing/given.js';
import {
  acceptInvitation,
  cancelInvitation,
  declineInvitation,
  expireInvitation,
  invitationAccepted,
  invitationCancelled,
  invitationDeclined,
  invitationExpired,
  invitationIssued,
  invitationResent,
  issueInvitation,
  resendInvitation,
} from '../testing/invitationBuilders.js';
import { email, manager, owner, stranger } from '../testing/paymentProfileBuilders.js';
import { day } from '../testing/time.js';
import type { InvitationCommand } from './commands.js';
import type { InvitationEvent } from './events.js';
import { invitation } from './index.js';

const issued: ReadonlyArray<InvitationEvent> = [invitationIssued()];
const accepted: ReadonlyArray<InvitationEvent> = [...issued, invitationAccepted({ at: day(1) })];
const expired: ReadonlyArray<InvitationEvent> = [...issued, invitationExpired(day(14))];
const cancelled: ReadonlyArray<InvitationEvent> = [...issued, invitationCancelled(day(1))];
const declined: ReadonlyArray<InvitationEvent> = [...issued, invitationDeclined(day(1))];
const finals = [
  ['accepted', accepted],
  ['expired', expired],
  ['cancelled', cancelled],
  ['declined', declined],
] as const;
const everyCommandButIssue: ReadonlyArray<InvitationCommand> = [
  resendInvitation({ at: day(2) }),
  acceptInvitation({ at: day(2) }),
  expireInvitation({ at: day(20) }),
  cancelInvitation({ at: day(2) }),
  declineInvitation({ at: day(2) }),
];

describe('Invitation', () => {
  describe('when unissued', () => {
    it('IN-1 the process manager issues it, sent at the instant of the command', () => {
      given(invitation, [])
        .when(issueInvitation({ name: 'Nina' }, { at: day(1) }))
        .then([invitationIssued({ name: 'Nina', sentAt: day(1) })]);
    });

    it('IN-1 only the process manager issues, resends or cancels, carrying out what the profile decided', () => {
      given(invitation, [])
        .when(issueInvitation({}, { actor: owner }))
        .thenRefuses('NotTheProcessManager');
      given(invitation, issued)
        .when(resendInvitation({ actor: owner, at: day(1) }))
        .thenRefuses('NotTheProcessManager');
      given(invitation, issued)
        .when(cancelInvitation({ actor: owner, at: day(1) }))
        .thenRefuses('NotTheProcessManager');
    });

    it('refuses every other command, since there is nothing to act on', () => {
      for (const command of everyCommandButIssue) {
        given(invitation, []).when(command).thenRefuses('InvitationNotFound');
      }
    });
  });

  describe('when pending', () => {
    it('IN-1 issuing the same invitation again changes nothing; issuing different data under its id is refused', () => {
      given(invitation, issued)
        .when(issueInvitation({}, { at: day(1) }))
        .then([]);
      given(invitation, issued)
        .when(issueInvitation({ permissions: ['read', 'admin'] }))
        .thenRefuses('InvitationAlreadyIssued');
      given(invitation, issued)
        .when(issueInvitation({ email: email('other@acme.example') }))
        .thenRefuses('InvitationAlreadyIssued');
    });

    it('IN-4 the invitee, signed in with the invited address, accepts', () => {
      given(invitation, issued)
        .when(acceptInvitation({ at: day(13, 23) }))
        .then([invitationAccepted({ at: day(13, 23) })]);
    });

    it('IN-4 only the invited person can accept', () => {
      const error = given(invitation, issued)
        .when(acceptInvitation({ actor: stranger, at: day(1) }))
        .thenRefuses('NotTheInvitee');
      expect(error.actor).toBe(stranger.id);
    });

    it('IN-4 an invitation carrying a permission needs an account to accept (PP-4); an e-mail-only one does not', () => {
      given(invitation, issued)
        .when(acceptInvitation({ hasAccount: false }))
        .thenRefuses('AccountRequired');
      given(invitation, [invitationIssued({ permissions: [] })])
        .when(acceptInvitation({ hasAccount: false }))
        .then([invitationAccepted({ hasAccount: false })]);
    });

    it('IN-2 cannot be accepted 14 days after it was sent, or later', () => {
      const error = given(invitation, issued)
        .when(acceptInvitation({ at: day(14) }))
        .thenRefuses('InvitationExpired');
      expect(error.expiredAt).toBe(day(14));
      given(invitation, issued)
        .when(acceptInvitation({ at: day(30) }))
        .thenRefuses('InvitationExpired');
    });

    it('IN-3 resending restarts the 14-day window', () => {
      given(invitation, [...issued, invitationResent(day(10))])
        .when(acceptInvitation({ at: day(20) }))
        .then([invitationAccepted({ at: day(20) })]);
      given(invitation, [...issued, invitationResent(day(10))])
        .when(acceptInvitation({ at: day(24) }))
        .thenRefuses('InvitationExpired');
    });

    it('IN-3 a pending invitation is resent, naming who asked', () => {
      given(invitation, issued)
        .when(resendInvitation({ at: day(5), by: manager.id }))
        .then([invitationResent(day(5), manager.id)]);
    });

    it('IN-3 a late or repeated resend, no later than the last sending, changes nothing: the window never shrinks', () => {
      const history = [...issued, invitationResent(day(10))];
      given(invitation, history)
        .when(resendInvitation({ at: day(10) }))
        .then([]);
      given(invitation, history)
        .when(resendInvitation({ at: day(6) }))
        .then([]);
    });

    it('IN-2 an invitation whose window has passed is not resent, even before the scheduler marks it', () => {
      given(invitation, issued)
        .when(resendInvitation({ at: day(14) }))
        .thenRefuses('InvitationExpired');
    });

    it('IN-2 the scheduler marks it expired only once 14 days have passed since the last sending', () => {
      const error = given(invitation, issued)
        .when(expireInvitation({ at: day(13, 23) }))
        .thenRefuses('InvitationNotYetExpired');
      expect(error.expiresAt).toBe(day(14));
      given(invitation, issued)
        .when(expireInvitation({ at: day(14) }))
        .then([invitationExpired(day(14))]);
      given(invitation, [...issued, invitationResent(day(3))])
        .when(expireInvitation({ at: day(15) }))
        .thenRefuses('InvitationNotYetExpired');
    });

    it('IN-5 the process manager cancels it for an admin, and the invitee can decline it', () => {
      given(invitation, issued)
        .when(cancelInvitation({ at: day(2), by: manager.id }))
        .then([invitationCancelled(day(2), manager.id)]);
      given(invitation, issued)
        .when(declineInvitation({ at: day(2) }))
        .then([invitationDeclined(day(2))]);
    });

    it('IN-5 only the invitee declines, and only in time (IN-2)', () => {
      given(invitation, issued)
        .when(declineInvitation({ actor: stranger }))
        .thenRefuses('NotTheInvitee');
      given(invitation, issued)
        .when(declineInvitation({ at: day(14) }))
        .thenRefuses('InvitationExpired');
    });

    it('IN-2 an invitation whose window has passed is expired, so it is no longer cancelled', () => {
      given(invitation, issued)
        .when(cancelInvitation({ at: day(15) }))
        .thenRefuses('InvitationExpired');
    });
  });

  describe('when final', () => {
    it('IN-4 a second delivery of the acceptance changes nothing', () => {
      given(invitation, accepted)
        .when(acceptInvitation({ at: day(2) }))
        .then([]);
    });

    it('IN-5 accepted, expired, cancelled and declined are final: every other command is refused, naming the status', () => {
      const repeats: Record<(typeof finals)[number][0], InvitationCommand['type']> = {
        accepted: 'AcceptInvitation',
        expired: 'ExpireInvitation',
        cancelled: 'CancelInvitation',
        declined: 'DeclineInvitation',
      };
      for (const [status, history] of finals) {
        for (const command of everyCommandButIssue.filter((c) => c.type !== repeats[status])) {
          const error = given(invitation, history).when(command).thenRefuses('InvitationNotPending');
          expect(error.status).toBe(status);
        }
      }
    });

    it('IN-5 repeating the command that ended it changes nothing (the scheduler and the process manager may redeliver)', () => {
      given(invitation, expired)
        .when(expireInvitation({ at: day(20) }))
        .then([]);
      given(invitation, cancelled)
        .when(cancelInvitation({ at: day(2) }))
        .then([]);
      given(invitation, declined)
        .when(declineInvitation({ at: day(2) }))
        .then([]);
    });

    it('IN-5 an expired invitation cannot be accepted (IN-2)', () => {
      given(invitation, expired)
        .when(acceptInvitation({ at: day(1) }))
        .thenRefuses('InvitationNotPending');
    });

    it('IN-1 issuing the same invitation again after it ended changes nothing', () => {
      for (const [, history] of finals) given(invitation, history).when(issueInvitation()).then([]);
    });
  });
});
