import type { InvitationId } from '../invitation/ids.js';
import type {
  ActivateInvitedUser,
  ChangePermissions,
  CreateProfile,
  InviteUser,
  ProfileDetailsChanges,
  ReassignPrimaryContact,
  RemoveUser,
  RequestInvitationCancellation,
  RequestInvitationResend,
  SetEmailPreference,
  UpdateProfileDetails,
  WithdrawalReason,
  WithdrawPendingUser,
} from '../paymentProfile/commands.js';
import type {
  AdminsNotified,
  EmailPreferenceChanged,
  InvitationCancellationRequested,
  InvitationResendRequested,
  InvitedUserActivated,
  PaymentProfileEvent,
  PendingUserWithdrawn,
  PermissionsChanged,
  PrimaryContactReassigned,
  ProfileCreated,
  ProfileDetailsChanged,
  UserInvited,
  UserRemoved,
} from '../paymentProfile/events.js';
import type { ProfileId } from '../paymentProfile/ids.js';
import type { EmailPreference, Permission } from '../paymentProfile/permissions.js';
import { systemActor } from '../sagas/systemActor.js';
import type { Actor, Email, UserId } from '../shared/ids.js';
import type { Instant } from '../shared/instant.js';
import { day } from './time.js';

/** Test ids and people, typed. */
export const profileId = (id = 'profile-1'): ProfileId => id as ProfileId;
export const invitationId = (id = 'inv-1'): InvitationId => id as InvitationId;
export const email = (address: string): Email => address as Email;
export const actor = (id: string, address: string): Actor => ({ id: id as UserId, email: email(address) });

/** The creator of the profile: its first admin and primary contact. */
export const owner = actor('user-owner', 'owner@acme.example');
/** A second admin, once joined with {@link joined}. */
export const deputy = actor('user-deputy', 'deputy@acme.example');
/** A user manager (`manage-users`, `read`, `purchase`), once joined. */
export const manager = actor('user-manager', 'manager@acme.example');
/** A buyer (`read`, `purchase`), once joined. */
export const buyer = actor('user-buyer', 'buyer@acme.example');
/** Someone not yet on the profile: the default invitee. */
export const newcomer = actor('user-newcomer', 'newcomer@acme.example');
/** Someone who has nothing to do with the profile. */
export const stranger = actor('user-stranger', 'stranger@elsewhere.example');

type CommandOptions = { readonly at?: Instant; readonly actor?: Actor };
const envelope = (options: CommandOptions, fallback: Actor = owner) => ({
  at: options.at ?? day(0),
  actor: options.actor ?? fallback,
});

/** A business (not seller) profile `profile-1` named Acme Ltd, created by {@link owner} at day(0). */
export const createProfile = (
  data: Partial<CreateProfile['data']> = {},
  options: CommandOptions = {},
): CreateProfile => ({
  type: 'CreateProfile',
  ...envelope(options),
  data: { profileId: profileId(), kind: 'business', seller: false, name: 'Acme Ltd', ...data },
});
export const updateProfileDetails = (
  changes: ProfileDetailsChanges = { address: 'Jl. Sudirman 1, Jakarta' },
  options: CommandOptions = {},
): UpdateProfileDetails => ({ type: 'UpdateProfileDetails', ...envelope(options), data: { changes } });
/** {@link owner} invites {@link newcomer} with `read` and administrative e-mail as `inv-1`. */
export const inviteUser = (
  data: Partial<InviteUser['data']> = {},
  options: CommandOptions = {},
): InviteUser => ({
  type: 'InviteUser',
  ...envelope(options),
  data: {
    invitationId: invitationId(),
    email: newcomer.email,
    permissions: ['read'],
    emailPreference: 'administrative',
    ...data,
  },
});
export const requestInvitationResend = (
  id: InvitationId = invitationId(),
  options: CommandOptions = {},
): RequestInvitationResend => ({
  type: 'RequestInvitationResend',
  ...envelope(options),
  data: { invitationId: id },
});
export const requestInvitationCancellation = (
  id: InvitationId = invitationId(),
  options: CommandOptions = {},
): RequestInvitationCancellation => ({
  type: 'RequestInvitationCancellation',
  ...envelope(options),
  data: { invitationId: id },
});
/** The process manager activates {@link newcomer} (with an account) for `inv-1`. */
export const activateInvitedUser = (
  data: Partial<ActivateInvitedUser['data']> = {},
  options: CommandOptions = {},
): ActivateInvitedUser => ({
  type: 'ActivateInvitedUser',
  ...envelope(options, systemActor),
  data: {
    invitationId: invitationId(),
    userId: newcomer.id,
    email: newcomer.email,
    hasAccount: true,
    ...data,
  },
});
export const withdrawPendingUser = (
  reason: WithdrawalReason = 'expired',
  id: InvitationId = invitationId(),
  options: CommandOptions = {},
): WithdrawPendingUser => ({
  type: 'WithdrawPendingUser',
  ...envelope(options, systemActor),
  data: { invitationId: id, reason },
});
export const changePermissions = (
  target: Email,
  permissions: ReadonlyArray<Permission>,
  options: CommandOptions = {},
): ChangePermissions => ({
  type: 'ChangePermissions',
  ...envelope(options),
  data: { email: target, permissions },
});
export const removeUser = (target: Email, confirm = true, options: CommandOptions = {}): RemoveUser => ({
  type: 'RemoveUser',
  ...envelope(options),
  data: { email: target, confirm },
});
export const reassignPrimaryContact = (
  target: Email,
  options: CommandOptions = {},
): ReassignPrimaryContact => ({
  type: 'ReassignPrimaryContact',
  ...envelope(options),
  data: { email: target },
});
export const setEmailPreference = (
  target: Email,
  preference: EmailPreference,
  options: CommandOptions = {},
): SetEmailPreference => ({
  type: 'SetEmailPreference',
  ...envelope(options),
  data: { email: target, preference },
});

type EventOptions = { readonly at?: Instant; readonly by?: UserId };
const stamp = (options: EventOptions, fallback: Actor = owner) => ({
  by: options.by ?? fallback.id,
  at: options.at ?? day(0),
});

/** The ProfileCreated that the default {@link createProfile} produces. */
export const profileCreated = (data: Partial<ProfileCreated['data']> = {}): ProfileCreated => ({
  type: 'ProfileCreated',
  data: {
    profileId: profileId(),
    kind: 'business',
    seller: false,
    name: 'Acme Ltd',
    by: owner.id,
    email: owner.email,
    at: day(0),
    ...data,
  },
});
export const profileDetailsChanged = (
  changes: ProfileDetailsChanges,
  options: EventOptions = {},
): ProfileDetailsChanged => ({ type: 'ProfileDetailsChanged', data: { changes, ...stamp(options) } });
export const adminsNotified = (
  recipients: ReadonlyArray<Email>,
  change: ProfileDetailsChanges,
  options: EventOptions = {},
): AdminsNotified => ({ type: 'AdminsNotified', data: { recipients, change, ...stamp(options) } });
/** The UserInvited that the default {@link inviteUser} produces. */
export const userInvited = (data: Partial<UserInvited['data']> = {}): UserInvited => ({
  type: 'UserInvited',
  data: {
    invitationId: invitationId(),
    email: newcomer.email,
    permissions: ['read'],
    emailPreference: 'administrative',
    by: owner.id,
    at: day(0),
    ...data,
  },
});
export const invitationResendRequested = (
  id: InvitationId = invitationId(),
  invitee: Email = newcomer.email,
  options: EventOptions = {},
): InvitationResendRequested => ({
  type: 'InvitationResendRequested',
  data: { invitationId: id, email: invitee, ...stamp(options) },
});
export const invitationCancellationRequested = (
  id: InvitationId = invitationId(),
  invitee: Email = newcomer.email,
  options: EventOptions = {},
): InvitationCancellationRequested => ({
  type: 'InvitationCancellationRequested',
  data: { invitationId: id, email: invitee, ...stamp(options) },
});
/** The InvitedUserActivated for the default invitation, accepted by {@link newcomer}. */
export const invitedUserActivated = (
  data: Partial<InvitedUserActivated['data']> = {},
): InvitedUserActivated => ({
  type: 'InvitedUserActivated',
  data: {
    invitationId: invitationId(),
    email: newcomer.email,
    userId: newcomer.id,
    hasAccount: true,
    permissions: ['read'],
    emailPreference: 'administrative',
    invitedBy: owner.id,
    at: day(0),
    ...data,
  },
});
export const pendingUserWithdrawn = (
  reason: WithdrawalReason = 'expired',
  id: InvitationId = invitationId(),
  invitee: Email = newcomer.email,
  at: Instant = day(0),
): PendingUserWithdrawn => ({
  type: 'PendingUserWithdrawn',
  data: { invitationId: id, email: invitee, reason, at },
});
export const permissionsChanged = (
  target: Email,
  from: ReadonlyArray<Permission>,
  to: ReadonlyArray<Permission>,
  options: EventOptions = {},
): PermissionsChanged => ({
  type: 'PermissionsChanged',
  data: { email: target, from, to, ...stamp(options) },
});
export const userRemoved = (target: Actor, options: EventOptions = {}): UserRemoved => ({
  type: 'UserRemoved',
  data: { email: target.email, userId: target.id, ...stamp(options) },
});
export const primaryContactReassigned = (
  from: Email,
  to: Email,
  options: EventOptions = {},
): PrimaryContactReassigned => ({ type: 'PrimaryContactReassigned', data: { from, to, ...stamp(options) } });
export const emailPreferenceChanged = (
  target: Email,
  from: EmailPreference,
  to: EmailPreference,
  options: EventOptions = {},
): EmailPreferenceChanged => ({
  type: 'EmailPreferenceChanged',
  data: { email: target, from, to, ...stamp(options) },
});

/** How a person joined in a fixture: invited by whom, with which preference and account, under which invitation. */
export interface JoinOptions {
  readonly invitationId?: InvitationId;
  readonly by?: UserId;
  readonly emailPreference?: EmailPreference;
  readonly hasAccount?: boolean;
  readonly at?: Instant;
}

/** The two events by which `person` joined with `permissions`: invited (by the owner unless told), then activated. */
export const joined = (
  person: Actor,
  permissions: ReadonlyArray<Permission>,
  options: JoinOptions = {},
): readonly [UserInvited, InvitedUserActivated] => {
  const id = options.invitationId ?? invitationId(`inv-${person.id}`);
  const common = {
    invitationId: id,
    email: person.email,
    permissions,
    emailPreference: options.emailPreference ?? 'administrative',
    at: options.at ?? day(0),
  };
  return [
    userInvited({ ...common, by: options.by ?? owner.id }),
    invitedUserActivated({
      ...common,
      userId: person.id,
      hasAccount: options.hasAccount ?? true,
      invitedBy: options.by ?? owner.id,
    }),
  ];
};

/** A business profile with the owner (admin, primary contact), a user manager and a buyer. */
export const team: ReadonlyArray<PaymentProfileEvent> = [
  profileCreated(),
  ...joined(manager, ['read', 'purchase', 'manage-users']),
  ...joined(buyer, ['read', 'purchase']),
];
