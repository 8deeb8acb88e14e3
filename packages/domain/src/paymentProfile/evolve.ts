import { absurd } from 'fp-ts/lib/function.js';
import type { Email } from '../shared/ids.js';
import type { PaymentProfileEvent } from './events.js';
import type { PaymentProfileState, Profile, ProfileUser } from './state.js';

type Created = Extract<PaymentProfileState, { readonly status: 'created' }>;

const onProfile = (state: PaymentProfileState, next: (profile: Created) => Created): PaymentProfileState =>
  state.status === 'created' ? next(state) : state;

const updateUser = (profile: Created, email: Email, update: (user: ProfileUser) => ProfileUser): Created => ({
  ...profile,
  users: profile.users.map((user) => (user.email === email ? update(user) : user)),
});

const withoutPending = (profile: Created, invitationId: Profile['pending'][number]['invitationId']) =>
  profile.pending.filter((pending) => pending.invitationId !== invitationId);

/** Folds one event into a payment profile; it trusts the stream, so it is total and never refuses. */
export const evolve = (state: PaymentProfileState, event: PaymentProfileEvent): PaymentProfileState => {
  switch (event.type) {
    case 'ProfileCreated': {
      const { data } = event;
      return {
        status: 'created',
        profileId: data.profileId,
        kind: data.kind,
        seller: data.seller,
        details: {
          name: data.name,
          ...(data.address === undefined ? {} : { address: data.address }),
          ...(data.taxNumber === undefined ? {} : { taxNumber: data.taxNumber }),
          ...(data.language === undefined ? {} : { language: data.language }),
          paymentMethods: [],
        },
        // PP-10, PP-6, PP-9: the creator is the first admin and the primary contact, with all e-mail.
        users: [
          {
            email: data.email,
            userId: data.by,
            hasAccount: true,
            permissions: ['admin'],
            emailPreference: 'all',
          },
        ],
        pending: [],
        primaryContact: data.email,
        closedInvitations: [],
      };
    }
    case 'ProfileDetailsChanged':
      return onProfile(state, (p) => ({ ...p, details: { ...p.details, ...event.data.changes } }));
    case 'AdminsNotified':
    case 'InvitationResendRequested':
      return state;
    case 'UserInvited': {
      const { data } = event;
      return onProfile(state, (p) => ({
        ...p,
        pending: [
          ...p.pending,
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
      }));
    }
    case 'InvitationCancellationRequested':
      return onProfile(state, (p) => ({
        ...p,
        pending: p.pending.map((pending) =>
          pending.invitationId === event.data.invitationId
            ? { ...pending, cancellationRequested: true }
            : pending,
        ),
      }));
    case 'InvitedUserActivated': {
      const { data } = event;
      return onProfile(state, (p) => ({
        ...p,
        pending: withoutPending(p, data.invitationId),
        users: [
          ...p.users,
          {
            email: data.email,
            userId: data.userId,
            ...(data.name === undefined ? {} : { name: data.name }),
            hasAccount: data.hasAccount,
            permissions: data.permissions,
            emailPreference: data.emailPreference,
          },
        ],
        closedInvitations: [
          ...p.closedInvitations,
          { invitationId: data.invitationId, outcome: 'activated' },
        ],
      }));
    }
    case 'PendingUserWithdrawn':
      return onProfile(state, (p) => ({
        ...p,
        pending: withoutPending(p, event.data.invitationId),
        closedInvitations: [
          ...p.closedInvitations,
          { invitationId: event.data.invitationId, outcome: 'withdrawn' },
        ],
      }));
    case 'PermissionsChanged':
      return onProfile(state, (p) =>
        updateUser(p, event.data.email, (user) => ({ ...user, permissions: event.data.to })),
      );
    case 'UserRemoved':
      return onProfile(state, (p) => ({
        ...p,
        users: p.users.filter((user) => user.email !== event.data.email),
      }));
    case 'PrimaryContactReassigned':
      return onProfile(state, (p) => ({ ...p, primaryContact: event.data.to }));
    case 'EmailPreferenceChanged':
      return onProfile(state, (p) =>
        updateUser(p, event.data.email, (user) => ({ ...user, emailPreference: event.data.to })),
      );
    default:
      return absurd(event);
  }
};
