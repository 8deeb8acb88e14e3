import * as E from 'fp-ts/lib/Either.js';
import { absurd } from 'fp-ts/lib/function.js';
import { isBefore, type Instant } from '../shared/instant.js';
import { samePermissions } from '../paymentProfile/permissions.js';
import { systemActor } from '../sagas/systemActor.js';
import type {
  AcceptInvitation,
  CancelInvitation,
  DeclineInvitation,
  ExpireInvitation,
  InvitationCommand,
  IssueInvitation,
  ResendInvitation,
} from './commands.js';
import {
  accountRequired,
  invitationAlreadyIssued,
  invitationExpired,
  invitationNotFound,
  invitationNotPending,
  invitationNotYetExpired,
  notTheInvitee,
  notTheProcessManager,
  type InvitationError,
} from './errors.js';
import type { InvitationEvent } from './events.js';
import { invitationExpiresAt, type InvitationState, type InvitationStatus } from './state.js';

type Decision = E.Either<InvitationError, ReadonlyArray<InvitationEvent>>;
type Pending = Extract<InvitationState, { readonly status: 'pending' }>;

/**
 * The pending invitation, or why it is not: not issued, or in a final state (IN-5). A repeat of the command that led to
 * `repeat` is answered with no events instead, so a second delivery changes nothing.
 */
const pending = (state: InvitationState, repeat?: InvitationStatus): E.Either<Decision, Pending> => {
  if (state.status === 'pending') return E.right(state);
  if (state.status === repeat) return E.left(E.right([]));
  return E.left(
    E.left(state.status === 'unissued' ? invitationNotFound : invitationNotPending(state.status)),
  );
};

/** IN-2: from 14 days after the last sending on, the invitation is expired, whether or not it has been marked so. */
const inTime = (state: Pending, at: Instant): E.Either<Decision, Pending> => {
  const expiresAt = invitationExpiresAt(state.sentAt);
  return isBefore(at, expiresAt) ? E.right(state) : E.left(E.left(invitationExpired(expiresAt)));
};

const decideWith = (check: E.Either<Decision, Pending>, then: (state: Pending) => Decision): Decision =>
  E.isLeft(check) ? check.left : then(check.right);

const sameInvitation = (
  c: IssueInvitation,
  s: Exclude<InvitationState, { readonly status: 'unissued' }>,
): boolean =>
  c.data.invitationId === s.invitationId &&
  c.data.profileId === s.profileId &&
  c.data.email === s.email &&
  c.data.name === s.name &&
  samePermissions(c.data.permissions, s.permissions) &&
  c.data.emailPreference === s.emailPreference &&
  c.data.issuedBy === s.issuedBy;

// IN-1: the profile decided who may invite whom; issuing the same invitation again (a redelivery) changes nothing.
const issue = (c: IssueInvitation, s: InvitationState): Decision => {
  if (s.status !== 'unissued')
    return sameInvitation(c, s) ? E.right([]) : E.left(invitationAlreadyIssued(s.invitationId));
  return E.right([{ type: 'InvitationIssued', data: { ...c.data, sentAt: c.at } }]);
};

// IN-3: resending restarts the 14-day window — but not once it has run out (IN-2). A request no later than the last
// sending (a late or repeated delivery) changes nothing, so the window never shrinks.
const resend = (c: ResendInvitation, s: InvitationState): Decision =>
  decideWith(pending(s), (p) => {
    if (!isBefore(p.sentAt, c.at)) return E.right([]);
    return decideWith(inTime(p, c.at), () =>
      E.right([{ type: 'InvitationResent', data: { by: c.data.requestedBy, at: c.at } }]),
    );
  });

// IN-4: only the invitee, signed in with the invited address (and an account if any permission is granted), within the
// window (IN-2); a second delivery changes nothing.
const accept = (c: AcceptInvitation, s: InvitationState): Decision =>
  decideWith(pending(s, 'accepted'), (p) => {
    if (c.actor.email !== p.email) return E.left(notTheInvitee(c.actor.id));
    return decideWith(inTime(p, c.at), () => {
      if (p.permissions.length > 0 && !c.data.hasAccount) return E.left(accountRequired(p.email)); // PP-4
      return E.right([
        {
          type: 'InvitationAccepted',
          data: {
            profileId: p.profileId,
            email: p.email,
            by: c.actor.id,
            hasAccount: c.data.hasAccount,
            at: c.at,
          },
        },
      ]);
    });
  });

// IN-2: the scheduler may mark it expired only once the window has passed.
const expire = (c: ExpireInvitation, s: InvitationState): Decision =>
  decideWith(pending(s, 'expired'), (p) => {
    const expiresAt = invitationExpiresAt(p.sentAt);
    if (isBefore(c.at, expiresAt)) return E.left(invitationNotYetExpired(expiresAt));
    return E.right([{ type: 'InvitationExpired', data: { profileId: p.profileId, at: c.at } }]);
  });

// IN-5: the profile checked that an admin (or a user manager within the ceiling) asked; an invitation whose window has
// passed is expired already (IN-2), and only the scheduler's ExpireInvitation applies to it.
const cancel = (c: CancelInvitation, s: InvitationState): Decision =>
  decideWith(pending(s, 'cancelled'), (p) =>
    decideWith(inTime(p, c.at), () =>
      E.right([
        { type: 'InvitationCancelled', data: { profileId: p.profileId, by: c.data.requestedBy, at: c.at } },
      ]),
    ),
  );

// IN-5: the invitee may decline while the invitation is pending and in time.
const decline = (c: DeclineInvitation, s: InvitationState): Decision =>
  decideWith(pending(s, 'declined'), (p) => {
    if (c.actor.email !== p.email) return E.left(notTheInvitee(c.actor.id));
    return decideWith(inTime(p, c.at), () =>
      E.right([{ type: 'InvitationDeclined', data: { profileId: p.profileId, by: c.actor.id, at: c.at } }]),
    );
  });

/**
 * Issuing, resending and cancelling carry out what the profile decided (who may invite, resend or cancel: IN-1, IN-3,
 * IN-5), so only the process manager issues them; anyone else would bypass the profile's checks.
 */
const byProcessManager = (command: InvitationCommand): boolean =>
  command.type === 'AcceptInvitation' ||
  command.type === 'DeclineInvitation' ||
  command.type === 'ExpireInvitation' ||
  command.actor.id === systemActor.id;

/** Decides an invitation command against the current state: events, or the reason for refusing. */
export const decide = (command: InvitationCommand, state: InvitationState): Decision => {
  if (!byProcessManager(command)) return E.left(notTheProcessManager(command.actor.id));
  switch (command.type) {
    case 'IssueInvitation':
      return issue(command, state);
    case 'ResendInvitation':
      return resend(command, state);
    case 'AcceptInvitation':
      return accept(command, state);
    case 'ExpireInvitation':
      return expire(command, state);
    case 'CancelInvitation':
      return cancel(command, state);
    case 'DeclineInvitation':
      return decline(command, state);
    default:
      return absurd(command);
  }
};
