import type * as t from 'io-ts';
import { oneOf } from './codecKit.js';
import {
  emailPreferences,
  permissions,
  type EmailPreference,
  type Permission,
  type ProfileKind,
} from './permissions.js';
import type { WithdrawalReason } from './commands.js';

/** Codec for {@link Permission}. */
export const PermissionCodec: t.Type<Permission, unknown, unknown> = oneOf('Permission', permissions);
/** Codec for {@link EmailPreference}. */
export const EmailPreferenceCodec: t.Type<EmailPreference, unknown, unknown> = oneOf(
  'EmailPreference',
  emailPreferences,
);
/** Codec for {@link ProfileKind}. */
export const ProfileKindCodec: t.Type<ProfileKind, unknown, unknown> = oneOf('ProfileKind', [
  'individual',
  'business',
]);
/** Codec for {@link WithdrawalReason}. */
export const WithdrawalReasonCodec: t.Type<WithdrawalReason, unknown, unknown> = oneOf('WithdrawalReason', [
  'expired',
  'cancelled',
  'declined',
]);
