import {
  paymentProfileStream,
  type Actor,
  type Email,
  type EmailPreference,
  type InviteUser,
  type PaymentProfileCommand,
  type Permission,
  type ProfileId,
  type UserId,
  type WithdrawalReason,
} from '@dossier/domain';
import type { Step } from './record.js';
import { day } from './supportCase.js';

// Local fixtures: the domain's builders in src/testing are not exported by package name.

export const person = (id: string, email: string): Actor => ({ id: id as UserId, email: email as Email });
export const owner = person('user-owner', 'owner@acme.example');
export const ana = person('user-ana', 'ana@example.com');
export const budi = person('user-budi', 'budi@example.com');
export const citra = person('user-citra', 'citra@example.com');
export const stranger = person('user-stranger', 'stranger@elsewhere.example');
/** The actor the invitation process manager uses. */
export const flow = person('system:invitation-flow', 'invitation-flow@system.dossier.invalid');

export const profileId = (id = 'profile-1'): ProfileId => id as ProfileId;
export const invitation = (id: string): InviteUser['data']['invitationId'] =>
  id as InviteUser['data']['invitationId'];

type Stamp = { readonly at?: ReturnType<typeof day>; readonly actor?: Actor };
const by = (s: Stamp, fallback: Actor = owner) => ({ at: s.at ?? day(0), actor: s.actor ?? fallback });

export const createProfile = (
  data: { readonly kind?: 'business' | 'individual'; readonly seller?: boolean; readonly name?: string } = {},
  s: Stamp = {},
  id = 'profile-1',
): PaymentProfileCommand => ({
  type: 'CreateProfile',
  ...by(s),
  data: {
    profileId: profileId(id),
    kind: data.kind ?? 'business',
    seller: data.seller ?? false,
    name: data.name ?? 'Acme Ltd',
  },
});
export const inviteUser = (
  who: Actor,
  permissions: ReadonlyArray<Permission>,
  invitationId: string,
  s: Stamp = {},
  emailPreference: EmailPreference = 'administrative',
): PaymentProfileCommand => ({
  type: 'InviteUser',
  ...by(s),
  data: { invitationId: invitation(invitationId), email: who.email, permissions, emailPreference },
});
export const activate = (
  who: Actor,
  invitationId: string,
  s: Stamp = {},
  hasAccount = true,
): PaymentProfileCommand => ({
  type: 'ActivateInvitedUser',
  ...by(s, flow),
  data: { invitationId: invitation(invitationId), userId: who.id, email: who.email, hasAccount },
});
export const withdraw = (
  invitationId: string,
  reason: WithdrawalReason,
  s: Stamp = {},
): PaymentProfileCommand => ({
  type: 'WithdrawPendingUser',
  ...by(s, flow),
  data: { invitationId: invitation(invitationId), reason },
});
export const requestResend = (invitationId: string, s: Stamp = {}): PaymentProfileCommand => ({
  type: 'RequestInvitationResend',
  ...by(s),
  data: { invitationId: invitation(invitationId) },
});
export const requestCancellation = (invitationId: string, s: Stamp = {}): PaymentProfileCommand => ({
  type: 'RequestInvitationCancellation',
  ...by(s),
  data: { invitationId: invitation(invitationId) },
});
export const changePermissions = (
  who: Actor,
  permissions: ReadonlyArray<Permission>,
  s: Stamp = {},
): PaymentProfileCommand => ({
  type: 'ChangePermissions',
  ...by(s),
  data: { email: who.email, permissions },
});
export const removeUser = (who: Actor, s: Stamp = {}, confirm = true): PaymentProfileCommand => ({
  type: 'RemoveUser',
  ...by(s),
  data: { email: who.email, confirm },
});
export const reassignPrimaryContact = (who: Actor, s: Stamp = {}): PaymentProfileCommand => ({
  type: 'ReassignPrimaryContact',
  ...by(s),
  data: { email: who.email },
});
export const setEmailPreference = (
  who: Actor,
  preference: EmailPreference,
  s: Stamp = {},
): PaymentProfileCommand => ({
  type: 'SetEmailPreference',
  ...by(s),
  data: { email: who.email, preference },
});
export const updateDetails = (
  changes: {
    readonly name?: string;
    readonly address?: string;
    readonly paymentMethods?: ReadonlyArray<string>;
  },
  s: Stamp = {},
): PaymentProfileCommand => ({ type: 'UpdateProfileDetails', ...by(s), data: { changes } });

/** Addresses a command to a profile's stream. */
export const toProfile = (command: PaymentProfileCommand, id = 'profile-1'): Step<PaymentProfileCommand> => ({
  stream: paymentProfileStream(profileId(id)),
  command,
});

/** Invites and activates `who` with `permissions`, under invitation `inv-<id>`. */
export const joins = (
  who: Actor,
  permissions: ReadonlyArray<Permission>,
  s: Stamp = {},
  profile = 'profile-1',
): ReadonlyArray<Step<PaymentProfileCommand>> => [
  toProfile(inviteUser(who, permissions, `inv-${who.id}`, s), profile),
  toProfile(activate(who, `inv-${who.id}`, s.at === undefined ? {} : { at: s.at }), profile),
];
