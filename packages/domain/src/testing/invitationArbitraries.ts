import fc from 'fast-check';
import type { InvitationCommand } from '../invitation/commands.js';
import type { InvitationEvent } from '../invitation/events.js';
import type { InvitationId } from '../invitation/ids.js';
import type { PaymentProfileCommand, ProfileDetailsChanges } from '../paymentProfile/commands.js';
import type { PaymentProfileEvent } from '../paymentProfile/events.js';
import type { ProfileId } from '../paymentProfile/ids.js';
import { emailPreferences, permissions, type Permission } from '../paymentProfile/permissions.js';
import type { Actor, Email, UserId } from '../shared/ids.js';
import { instantFromMillis, type Instant } from '../shared/instant.js';
import { scheduler } from './invitationBuilders.js';
import { actor } from './paymentProfileBuilders.js';
import { day } from './time.js';

// Small pools, so that commands collide: four people and an outsider, two profiles (one individual), six invitation ids.
/** The people who act: each may create, manage, be invited and accept. */
export const people: ReadonlyArray<Actor> = [
  actor('user-ayu', 'ayu@acme.example'),
  actor('user-budi', 'budi@acme.example'),
  actor('user-citra', 'citra@acme.example'),
  actor('user-dewi', 'dewi@acme.example'),
];
/** Someone outside the company, who may still be invited (for e-mail only, say). */
export const outsider = actor('user-kasir', 'kasir@toko.example');
/** Everybody who may sign in, by address. */
export const everyone: ReadonlyArray<Actor> = [...people, outsider];
/** The addresses commands name. */
export const addresses: ReadonlyArray<Email> = everyone.map((p) => p.email);
/** The individual profile of the pool. */
export const individualProfile = 'profile-home' as ProfileId;
/** The business profile of the pool (a seller profile or not, as its creation says). */
export const businessProfile = 'profile-acme' as ProfileId;
/** The invitation ids of the pool. */
export const invitationIds: ReadonlyArray<InvitationId> = [
  'inv-a',
  'inv-b',
  'inv-c',
  'inv-d',
  'inv-e',
  'inv-f',
] as InvitationId[];

const personArb = fc.constantFrom(...people);
const addressArb = fc.constantFrom(...addresses);
const invitationIdArb = fc.constantFrom(...invitationIds);
const permissionsArb: fc.Arbitrary<ReadonlyArray<Permission>> = fc.oneof(
  fc.subarray([...permissions], { maxLength: 3 }),
  fc.constantFrom<ReadonlyArray<Permission>>(
    [],
    ['read'],
    ['admin'],
    ['manage-users', 'read'],
    ['read', 'purchase'],
  ),
);
const preferenceArb = fc.constantFrom(...emailPreferences);
const optionalNameArb = fc.option(fc.constantFrom('Ayu', 'Budi S.', 'Ünïcödé'), { nil: undefined });
const at = day(0); // the runner stamps each command with its clock

const profileCommand = <C extends PaymentProfileCommand>(command: C): PaymentProfileCommand => command;

const changesArb: fc.Arbitrary<ProfileDetailsChanges> = fc
  .record(
    {
      name: fc.constantFrom('Acme Ltd', 'Acme Tbk', ''),
      address: fc.constantFrom('Jl. Sudirman 1', 'Jl. Thamrin 2'),
      taxNumber: fc.constantFrom('01.234', '09.876'),
      language: fc.constantFrom('id', 'en'),
      paymentMethods: fc.subarray(['visa-4242', 'bank-bca']),
    },
    { requiredKeys: [] },
  )
  .map((changes) => changes as ProfileDetailsChanges);

/** A payment-profile command from someone in the pool, for one of the two profiles. */
export const profileStepArb: fc.Arbitrary<{
  readonly profile: ProfileId;
  readonly command: PaymentProfileCommand;
}> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.tuple(fc.boolean(), personArb, fc.boolean()).map(([home, actor, seller]) => ({
      profile: home ? individualProfile : businessProfile,
      command: profileCommand({
        type: 'CreateProfile',
        at,
        actor,
        data: {
          profileId: home ? individualProfile : businessProfile,
          kind: home ? 'individual' : 'business',
          seller,
          name: home ? 'Ayu' : 'Acme Ltd',
        },
      }),
    })),
  },
  {
    weight: 12,
    arbitrary: fc
      .tuple(
        fc.constantFrom(
          businessProfile,
          businessProfile,
          businessProfile,
          businessProfile,
          businessProfile,
          individualProfile,
        ),
        personArb,
        fc.oneof(
          {
            weight: 1,
            arbitrary: changesArb.map((changes) => ({
              type: 'UpdateProfileDetails' as const,
              data: { changes },
            })),
          },
          {
            weight: 5,
            arbitrary: fc
              .tuple(invitationIdArb, addressArb, optionalNameArb, permissionsArb, preferenceArb)
              .map(([invitationId, email, name, permissions, emailPreference]) => ({
                type: 'InviteUser' as const,
                data: {
                  invitationId,
                  email,
                  ...(name === undefined ? {} : { name }),
                  permissions,
                  emailPreference,
                },
              })),
          },
          {
            weight: 1,
            arbitrary: invitationIdArb.map((invitationId) => ({
              type: 'RequestInvitationResend' as const,
              data: { invitationId },
            })),
          },
          {
            weight: 1,
            arbitrary: invitationIdArb.map((invitationId) => ({
              type: 'RequestInvitationCancellation' as const,
              data: { invitationId },
            })),
          },
          {
            weight: 4,
            arbitrary: fc.tuple(addressArb, permissionsArb).map(([email, permissions]) => ({
              type: 'ChangePermissions' as const,
              data: { email, permissions },
            })),
          },
          {
            weight: 2,
            arbitrary: fc
              .tuple(addressArb, fc.constantFrom(true, true, true, false))
              .map(([email, confirm]) => ({ type: 'RemoveUser' as const, data: { email, confirm } })),
          },
          {
            weight: 2,
            arbitrary: addressArb.map((email) => ({
              type: 'ReassignPrimaryContact' as const,
              data: { email },
            })),
          },
          {
            weight: 2,
            arbitrary: fc.tuple(addressArb, preferenceArb).map(([email, preference]) => ({
              type: 'SetEmailPreference' as const,
              data: { email, preference },
            })),
          },
          // Commands meant for the process manager, sent by a person: always refused (IN-4).
          {
            weight: 1,
            arbitrary: fc
              .tuple(invitationIdArb, personArb, fc.boolean())
              .map(([invitationId, who, hasAccount]) => ({
                type: 'ActivateInvitedUser' as const,
                data: { invitationId, userId: who.id, email: who.email, hasAccount },
              })),
          },
          {
            weight: 1,
            arbitrary: fc
              .tuple(
                invitationIdArb,
                fc.constantFrom('expired' as const, 'cancelled' as const, 'declined' as const),
              )
              .map(([invitationId, reason]) => ({
                type: 'WithdrawPendingUser' as const,
                data: { invitationId, reason },
              })),
          },
        ),
      )
      .map(([profile, actor, body]) => ({
        profile,
        command: { ...body, at, actor },
      })),
  },
);

/** An invitation command from the invitee side, the scheduler, or a person posing as the process manager. */
export const invitationStepArb: fc.Arbitrary<{
  readonly invitation: InvitationId;
  readonly command: InvitationCommand;
}> = fc
  .tuple(invitationIdArb, personArb, fc.constantFrom(true, true, false))
  .chain(([invitation, actor, hasAccount]) =>
    fc
      .constantFrom<InvitationCommand>(
        { type: 'AcceptInvitation', at, actor, data: { hasAccount } },
        { type: 'AcceptInvitation', at, actor, data: { hasAccount: true } },
        { type: 'DeclineInvitation', at, actor, data: {} },
        { type: 'ExpireInvitation', at, actor: scheduler, data: {} },
        { type: 'CancelInvitation', at, actor, data: { requestedBy: actor.id } },
        { type: 'ResendInvitation', at, actor, data: { requestedBy: actor.id } },
      )
      .map((command) => ({ invitation, command })),
  );

/**
 * One step of a run: a command, or the delivery (possibly repeated) of a waiting flow command; then `hours` pass.
 * `actorPick` makes a current user of the profile issue the command (the pick-th, modulo), `targetPick` makes it name a
 * current or pending user, and `asInvitee` makes the invitee of a pending invitation answer it, so that runs get
 * somewhere; without them the command goes as drawn.
 */
export type WorldStep =
  | {
      readonly kind: 'profile';
      readonly profile: ProfileId;
      readonly command: PaymentProfileCommand;
      readonly actorPick: number | undefined;
      readonly targetPick: number | undefined;
      readonly hours: number;
    }
  | {
      readonly kind: 'invitation';
      readonly invitation: InvitationId;
      readonly command: InvitationCommand;
      readonly asInvitee: boolean;
      readonly hours: number;
    }
  | { readonly kind: 'deliver'; readonly pick: number; readonly again: boolean; readonly hours: number };

const pickArb = fc.option(fc.nat(5), { nil: undefined, freq: 4 });
const hoursArb = fc.constantFrom(0, 0, 0, 0, 1, 1, 6, 24, 72, 360);

/** A step of a run, weighted so that invitations get issued, answered, delivered late and twice. */
export const worldStepArb: fc.Arbitrary<WorldStep> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(profileStepArb, pickArb, pickArb, hoursArb)
      .map(([s, actorPick, targetPick, hours]): WorldStep => ({
        kind: 'profile',
        ...s,
        actorPick,
        targetPick,
        hours,
      })),
  },
  {
    weight: 4,
    arbitrary: fc
      .tuple(invitationStepArb, fc.constantFrom(true, true, true, false), hoursArb)
      .map(([s, asInvitee, hours]): WorldStep => ({ kind: 'invitation', ...s, asInvitee, hours })),
  },
  {
    weight: 5,
    arbitrary: fc
      .tuple(fc.nat(7), fc.constantFrom(false, false, false, true), hoursArb)
      .map(([pick, again, hours]): WorldStep => ({ kind: 'deliver', pick, again, hours })),
  },
);

/** A run: both profiles created by someone from the pool, then random steps. */
export const worldRunArb: fc.Arbitrary<ReadonlyArray<WorldStep>> = fc
  .tuple(
    personArb,
    personArb,
    fc.boolean(),
    fc.array(worldStepArb, { minLength: 10, maxLength: 80, size: 'max' }),
  )
  .map(([home, acme, seller, steps]): ReadonlyArray<WorldStep> => [
    {
      kind: 'profile',
      profile: individualProfile,
      command: {
        type: 'CreateProfile',
        at,
        actor: home,
        data: { profileId: individualProfile, kind: 'individual', seller: false, name: 'Ayu' },
      },
      actorPick: undefined,
      targetPick: undefined,
      hours: 0,
    },
    {
      kind: 'profile',
      profile: businessProfile,
      command: {
        type: 'CreateProfile',
        at,
        actor: acme,
        data: { profileId: businessProfile, kind: 'business', seller, name: 'Acme Ltd' },
      },
      actorPick: undefined,
      targetPick: undefined,
      hours: 1,
    },
    ...steps,
  ]);

// ---- Events drawn independently of decide, for codec round trips. ----

/** Any instant from 2020 to 2030, to the millisecond. */
export const instantArb: fc.Arbitrary<Instant> = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
  .map(instantFromMillis);
const userIdArb = fc.constantFrom<UserId>(...people.map((p) => p.id), 'user-ünï' as UserId);
const textArb = fc.string({ maxLength: 12 });
const optionalText = <K extends string>(key: K) =>
  fc.option(textArb, { nil: undefined }).map((text) => (text === undefined ? {} : { [key]: text }));
const profileIdArb = fc.constantFrom(individualProfile, businessProfile);
const reasonArb = fc.constantFrom('expired' as const, 'cancelled' as const, 'declined' as const);
const anyChangesArb: fc.Arbitrary<ProfileDetailsChanges> = fc
  .record(
    {
      name: textArb,
      address: textArb,
      taxNumber: textArb,
      language: textArb,
      paymentMethods: fc.array(textArb, { maxLength: 3 }),
    },
    { requiredKeys: [] },
  )
  .map((changes) => changes as ProfileDetailsChanges);
const who = fc.record({ by: userIdArb, at: instantArb });

/** Any payment-profile event, of every type. */
export const paymentProfileEventArb: fc.Arbitrary<PaymentProfileEvent> = fc.oneof(
  fc
    .tuple(
      profileIdArb,
      fc.constantFrom('individual' as const, 'business' as const),
      fc.boolean(),
      textArb,
      optionalText('address'),
      optionalText('taxNumber'),
      optionalText('language'),
      addressArb,
      who,
    )
    .map(([profileId, kind, seller, name, address, taxNumber, language, email, w]): PaymentProfileEvent => ({
      type: 'ProfileCreated',
      data: { profileId, kind, seller, name, ...address, ...taxNumber, ...language, email, ...w },
    })),
  fc
    .tuple(anyChangesArb, who)
    .map(([changes, w]): PaymentProfileEvent => ({ type: 'ProfileDetailsChanged', data: { changes, ...w } })),
  fc
    .tuple(fc.array(addressArb, { maxLength: 3 }), anyChangesArb, who)
    .map(([recipients, change, w]): PaymentProfileEvent => ({
      type: 'AdminsNotified',
      data: { recipients, change, ...w },
    })),
  fc
    .tuple(invitationIdArb, addressArb, optionalText('name'), permissionsArb, preferenceArb, who)
    .map(([invitationId, email, name, permissions, emailPreference, w]): PaymentProfileEvent => ({
      type: 'UserInvited',
      data: { invitationId, email, ...name, permissions, emailPreference, ...w },
    })),
  fc.tuple(invitationIdArb, addressArb, who).map(([invitationId, email, w]): PaymentProfileEvent => ({
    type: 'InvitationResendRequested',
    data: { invitationId, email, ...w },
  })),
  fc.tuple(invitationIdArb, addressArb, who).map(([invitationId, email, w]): PaymentProfileEvent => ({
    type: 'InvitationCancellationRequested',
    data: { invitationId, email, ...w },
  })),
  fc
    .tuple(
      invitationIdArb,
      addressArb,
      userIdArb,
      fc.boolean(),
      optionalText('name'),
      permissionsArb,
      preferenceArb,
      who,
    )
    .map(
      ([
        invitationId,
        email,
        userId,
        hasAccount,
        name,
        permissions,
        emailPreference,
        w,
      ]): PaymentProfileEvent => ({
        type: 'InvitedUserActivated',
        data: {
          invitationId,
          email,
          userId,
          hasAccount,
          ...name,
          permissions,
          emailPreference,
          invitedBy: w.by,
          at: w.at,
        },
      }),
    ),
  fc
    .tuple(invitationIdArb, addressArb, reasonArb, instantArb)
    .map(([invitationId, email, reason, at]): PaymentProfileEvent => ({
      type: 'PendingUserWithdrawn',
      data: { invitationId, email, reason, at },
    })),
  fc
    .tuple(addressArb, permissionsArb, permissionsArb, who)
    .map(([email, from, to, w]): PaymentProfileEvent => ({
      type: 'PermissionsChanged',
      data: { email, from, to, ...w },
    })),
  fc.tuple(addressArb, userIdArb, who).map(([email, userId, w]): PaymentProfileEvent => ({
    type: 'UserRemoved',
    data: { email, userId, ...w },
  })),
  fc.tuple(addressArb, addressArb, who).map(([from, to, w]): PaymentProfileEvent => ({
    type: 'PrimaryContactReassigned',
    data: { from, to, ...w },
  })),
  fc
    .tuple(addressArb, preferenceArb, preferenceArb, who)
    .map(([email, from, to, w]): PaymentProfileEvent => ({
      type: 'EmailPreferenceChanged',
      data: { email, from, to, ...w },
    })),
);

/** Any invitation event, of every type. */
export const invitationEventArb: fc.Arbitrary<InvitationEvent> = fc.oneof(
  fc
    .tuple(
      invitationIdArb,
      profileIdArb,
      addressArb,
      optionalText('name'),
      permissionsArb,
      preferenceArb,
      userIdArb,
      instantArb,
    )
    .map(
      ([
        invitationId,
        profileId,
        email,
        name,
        permissions,
        emailPreference,
        issuedBy,
        sentAt,
      ]): InvitationEvent => ({
        type: 'InvitationIssued',
        data: { invitationId, profileId, email, ...name, permissions, emailPreference, issuedBy, sentAt },
      }),
    ),
  who.map((data): InvitationEvent => ({ type: 'InvitationResent', data })),
  fc
    .tuple(profileIdArb, addressArb, fc.boolean(), who)
    .map(([profileId, email, hasAccount, w]): InvitationEvent => ({
      type: 'InvitationAccepted',
      data: { profileId, email, hasAccount, ...w },
    })),
  fc
    .tuple(profileIdArb, instantArb)
    .map(([profileId, at]): InvitationEvent => ({ type: 'InvitationExpired', data: { profileId, at } })),
  fc
    .tuple(profileIdArb, who)
    .map(([profileId, w]): InvitationEvent => ({ type: 'InvitationCancelled', data: { profileId, ...w } })),
  fc
    .tuple(profileIdArb, who)
    .map(([profileId, w]): InvitationEvent => ({ type: 'InvitationDeclined', data: { profileId, ...w } })),
);
