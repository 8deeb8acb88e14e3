import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type {
  ChangePermissions,
  ReassignPrimaryContact,
  RemoveUser,
  SetEmailPreference,
} from '../commands.js';
import {
  adminRequired,
  lastAdminCannotLeave,
  notAllowedToManageUsers,
  primaryContactCannotBeRemoved,
  primaryContactGetsAllEmail,
  removalNotConfirmed,
  type PaymentProfileError,
} from '../errors.js';
import type { PaymentProfileEvent } from '../events.js';
import { managesUsers, normalisePermissions, samePermissions } from '../permissions.js';
import type { PaymentProfileState, ProfileUser } from '../state.js';
import {
  accountFor,
  acting,
  activeUser,
  atOrBelow,
  isLastAdmin,
  offeredHere,
  userManager,
  withinCeiling,
  withUsers,
  type Acting,
  type Decision,
} from './context.js';

// PP-3, PP-4, PP-5, PP-10: within the profile's offer, only for users with an account, only on users at or below the
// manager, only permissions the manager holds, and never taking `admin` from the last admin.
export const changePermissions = (c: ChangePermissions, state: PaymentProfileState): Decision =>
  pipe(
    userManager(c, state),
    E.bindTo('context'),
    E.bind('target', ({ context }) => activeUser(context.profile, c.data.email)),
    E.chain(({ context: { profile, user }, target }): Decision => {
      const to = normalisePermissions(c.data.permissions);
      return pipe(
        offeredHere(profile, to),
        E.chain(() => accountFor(target.email, target.hasAccount, to)),
        E.chain(() => atOrBelow(user, target.email, target.permissions)),
        E.chain(() => withinCeiling(user, to)),
        E.filterOrElse(
          () => to.includes('admin') || !isLastAdmin(profile, target),
          () => lastAdminCannotLeave(target.email),
        ),
        E.map(() =>
          samePermissions(target.permissions, to)
            ? []
            : ([
                {
                  type: 'PermissionsChanged',
                  data: { email: target.email, from: target.permissions, to, by: c.actor.id, at: c.at },
                },
              ] as const),
        ),
      );
    }),
  );

// PP-7: removal is permanent and needs `confirm: true`; PP-6: never the primary contact; PP-5: only users at or below
// the remover; PP-10: never the last admin. The address may be invited again later.
export const removeUser = (c: RemoveUser, state: PaymentProfileState): Decision =>
  pipe(
    userManager(c, state),
    E.filterOrElse(
      () => c.data.confirm === true,
      () => removalNotConfirmed(c.data.email),
    ),
    E.bindTo('context'),
    E.bind('target', ({ context }) => activeUser(context.profile, c.data.email)),
    E.chain(({ context: { profile, user }, target }): Decision => {
      if (target.email === profile.primaryContact) return E.left(primaryContactCannotBeRemoved(target.email));
      return pipe(
        atOrBelow(user, target.email, target.permissions),
        E.filterOrElse(
          () => !isLastAdmin(profile, target),
          () => lastAdminCannotLeave(target.email),
        ),
        E.map(() => [
          {
            type: 'UserRemoved' as const,
            data: { email: target.email, userId: target.userId, by: c.actor.id, at: c.at },
          },
        ]),
      );
    }),
  );

// PP-6: only an admin moves the role, and only to an active user (an e-mail-only user can still be contacted; a pending
// one cannot); PP-9: the new primary contact's preference becomes `all`, recorded as its own event.
export const reassignPrimaryContact = (c: ReassignPrimaryContact, state: PaymentProfileState): Decision =>
  pipe(
    withUsers(c, state),
    E.chain((profile) => acting(profile, c.actor)),
    E.filterOrElse(
      ({ user }) => user.permissions.includes('admin'),
      () => adminRequired(c.actor.id, c.type),
    ),
    E.bindTo('context'),
    E.bind('target', ({ context }) => activeUser(context.profile, c.data.email)),
    E.map(({ context: { profile }, target }): ReadonlyArray<PaymentProfileEvent> => {
      if (target.email === profile.primaryContact) return [];
      const by = c.actor.id;
      const reassigned: PaymentProfileEvent = {
        type: 'PrimaryContactReassigned',
        data: { from: profile.primaryContact, to: target.email, by, at: c.at },
      };
      if (target.emailPreference === 'all') return [reassigned];
      return [
        reassigned,
        {
          type: 'EmailPreferenceChanged',
          data: { email: target.email, from: target.emailPreference, to: 'all', by, at: c.at },
        },
      ];
    }),
  );

/**
 * Who may set a preference: a user who can sign in (holds a permission) sets their own; otherwise a user manager sets
 * it for a user at or below them (PP-5), as for any other edit of a user.
 */
const maySetPreferenceOf = (
  { user }: Acting,
  target: ProfileUser,
): E.Either<PaymentProfileError, ProfileUser> => {
  if (target.email === user.email && user.permissions.length > 0) return E.right(target);
  if (!managesUsers(user.permissions)) return E.left(notAllowedToManageUsers(user.userId));
  return E.map(() => target)(atOrBelow(user, target.email, target.permissions));
};

// PP-9: one preference per user; the primary contact always gets `all`.
export const setEmailPreference = (c: SetEmailPreference, state: PaymentProfileState): Decision =>
  pipe(
    withUsers(c, state),
    E.chain((profile) => acting(profile, c.actor)),
    E.bindTo('context'),
    E.bind('target', ({ context }) => activeUser(context.profile, c.data.email)),
    E.chain(({ context, target }): Decision => {
      const to = c.data.preference;
      return pipe(
        maySetPreferenceOf(context, target),
        E.filterOrElse(
          () => target.email !== context.profile.primaryContact || to === 'all',
          () => primaryContactGetsAllEmail(target.email),
        ),
        E.map(() =>
          target.emailPreference === to
            ? []
            : ([
                {
                  type: 'EmailPreferenceChanged',
                  data: { email: target.email, from: target.emailPreference, to, by: c.actor.id, at: c.at },
                },
              ] as const),
        ),
      );
    }),
  );
