import type * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { commandCodec as command } from '../shared/commandCodec.js';
import { decodeWith, type DecodeFailed } from '../shared/decoding.js';
import { plainData } from '../shared/plainData.js';
import { EmailCodec, UserIdCodec } from '../shared/ids.js';
import { InvitationIdCodec } from '../invitation/ids.js';
import { ProfileDetailsChangesCodec } from './codecs.js';
import { byType, record } from './codecKit.js';
import type {
  ActivateInvitedUser,
  ChangePermissions,
  CreateProfile,
  InviteUser,
  PaymentProfileCommand,
  ReassignPrimaryContact,
  RemoveUser,
  RequestInvitationCancellation,
  RequestInvitationResend,
  SetEmailPreference,
  UpdateProfileDetails,
  WithdrawPendingUser,
} from './commands.js';
import { ProfileIdCodec } from './ids.js';
import {
  EmailPreferenceCodec,
  PermissionCodec,
  ProfileKindCodec,
  WithdrawalReasonCodec,
} from './valueCodecs.js';

/** Codec for {@link CreateProfile}. */
export const CreateProfileCodec: t.Type<CreateProfile, unknown> = command(
  'CreateProfile',
  record(
    { profileId: ProfileIdCodec, kind: ProfileKindCodec, seller: t.boolean, name: t.string },
    { address: t.string, taxNumber: t.string, language: t.string },
  ),
);

/** Codec for {@link UpdateProfileDetails}. */
export const UpdateProfileDetailsCodec: t.Type<UpdateProfileDetails, unknown> = command(
  'UpdateProfileDetails',
  record({ changes: ProfileDetailsChangesCodec }, {}),
);

/** Codec for {@link InviteUser}. */
export const InviteUserCodec: t.Type<InviteUser, unknown> = command(
  'InviteUser',
  record(
    {
      invitationId: InvitationIdCodec,
      email: EmailCodec,
      permissions: t.readonlyArray(PermissionCodec),
      emailPreference: EmailPreferenceCodec,
    },
    { name: t.string },
  ),
);

/** Codec for {@link RequestInvitationResend}. */
export const RequestInvitationResendCodec: t.Type<RequestInvitationResend, unknown> = command(
  'RequestInvitationResend',
  record({ invitationId: InvitationIdCodec }, {}),
);

/** Codec for {@link RequestInvitationCancellation}. */
export const RequestInvitationCancellationCodec: t.Type<RequestInvitationCancellation, unknown> = command(
  'RequestInvitationCancellation',
  record({ invitationId: InvitationIdCodec }, {}),
);

/** Codec for {@link ActivateInvitedUser}. */
export const ActivateInvitedUserCodec: t.Type<ActivateInvitedUser, unknown> = command(
  'ActivateInvitedUser',
  record(
    { invitationId: InvitationIdCodec, userId: UserIdCodec, email: EmailCodec, hasAccount: t.boolean },
    {},
  ),
);

/** Codec for {@link WithdrawPendingUser}. */
export const WithdrawPendingUserCodec: t.Type<WithdrawPendingUser, unknown> = command(
  'WithdrawPendingUser',
  record({ invitationId: InvitationIdCodec, reason: WithdrawalReasonCodec }, {}),
);

/** Codec for {@link ChangePermissions}. */
export const ChangePermissionsCodec: t.Type<ChangePermissions, unknown> = command(
  'ChangePermissions',
  record({ email: EmailCodec, permissions: t.readonlyArray(PermissionCodec) }, {}),
);

/** Codec for {@link RemoveUser}: `confirm` is a boolean, so that `false` reaches `decide` and is refused there (PP-7). */
export const RemoveUserCodec: t.Type<RemoveUser, unknown> = command(
  'RemoveUser',
  record({ email: EmailCodec, confirm: t.boolean }, {}),
);

/** Codec for {@link ReassignPrimaryContact}. */
export const ReassignPrimaryContactCodec: t.Type<ReassignPrimaryContact, unknown> = command(
  'ReassignPrimaryContact',
  record({ email: EmailCodec }, {}),
);

/** Codec for {@link SetEmailPreference}. */
export const SetEmailPreferenceCodec: t.Type<SetEmailPreference, unknown> = command(
  'SetEmailPreference',
  record({ email: EmailCodec, preference: EmailPreferenceCodec }, {}),
);

const commandCodecs = {
  CreateProfile: CreateProfileCodec,
  UpdateProfileDetails: UpdateProfileDetailsCodec,
  InviteUser: InviteUserCodec,
  RequestInvitationResend: RequestInvitationResendCodec,
  RequestInvitationCancellation: RequestInvitationCancellationCodec,
  ActivateInvitedUser: ActivateInvitedUserCodec,
  WithdrawPendingUser: WithdrawPendingUserCodec,
  ChangePermissions: ChangePermissionsCodec,
  RemoveUser: RemoveUserCodec,
  ReassignPrimaryContact: ReassignPrimaryContactCodec,
  SetEmailPreference: SetEmailPreferenceCodec,
} as const;

/** The type names of every payment-profile command. */
export const paymentProfileCommandTypes = Object.keys(commandCodecs) as ReadonlyArray<
  PaymentProfileCommand['type']
>;

/** Codec for any {@link PaymentProfileCommand}: reads `type` first, then decodes with that command's codec. */
export const PaymentProfileCommandCodec: t.Type<PaymentProfileCommand, unknown> = plainData(
  byType<PaymentProfileCommand>('PaymentProfileCommand', commandCodecs),
);

/**
 * Decodes an incoming command: a missing or unknown `type` is a problem at `type` listing the known ones; otherwise
 * that command's codec names the path and reason of each problem (`data.permissions.0`). Never throws.
 */
export const decodePaymentProfileCommand: (input: unknown) => E.Either<DecodeFailed, PaymentProfileCommand> =
  decodeWith(PaymentProfileCommandCodec, 'PaymentProfileCommand');
