import type * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { decodeWith, type DecodeFailed } from '../shared/decoding.js';
import { EmailCodec, UserIdCodec } from '../shared/ids.js';
import { InstantCodec } from '../shared/instant.js';
import { InvitationIdCodec } from '../invitation/ids.js';
import { byType, record } from './codecKit.js';
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
} from './events.js';
import { ProfileIdCodec } from './ids.js';
import type { ProfileDetailsChanges } from './commands.js';
import {
  EmailPreferenceCodec,
  PermissionCodec,
  ProfileKindCodec,
  WithdrawalReasonCodec,
} from './valueCodecs.js';

const who = { by: UserIdCodec, at: InstantCodec };
const event = <T extends string, D extends t.Mixed>(type: T, data: D) =>
  t.strict({ type: t.literal(type), data });

/** Codec for {@link ProfileDetailsChanges}. */
export const ProfileDetailsChangesCodec: t.Type<ProfileDetailsChanges, unknown> = record(
  {},
  {
    name: t.string,
    address: t.string,
    taxNumber: t.string,
    language: t.string,
    paymentMethods: t.readonlyArray(t.string),
  },
);

const PermissionsCodec = t.readonlyArray(PermissionCodec);

/** Codec for {@link ProfileCreated}. */
export const ProfileCreatedCodec: t.Type<ProfileCreated, unknown> = event(
  'ProfileCreated',
  record(
    {
      profileId: ProfileIdCodec,
      kind: ProfileKindCodec,
      seller: t.boolean,
      name: t.string,
      email: EmailCodec,
      ...who,
    },
    { address: t.string, taxNumber: t.string, language: t.string },
  ),
);

/** Codec for {@link ProfileDetailsChanged}. */
export const ProfileDetailsChangedCodec: t.Type<ProfileDetailsChanged, unknown> = event(
  'ProfileDetailsChanged',
  record({ changes: ProfileDetailsChangesCodec, ...who }, {}),
);

/** Codec for {@link AdminsNotified}. */
export const AdminsNotifiedCodec: t.Type<AdminsNotified, unknown> = event(
  'AdminsNotified',
  record({ recipients: t.readonlyArray(EmailCodec), change: ProfileDetailsChangesCodec, ...who }, {}),
);

/** Codec for {@link UserInvited}. */
export const UserInvitedCodec: t.Type<UserInvited, unknown> = event(
  'UserInvited',
  record(
    {
      invitationId: InvitationIdCodec,
      email: EmailCodec,
      permissions: PermissionsCodec,
      emailPreference: EmailPreferenceCodec,
      ...who,
    },
    { name: t.string },
  ),
);

/** Codec for {@link InvitationResendRequested}. */
export const InvitationResendRequestedCodec: t.Type<InvitationResendRequested, unknown> = event(
  'InvitationResendRequested',
  record({ invitationId: InvitationIdCodec, email: EmailCodec, ...who }, {}),
);

/** Codec for {@link InvitationCancellationRequested}. */
export const InvitationCancellationRequestedCodec: t.Type<InvitationCancellationRequested, unknown> = event(
  'InvitationCancellationRequested',
  record({ invitationId: InvitationIdCodec, email: EmailCodec, ...who }, {}),
);

/** Codec for {@link InvitedUserActivated}. */
export const InvitedUserActivatedCodec: t.Type<InvitedUserActivated, unknown> = event(
  'InvitedUserActivated',
  record(
    {
      invitationId: InvitationIdCodec,
      email: EmailCodec,
      userId: UserIdCodec,
      hasAccount: t.boolean,
      permissions: PermissionsCodec,
      emailPreference: EmailPreferenceCodec,
      invitedBy: UserIdCodec,
      at: InstantCodec,
    },
    { name: t.string },
  ),
);

/** Codec for {@link PendingUserWithdrawn}. */
export const PendingUserWithdrawnCodec: t.Type<PendingUserWithdrawn, unknown> = event(
  'PendingUserWithdrawn',
  record(
    { invitationId: InvitationIdCodec, email: EmailCodec, reason: WithdrawalReasonCodec, at: InstantCodec },
    {},
  ),
);

/** Codec for {@link PermissionsChanged}. */
export const PermissionsChangedCodec: t.Type<PermissionsChanged, unknown> = event(
  'PermissionsChanged',
  record({ email: EmailCodec, from: PermissionsCodec, to: PermissionsCodec, ...who }, {}),
);

/** Codec for {@link UserRemoved}. */
export const UserRemovedCodec: t.Type<UserRemoved, unknown> = event(
  'UserRemoved',
  record({ email: EmailCodec, userId: UserIdCodec, ...who }, {}),
);

/** Codec for {@link PrimaryContactReassigned}. */
export const PrimaryContactReassignedCodec: t.Type<PrimaryContactReassigned, unknown> = event(
  'PrimaryContactReassigned',
  record({ from: EmailCodec, to: EmailCodec, ...who }, {}),
);

/** Codec for {@link EmailPreferenceChanged}. */
export const EmailPreferenceChangedCodec: t.Type<EmailPreferenceChanged, unknown> = event(
  'EmailPreferenceChanged',
  record({ email: EmailCodec, from: EmailPreferenceCodec, to: EmailPreferenceCodec, ...who }, {}),
);

const eventCodecs = {
  ProfileCreated: ProfileCreatedCodec,
  ProfileDetailsChanged: ProfileDetailsChangedCodec,
  AdminsNotified: AdminsNotifiedCodec,
  UserInvited: UserInvitedCodec,
  InvitationResendRequested: InvitationResendRequestedCodec,
  InvitationCancellationRequested: InvitationCancellationRequestedCodec,
  InvitedUserActivated: InvitedUserActivatedCodec,
  PendingUserWithdrawn: PendingUserWithdrawnCodec,
  PermissionsChanged: PermissionsChangedCodec,
  UserRemoved: UserRemovedCodec,
  PrimaryContactReassigned: PrimaryContactReassignedCodec,
  EmailPreferenceChanged: EmailPreferenceChangedCodec,
} as const;

/** The type names of every payment-profile event. */
export const paymentProfileEventTypes = Object.keys(eventCodecs) as ReadonlyArray<
  PaymentProfileEvent['type']
>;

/** Codec for any {@link PaymentProfileEvent}: reads `type` first, then decodes with that event's codec. */
export const PaymentProfileEventCodec: t.Type<PaymentProfileEvent, unknown> = byType<PaymentProfileEvent>(
  'PaymentProfileEvent',
  eventCodecs,
);

/** Decodes a stored payment-profile event, naming the path and reason of each problem; never throws. */
export const decodePaymentProfileEvent: (input: unknown) => E.Either<DecodeFailed, PaymentProfileEvent> =
  decodeWith(PaymentProfileEventCodec, 'PaymentProfileEvent');
