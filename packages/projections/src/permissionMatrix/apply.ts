import { put, remove, type Recorded, type RowChange, type Rows } from '@dossier/core';
import type { ProfileId } from '@dossier/domain';
import { absurd } from 'fp-ts/lib/function.js';
import {
  pendingGroup,
  positionText,
  profilesGroup,
  streamsGroup,
  usersGroup,
  type PendingRow,
  type ProfileRow,
  type UserRow,
} from './rows.js';
import type { MatrixEvent, MatrixUser } from './state.js';

type Of<T extends MatrixEvent['type']> = Recorded<Extract<MatrixEvent, { readonly type: T }>>;
type Rest = Recorded<Exclude<MatrixEvent, { readonly type: 'ProfileCreated' }>>;

const created = (rows: Rows, event: Of<'ProfileCreated'>): ReadonlyArray<RowChange> => {
  if (rows.get(streamsGroup, event.stream) !== undefined) return [];
  const { data } = event;
  const profile: ProfileRow = {
    profileId: data.profileId,
    kind: data.kind,
    seller: data.seller,
    name: data.name,
    primaryContact: data.email,
  };
  // PP-10, PP-6, PP-9: the creator is the first admin and the primary contact, with all e-mail.
  const creator: UserRow = {
    since: positionText(event.position),
    user: {
      email: data.email,
      userId: data.by,
      hasAccount: true,
      permissions: ['admin'],
      emailPreference: 'all',
    },
  };
  return [
    put(profilesGroup, data.profileId, profile),
    put(streamsGroup, event.stream, data.profileId),
    put(usersGroup(data.profileId), data.email, creator),
  ];
};

const activated = (
  id: ProfileId,
  { data, position }: Of<'InvitedUserActivated'>,
): ReadonlyArray<RowChange> => {
  const user: UserRow = {
    since: positionText(position),
    user: {
      email: data.email,
      userId: data.userId,
      ...(data.name === undefined ? {} : { name: data.name }),
      hasAccount: data.hasAccount,
      permissions: data.permissions,
      emailPreference: data.emailPreference,
    },
  };
  return [remove(pendingGroup(id), data.invitationId), put(usersGroup(id), data.email, user)]; // IN-4
};

const invited = (id: ProfileId, { data, position }: Of<'UserInvited'>): RowChange => {
  const row: PendingRow = {
    since: positionText(position),
    pending: {
      invitationId: data.invitationId,
      email: data.email,
      ...(data.name === undefined ? {} : { name: data.name }),
      permissions: data.permissions,
      emailPreference: data.emailPreference,
      invitedBy: data.by,
      invitedAt: data.at,
      cancellationRequested: false,
    },
  };
  return put(pendingGroup(id), data.invitationId, row); // PP-8
};

const updateUser = (rows: Rows, id: ProfileId, email: string, update: Partial<MatrixUser>) => {
  const row = rows.get(usersGroup(id), email) as UserRow | undefined;
  return row === undefined ? [] : [put(usersGroup(id), email, { ...row, user: { ...row.user, ...update } })];
};

const updateProfile = (profile: ProfileRow, update: Partial<ProfileRow>): ReadonlyArray<RowChange> => [
  put(profilesGroup, profile.profileId, { ...profile, ...update }),
];

const changed = (rows: Rows, profile: ProfileRow, event: Rest): ReadonlyArray<RowChange> => {
  const id = profile.profileId;
  switch (event.type) {
    case 'ProfileDetailsChanged':
      return event.data.changes.name === undefined
        ? []
        : updateProfile(profile, { name: event.data.changes.name });
    case 'UserInvited':
      return [invited(id, event)];
    case 'InvitationCancellationRequested': {
      const row = rows.get(pendingGroup(id), event.data.invitationId) as PendingRow | undefined;
      if (row === undefined) return [];
      const pending = { ...row.pending, cancellationRequested: true };
      return [put(pendingGroup(id), event.data.invitationId, { ...row, pending })];
    }
    case 'InvitedUserActivated':
      return activated(id, event);
    case 'PendingUserWithdrawn':
      return rows.get(pendingGroup(id), event.data.invitationId) === undefined
        ? []
        : [remove(pendingGroup(id), event.data.invitationId)];
    case 'PermissionsChanged':
      return updateUser(rows, id, event.data.email, { permissions: event.data.to });
    case 'UserRemoved': // PP-7
      return rows.get(usersGroup(id), event.data.email) === undefined
        ? []
        : [remove(usersGroup(id), event.data.email)];
    case 'PrimaryContactReassigned':
      return updateProfile(profile, { primaryContact: event.data.to }); // PP-6
    case 'EmailPreferenceChanged':
      return updateUser(rows, id, event.data.email, { emailPreference: event.data.to }); // PP-9
    default:
      return absurd(event);
  }
};

/** The changes one payment-profile event makes to the matrix: the rows of its profile it touches, and only those. */
export const applyToMatrix = (rows: Rows, event: Recorded<MatrixEvent>): ReadonlyArray<RowChange> => {
  if (event.type === 'ProfileCreated') return created(rows, event);
  const id = rows.get(streamsGroup, event.stream) as ProfileId | undefined;
  const profile = id === undefined ? undefined : (rows.get(profilesGroup, id) as ProfileRow | undefined);
  return profile === undefined ? [] : changed(rows, profile, event);
};
