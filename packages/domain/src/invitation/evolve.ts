import { absurd } from 'fp-ts/lib/function.js';
import type { InvitationEvent } from './events.js';
import type { InvitationState } from './state.js';

type Pending = Extract<InvitationState, { readonly status: 'pending' }>;

const fromPending = (state: InvitationState, next: (pending: Pending) => InvitationState): InvitationState =>
  state.status === 'pending' ? next(state) : state;

/** Folds one event into an invitation; it trusts the stream, so it is total and never refuses. */
export const evolve = (state: InvitationState, event: InvitationEvent): InvitationState => {
  switch (event.type) {
    case 'InvitationIssued':
      return { status: 'pending', ...event.data };
    case 'InvitationResent':
      return fromPending(state, (p) => ({ ...p, sentAt: event.data.at })); // IN-3
    case 'InvitationAccepted':
      return fromPending(state, (p) => ({
        ...p,
        status: 'accepted',
        acceptedBy: event.data.by,
        acceptedAt: event.data.at,
      }));
    case 'InvitationExpired':
      return fromPending(state, (p) => ({ ...p, status: 'expired', expiredAt: event.data.at }));
    case 'InvitationCancelled':
      return fromPending(state, (p) => ({
        ...p,
        status: 'cancelled',
        cancelledBy: event.data.by,
        cancelledAt: event.data.at,
      }));
    case 'InvitationDeclined':
      return fromPending(state, (p) => ({ ...p, status: 'declined', declinedAt: event.data.at }));
    default:
      return absurd(event);
  }
};
