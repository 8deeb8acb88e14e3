import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { InvitationId } from '../../invitation/ids.js';
import { systemActor } from '../../sagas/systemActor.js';
import type {
  ActivateInvitedUser,
  InviteUser,
  RequestInvitationCancellation,
  RequestInvitationResend,
  WithdrawPendingUser,
} from '../commands.js';
import {
  alreadyAUser,
  alreadyInvited,
  invitationCancellationPending,
  invitationIdInUse,
  invitationNoLongerPending,
  inviteeMismatch,
  notTheProcessManager,
  unknownInvitation,
  type PaymentProfileError,
} from '../errors.js';
import { normalisePermissions } from '../permissions.js';
import {
  pendingByEmail,
  pendingByInvitation,
  userByEmail,
  type PaymentProfileState,
  type PendingUser,
  type Profile,
} from '../state.js';
import {
  accountFor,
  atOrBelow,
  offeredHere,
  userManager,
  withinCeiling,
  withUsers,
  type Acting,
  type Decision,
} from './context.js';

const closedInvitation = (profile: Profile, invitationId: InvitationId) =>
  profile.closedInvitations.find((closed) => closed.invitationId === invitationId);

// IN-1, PP-5, PP-8: a user manager invites an address that is neither a user nor pending, with permissions this profile
// offers and the inviter holds; the invitee shows as pending and the process manager issues the Invitation.
export const inviteUser = (c: InviteUser, state: PaymentProfileState): Decision =>
  pipe(
    userManager(c, state),
    E.chain(({ profile, user }): Decision => {
      const { invitationId, email } = c.data;
      if (pendingByInvitation(profile, invitationId) !== undefined || closedInvitation(profile, invitationId))
        return E.left(invitationIdInUse(invitationId));
      if (userByEmail(profile, email) !== undefined) return E.left(alreadyAUser(email));
      const pending = pendingByEmail(profile, email);
      if (pending !== undefined) return E.left(alreadyInvited(email, pending.invitationId));
      const permissions = normalisePermissions(c.data.permissions);
      return pipe(
        offeredHere(profile, permissions),
        E.chain((wanted) => withinCeiling(user, wanted)),
        E.map(
          () =>
            [{ type: 'UserInvited', data: { ...c.data, permissions, by: c.actor.id, at: c.at } }] as const,
        ),
      );
    }),
  );

/**
 * The pending user of an invitation that a user manager may act on: the same rule as editing a user (PP-5), since the
 * pending user's permissions were granted within the issuer's ceiling.
 */
const pendingFor = (
  invitationId: InvitationId,
  { profile, user }: Acting,
): E.Either<PaymentProfileError, PendingUser> => {
  const closed = closedInvitation(profile, invitationId);
  if (closed !== undefined) return E.left(invitationNoLongerPending(closed));
  const pending = pendingByInvitation(profile, invitationId);
  if (pending === undefined) return E.left(unknownInvitation(invitationId));
  return E.map(() => pending)(atOrBelow(user, pending.email, pending.permissions));
};

// IN-3: resending is decided here (who may), and done by the Invitation (whether it still can).
export const requestInvitationResend = (c: RequestInvitationResend, state: PaymentProfileState): Decision =>
  pipe(
    userManager(c, state),
    E.chain((context) => pendingFor(c.data.invitationId, context)),
    E.chain((pending): Decision => {
      if (pending.cancellationRequested) return E.left(invitationCancellationPending(pending.invitationId));
      const data = { invitationId: pending.invitationId, email: pending.email, by: c.actor.id, at: c.at };
      return E.right([{ type: 'InvitationResendRequested', data }]);
    }),
  );

// IN-5: the user stays pending until the Invitation reports its final state, so an acceptance that crosses the
// cancellation still activates the user exactly once. Asking twice changes nothing.
export const requestInvitationCancellation = (
  c: RequestInvitationCancellation,
  state: PaymentProfileState,
): Decision =>
  pipe(
    userManager(c, state),
    E.chain((context) => pendingFor(c.data.invitationId, context)),
    E.map((pending) => {
      if (pending.cancellationRequested) return [];
      const data = { invitationId: pending.invitationId, email: pending.email, by: c.actor.id, at: c.at };
      return [{ type: 'InvitationCancellationRequested', data }] as const;
    }),
  );

/** Activation and withdrawal follow the Invitation's final state: only the process manager issues them (IN-4, IN-5). */
const fromProcessManager = (c: ActivateInvitedUser | WithdrawPendingUser) =>
  E.filterOrElse(
    () => c.actor.id === systemActor.id,
    () => notTheProcessManager(c.actor.id, c.type),
  );

const stillPending = (
  profile: Profile,
  invitationId: InvitationId,
  repeat: 'activated' | 'withdrawn',
): E.Either<PaymentProfileError, PendingUser | 'repeat'> => {
  const closed = closedInvitation(profile, invitationId);
  if (closed !== undefined)
    return closed.outcome === repeat ? E.right('repeat') : E.left(invitationNoLongerPending(closed));
  const pending = pendingByInvitation(profile, invitationId);
  return pending === undefined ? E.left(unknownInvitation(invitationId)) : E.right(pending);
};

// IN-4: the invitee becomes an active user with the invited permissions and preference, exactly once: a second
// delivery of the same activation changes nothing.
export const activateInvitedUser = (c: ActivateInvitedUser, state: PaymentProfileState): Decision =>
  pipe(
    withUsers(c, state),
    fromProcessManager(c),
    E.chain((profile) => stillPending(profile, c.data.invitationId, 'activated')),
    E.chain((pending): Decision => {
      if (pending === 'repeat') return E.right([]);
      if (pending.email !== c.data.email) return E.left(inviteeMismatch(pending.email, c.data.email));
      return E.map(() => [
        {
          type: 'InvitedUserActivated' as const,
          data: {
            invitationId: pending.invitationId,
            email: pending.email,
            userId: c.data.userId,
            hasAccount: c.data.hasAccount,
            ...(pending.name === undefined ? {} : { name: pending.name }),
            permissions: pending.permissions,
            emailPreference: pending.emailPreference,
            invitedBy: pending.invitedBy,
            at: c.at,
          },
        },
      ])(accountFor(pending.email, c.data.hasAccount, pending.permissions)); // PP-4
    }),
  );

// IN-5: an expired, cancelled or declined invitation never produces a user; a repeated withdrawal changes nothing.
export const withdrawPendingUser = (c: WithdrawPendingUser, state: PaymentProfileState): Decision =>
  pipe(
    withUsers(c, state),
    fromProcessManager(c),
    E.chain((profile) => stillPending(profile, c.data.invitationId, 'withdrawn')),
    E.map((pending) =>
      pending === 'repeat'
        ? []
        : ([
            {
              type: 'PendingUserWithdrawn',
              data: {
                invitationId: pending.invitationId,
                email: pending.email,
                reason: c.data.reason,
                at: c.at,
              },
            },
          ] as const),
    ),
  );
