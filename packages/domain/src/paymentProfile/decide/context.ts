import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { Actor, Email } from '../../shared/ids.js';
import type { PaymentProfileCommand } from '../commands.js';
import {
  grantExceedsCeiling,
  individualProfileHasNoUsers,
  notAProfileUser,
  notAllowedToManageUsers,
  notAUser,
  permissionNeedsAccount,
  permissionNotOnThisProfile,
  profileNotFound,
  userAboveCeiling,
  userIsPending,
  type PaymentProfileError,
} from '../errors.js';
import type { PaymentProfileEvent } from '../events.js';
import { beyond, managesUsers, offers, type Permission } from '../permissions.js';
import {
  pendingByEmail,
  userByEmail,
  type PaymentProfileState,
  type Profile,
  type ProfileUser,
} from '../state.js';

/** What every decision returns. */
export type Decision = E.Either<PaymentProfileError, ReadonlyArray<PaymentProfileEvent>>;

/** A created profile and the active user who issues the command. */
export interface Acting {
  readonly profile: Profile;
  readonly user: ProfileUser;
}

/** The created profile, or `ProfileNotFound`. */
export const created = (state: PaymentProfileState): E.Either<PaymentProfileError, Profile> =>
  state.status === 'created' ? E.right(state) : E.left(profileNotFound);

/**
 * The acting user: the active user whose address and user id are the actor's. Pending users and strangers are not
 * profile users, and so hold nothing.
 */
export const acting = (profile: Profile, actor: Actor): E.Either<PaymentProfileError, Acting> => {
  const user = profile.users.find((u) => u.email === actor.email && u.userId === actor.id);
  return user === undefined ? E.left(notAProfileUser(actor.id)) : E.right({ profile, user });
};

/** PP-1: an individual profile cannot add or remove users, change permissions or otherwise manage its users. */
export const withUsers = (
  command: PaymentProfileCommand,
  state: PaymentProfileState,
): E.Either<PaymentProfileError, Profile> =>
  pipe(
    created(state),
    E.filterOrElse(
      (profile) => profile.kind === 'business',
      () => individualProfileHasNoUsers(command.type),
    ),
  );

/** A business profile and its acting user, who must hold `admin` or `manage-users` (PP-1, PP-5). */
export const userManager = (
  command: PaymentProfileCommand,
  state: PaymentProfileState,
): E.Either<PaymentProfileError, Acting> =>
  pipe(
    withUsers(command, state),
    E.chain((profile) => acting(profile, command.actor)),
    E.filterOrElse(
      ({ user }) => managesUsers(user.permissions),
      () => notAllowedToManageUsers(command.actor.id),
    ),
  );

/** The active user with this address; a pending one is named as such (PP-8). */
export const activeUser = (profile: Profile, email: Email): E.Either<PaymentProfileError, ProfileUser> => {
  const user = userByEmail(profile, email);
  if (user !== undefined) return E.right(user);
  const pending = pendingByEmail(profile, email);
  return E.left(pending === undefined ? notAUser(email) : userIsPending(email, pending.invitationId));
};

/** PP-3: every permission must exist on this profile (no `edit-profile` on business, seller ones on sellers only). */
export const offeredHere = (
  profile: Profile,
  wanted: ReadonlyArray<Permission>,
): E.Either<PaymentProfileError, ReadonlyArray<Permission>> => {
  const missing = wanted.find((permission) => !offers(profile, permission));
  return missing === undefined ? E.right(wanted) : E.left(permissionNotOnThisProfile(missing));
};

/** PP-5: a user can grant only the permissions they hold themselves (admin holds them all). */
export const withinCeiling = (
  granter: ProfileUser,
  wanted: ReadonlyArray<Permission>,
): E.Either<PaymentProfileError, ReadonlyArray<Permission>> => {
  const excess = beyond(granter.permissions, wanted);
  return excess.length === 0 ? E.right(wanted) : E.left(grantExceedsCeiling(excess));
};

/** PP-5: a user can edit or remove only users whose permissions are the same as or below their own. */
export const atOrBelow = (
  manager: ProfileUser,
  email: Email,
  targetPermissions: ReadonlyArray<Permission>,
): E.Either<PaymentProfileError, ReadonlyArray<Permission>> => {
  const excess = beyond(manager.permissions, targetPermissions);
  return excess.length === 0 ? E.right(targetPermissions) : E.left(userAboveCeiling(email, excess));
};

/** PP-4: every permission needs an account; an e-mail-only user (no permissions) needs none. */
export const accountFor = (
  email: Email,
  hasAccount: boolean,
  wanted: ReadonlyArray<Permission>,
): E.Either<PaymentProfileError, ReadonlyArray<Permission>> =>
  wanted.length === 0 || hasAccount ? E.right(wanted) : E.left(permissionNeedsAccount(email));

/** Whether the user is the only active admin of the profile (PP-10). */
export const isLastAdmin = (profile: Profile, user: ProfileUser): boolean =>
  user.permissions.includes('admin') &&
  profile.users.every((other) => other.email === user.email || !other.permissions.includes('admin'));
