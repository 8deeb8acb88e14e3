import type { Recorded } from '@dossier/core';
import type { Email } from '@dossier/domain';
import { absurd } from 'fp-ts/lib/function.js';
import type { MatrixEvent, MatrixProfile, MatrixUser, PermissionMatrixState } from './state.js';

type Of<T extends MatrixEvent['type']> = Recorded<Extract<MatrixEvent, { readonly type: T }>>;

const created = ({ data }: Of<'ProfileCreated'>): MatrixProfile => ({
  profileId: data.profileId,
  kind: data.kind,
  seller: data.seller,
  name: data.name,
  // PP-10, PP-6, PP-9: the creator is the first admin and the primary contact, with all e-mail.
  users: [
    { email: data.email, userId: data.by, hasAccount: true, permissions: ['admin'], emailPreference: 'all' },
  ],
  pending: [],
  primaryContact: data.email,
});

const activated = (profile: MatrixProfile, { data }: Of<'InvitedUserActivated'>): MatrixProfile => ({
  ...profile,
  pending: profile.pending.filter((p) => p.invitationId !== data.invitationId),
  users: [
    ...profile.users,
    {
      email: data.email,
      userId: data.userId,
      ...(data.name === undefined ? {} : { name: data.name }),
      hasAccount: data.hasAccount,
      permissions: data.permissions,
      emailPreference: data.emailPreference,
    },
  ],
});

const invited = (profile: MatrixProfile, { data }: Of<'UserInvited'>): MatrixProfile => ({
  ...profile,
  pending: [
    ...profile.pending,
    {
      invitationId: data.invitationId,
      email: data.email,
      ...(data.name === undefined ? {} : { name: data.name }),
      permissions: data.permissions,
      emailPreference: data.emailPreference,
      invitedBy: data.by,
      invitedAt: data.at,
      cancellationRequested: false,
    },
  ],
});

const updateUser = (profile: MatrixProfile, email: Email, update: Partial<MatrixUser>): MatrixProfile => ({
  ...profile,
  users: profile.users.map((user) => (user.email === email ? { ...user, ...update } : user)),
});

const nextProfile = (
  profile: MatrixProfile,
  event: Recorded<Exclude<MatrixEvent, { readonly type: 'ProfileCreated' }>>,
): MatrixProfile => {
  switch (event.type) {
    case 'ProfileDetailsChanged':
      return event.data.changes.name === undefined ? profile : { ...profile, name: event.data.changes.name };
    case 'UserInvited':
      return invited(profile, event); // PP-8
    case 'InvitationCancellationRequested':
      return {
        ...profile,
        pending: profile.pending.map((p) =>
          p.invitationId === event.data.invitationId ? { ...p, cancellationRequested: true } : p,
        ),
      };
    case 'InvitedUserActivated':
      return activated(profile, event); // IN-4
    case 'PendingUserWithdrawn':
      return {
        ...profile,
        pending: profile.pending.filter((p) => p.invitationId !== event.data.invitationId),
      };
    case 'PermissionsChanged':
      return updateUser(profile, event.data.email, { permissions: event.data.to });
    case 'UserRemoved':
      return { ...profile, users: profile.users.filter((user) => user.email !== event.data.email) }; // PP-7
    case 'PrimaryContactReassigned':
      return { ...profile, primaryContact: event.data.to }; // PP-6
    case 'EmailPreferenceChanged':
      return updateUser(profile, event.data.email, { emailPreference: event.data.to }); // PP-9
    default:
      return absurd(event);
  }
};

/** Folds one payment-profile event into the matrix, returning a new state. */
export const applyToMatrix = (
  state: PermissionMatrixState,
  event: Recorded<MatrixEvent>,
): PermissionMatrixState => {
  if (event.type === 'ProfileCreated') {
    if (state.streams[event.stream] !== undefined) return state;
    const profile = created(event);
    return {
      profiles: { ...state.profiles, [profile.profileId]: profile },
      streams: { ...state.streams, [event.stream]: profile.profileId },
    };
  }
  const id = state.streams[event.stream];
  const profile = id === undefined ? undefined : state.profiles[id];
  if (profile === undefined) return state;
  const next = nextProfile(profile, event);
  return next === profile ? state : { ...state, profiles: { ...state.profiles, [profile.profileId]: next } };
};
