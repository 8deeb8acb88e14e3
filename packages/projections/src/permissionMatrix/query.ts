import {
  holds,
  offers,
  permissions as allPermissions,
  type Email,
  type EmailPreference,
  type Permission,
  type ProfileId,
  type ProfileKind,
  type UserId,
} from '@dossier/domain';
import type { Rows } from '@dossier/core';
import {
  inArrival,
  pendingGroup,
  profilesGroup,
  usersGroup,
  type PendingRow,
  type ProfileRow,
  type UserRow,
} from './rows.js';
import type { MatrixPendingUser, MatrixUser } from './state.js';

/** One active user's row of the matrix. */
export interface MatrixRow {
  readonly email: Email;
  readonly userId: UserId;
  readonly name?: string;
  readonly hasAccount: boolean;
  /** The permissions as granted; `admin` stands alone for every permission (PP-3). */
  readonly granted: ReadonlyArray<Permission>;
  /** The profile's permissions this user holds: every one of them for an admin (PP-3). */
  readonly permissions: ReadonlyArray<Permission>;
  /** No permission: receives payment e-mails, cannot sign in (PP-3). */
  readonly emailOnly: boolean;
  readonly emailPreference: EmailPreference;
  /** Whether this user is the profile's one primary contact (PP-6). */
  readonly primaryContact: boolean;
}

/** A profile's users × permissions, pending users and primary contact. */
export interface ProfileMatrix {
  readonly profileId: ProfileId;
  readonly kind: ProfileKind;
  readonly seller: boolean;
  readonly name: string;
  /** The permissions this profile offers, in canonical order: the matrix's columns (PP-3). */
  readonly columns: ReadonlyArray<Permission>;
  readonly users: ReadonlyArray<MatrixRow>;
  /** Invited users who have not accepted yet, with their invitations (PP-8). */
  readonly pending: ReadonlyArray<MatrixPendingUser>;
  readonly primaryContact: Email;
}

/** The questions the user-permission matrix answers. */
export interface PermissionMatrixQueries {
  /** The whole matrix of one profile, or undefined for an unknown profile. */
  readonly profile: (profileId: ProfileId) => ProfileMatrix | undefined;
  /**
   * Whether the active user (by user id or e-mail address) holds the permission on the profile: admins hold every
   * permission the profile offers; pending, unknown and e-mail-only users hold none (PP-3, PP-8).
   */
  readonly can: (profileId: ProfileId, userIdOrEmail: string, permission: Permission) => boolean;
  /** The active users' rows of one profile, in the order they joined; empty for an unknown profile. */
  readonly users: (profileId: ProfileId) => ReadonlyArray<MatrixRow>;
  /** The profiles on record, by id. */
  readonly profileIds: () => ReadonlyArray<ProfileId>;
}

const columnsOf = (profile: ProfileRow): ReadonlyArray<Permission> =>
  allPermissions.filter((permission) => offers(profile, permission));

const rowOf = (profile: ProfileRow, user: MatrixUser): MatrixRow => ({
  ...user,
  granted: user.permissions,
  permissions: columnsOf(profile).filter((permission) => holds(user.permissions, permission)),
  emailOnly: user.permissions.length === 0,
  primaryContact: user.email === profile.primaryContact,
});

const findUser = (users: ReadonlyArray<MatrixUser>, userIdOrEmail: string): MatrixUser | undefined => {
  const address = userIdOrEmail.trim().toLowerCase();
  return users.find((user) => user.userId === userIdOrEmail || user.email === address);
};

/** The queries over the matrix's rows: each reads the rows of the one profile it is asked about. */
export const queryMatrix = (rows: Rows): PermissionMatrixQueries => {
  const profileRow = (profileId: ProfileId) => rows.get(profilesGroup, profileId) as ProfileRow | undefined;
  const activeUsers = (profileId: ProfileId): ReadonlyArray<MatrixUser> =>
    inArrival<UserRow>(rows.list(usersGroup(profileId))).map((row) => row.user);
  const users = (profileId: ProfileId): ReadonlyArray<MatrixRow> => {
    const profile = profileRow(profileId);
    return profile === undefined ? [] : activeUsers(profileId).map((user) => rowOf(profile, user));
  };
  return {
    profile: (profileId) => {
      const profile = profileRow(profileId);
      if (profile === undefined) return undefined;
      const pending: ReadonlyArray<MatrixPendingUser> = inArrival<PendingRow>(
        rows.list(pendingGroup(profileId)),
      ).map((row) => row.pending);
      return {
        profileId: profile.profileId,
        kind: profile.kind,
        seller: profile.seller,
        name: profile.name,
        columns: columnsOf(profile),
        users: users(profileId),
        pending,
        primaryContact: profile.primaryContact,
      };
    },
    can: (profileId, userIdOrEmail, permission) => {
      const profile = profileRow(profileId);
      const user = profile === undefined ? undefined : findUser(activeUsers(profileId), userIdOrEmail);
      return (
        profile !== undefined &&
        user !== undefined &&
        offers(profile, permission) &&
        holds(user.permissions, permission)
      );
    },
    users,
    profileIds: () =>
      (rows.list(profilesGroup) as ReadonlyArray<ProfileRow>).map((profile) => profile.profileId),
  };
};
