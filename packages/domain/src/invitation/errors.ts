import type { Email, UserId } from '../shared/ids.js';
import type { Instant } from '../shared/instant.js';
import type { InvitationId } from './ids.js';
import type { InvitationStatus } from './state.js';

/** Why an invitation command was refused. */
export type InvitationError =
  | { readonly _tag: 'InvitationNotFound' }
  | { readonly _tag: 'InvitationAlreadyIssued'; readonly invitationId: InvitationId }
  | { readonly _tag: 'InvitationNotPending'; readonly status: InvitationStatus }
  | { readonly _tag: 'InvitationExpired'; readonly expiredAt: Instant }
  | { readonly _tag: 'InvitationNotYetExpired'; readonly expiresAt: Instant }
  | { readonly _tag: 'NotTheInvitee'; readonly actor: UserId }
  | { readonly _tag: 'NotTheProcessManager'; readonly actor: UserId }
  | { readonly _tag: 'AccountRequired'; readonly email: Email };

export const invitationNotFound: InvitationError = { _tag: 'InvitationNotFound' };
export const invitationAlreadyIssued = (invitationId: InvitationId): InvitationError => ({
  _tag: 'InvitationAlreadyIssued',
  invitationId,
});
export const invitationNotPending = (status: InvitationStatus): InvitationError => ({
  _tag: 'InvitationNotPending',
  status,
});
export const invitationExpired = (expiredAt: Instant): InvitationError => ({
  _tag: 'InvitationExpired',
  expiredAt,
});
export const invitationNotYetExpired = (expiresAt: Instant): InvitationError => ({
  _tag: 'InvitationNotYetExpired',
  expiresAt,
});
export const notTheInvitee = (actor: UserId): InvitationError => ({ _tag: 'NotTheInvitee', actor });
export const notTheProcessManager = (actor: UserId): InvitationError => ({
  _tag: 'NotTheProcessManager',
  actor,
});
export const accountRequired = (email: Email): InvitationError => ({ _tag: 'AccountRequired', email });
