import type {
  AcceptInvitation,
  CancelInvitation,
  DeclineInvitation,
  ExpireInvitation,
  IssueInvitation,
  ResendInvitation,
} from '../invitation/commands.js';
import type {
  InvitationAccepted,
  InvitationCancelled,
  InvitationDeclined,
  InvitationExpired,
  InvitationIssued,
  InvitationResent,
} from '../invitation/events.js';
import { systemActor } from '../sagas/systemActor.js';
import type { Actor, UserId } from '../shared/ids.js';
import type { Instant } from '../shared/instant.js';
import { invitationId, newcomer, owner, profileId } from './paymentProfileBuilders.js';
import { day } from './time.js';

/** The scheduler that expires invitations. */
export const scheduler: Actor = { id: 'system:scheduler' as UserId, email: systemActor.email };

type CommandOptions = { readonly at?: Instant; readonly actor?: Actor };
const envelope = (options: CommandOptions, fallback: Actor) => ({
  at: options.at ?? day(0),
  actor: options.actor ?? fallback,
});

/** The process manager issues `inv-1` on `profile-1` for {@link newcomer}, with `read`, from {@link owner}. */
export const issueInvitation = (
  data: Partial<IssueInvitation['data']> = {},
  options: CommandOptions = {},
): IssueInvitation => ({
  type: 'IssueInvitation',
  ...envelope(options, systemActor),
  data: {
    invitationId: invitationId(),
    profileId: profileId(),
    email: newcomer.email,
    permissions: ['read'],
    emailPreference: 'administrative',
    issuedBy: owner.id,
    ...data,
  },
});
export const resendInvitation = (
  options: CommandOptions & { readonly by?: UserId } = {},
): ResendInvitation => ({
  type: 'ResendInvitation',
  ...envelope(options, systemActor),
  data: { requestedBy: options.by ?? owner.id },
});
/** {@link newcomer} accepts, signed in with an account unless told. */
export const acceptInvitation = (
  options: CommandOptions & { readonly hasAccount?: boolean } = {},
): AcceptInvitation => ({
  type: 'AcceptInvitation',
  ...envelope(options, newcomer),
  data: { hasAccount: options.hasAccount ?? true },
});
export const expireInvitation = (options: CommandOptions = {}): ExpireInvitation => ({
  type: 'ExpireInvitation',
  ...envelope(options, scheduler),
  data: {},
});
export const cancelInvitation = (
  options: CommandOptions & { readonly by?: UserId } = {},
): CancelInvitation => ({
  type: 'CancelInvitation',
  ...envelope(options, systemActor),
  data: { requestedBy: options.by ?? owner.id },
});
export const declineInvitation = (options: CommandOptions = {}): DeclineInvitation => ({
  type: 'DeclineInvitation',
  ...envelope(options, newcomer),
  data: {},
});

/** The InvitationIssued that the default {@link issueInvitation} produces, sent at day(0) unless told. */
export const invitationIssued = (data: Partial<InvitationIssued['data']> = {}): InvitationIssued => ({
  type: 'InvitationIssued',
  data: {
    invitationId: invitationId(),
    profileId: profileId(),
    email: newcomer.email,
    permissions: ['read'],
    emailPreference: 'administrative',
    issuedBy: owner.id,
    sentAt: day(0),
    ...data,
  },
});
export const invitationResent = (at: Instant, by: UserId = owner.id): InvitationResent => ({
  type: 'InvitationResent',
  data: { by, at },
});
export const invitationAccepted = (
  options: { readonly at?: Instant; readonly by?: UserId; readonly hasAccount?: boolean } = {},
): InvitationAccepted => ({
  type: 'InvitationAccepted',
  data: {
    profileId: profileId(),
    email: newcomer.email,
    by: options.by ?? newcomer.id,
    hasAccount: options.hasAccount ?? true,
    at: options.at ?? day(0),
  },
});
export const invitationExpired = (at: Instant = day(14)): InvitationExpired => ({
  type: 'InvitationExpired',
  data: { profileId: profileId(), at },
});
export const invitationCancelled = (at: Instant = day(0), by: UserId = owner.id): InvitationCancelled => ({
  type: 'InvitationCancelled',
  data: { profileId: profileId(), by, at },
});
export const invitationDeclined = (at: Instant = day(0), by: UserId = newcomer.id): InvitationDeclined => ({
  type: 'InvitationDeclined',
  data: { profileId: profileId(), by, at },
});
