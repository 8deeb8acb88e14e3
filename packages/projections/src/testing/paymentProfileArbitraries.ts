import {
  emailPreferences,
  permissions,
  type Actor,
  type PaymentProfileCommand,
  type Permission,
} from '@dossier/domain';
import fc from 'fast-check';
import {
  activate,
  ana,
  budi,
  changePermissions,
  citra,
  createProfile,
  inviteUser,
  owner,
  reassignPrimaryContact,
  removeUser,
  requestCancellation,
  requestResend,
  setEmailPreference,
  stranger,
  toProfile,
  updateDetails,
  withdraw,
} from './paymentProfile.js';
import type { Step } from './record.js';
import { day } from './supportCase.js';

// A local stand-in for domain arbitraries: two profiles, four people and two invitations per invitee, so that
// commands collide; most are issued by the owner, the rest by anyone (and refused if they may not).

/** Everyone the generated commands name, for checks that ask about each of them. */
export const people: ReadonlyArray<Actor> = [owner, ana, budi, citra, stranger];
/** The people who get invited. */
export const invitees = fc.constantFrom(ana, budi, citra);
const members = fc.constantFrom(owner, ana, budi, citra);
const issuer = fc.oneof(
  { arbitrary: fc.constant(owner), weight: 3 },
  { arbitrary: fc.constantFrom(...people), weight: 2 },
);
const permissionsArb = fc.oneof(
  fc.subarray<Permission>(['read', 'purchase', 'manage-users']),
  fc.subarray<Permission>([...permissions], { maxLength: 3 }),
);
const preferenceArb = fc.constantFrom(...emailPreferences);
const nArb = fc.integer({ min: 1, max: 2 });

/** Invitation ids name their invitee, so that activations and acceptances mostly find the invitation they are for. */
export const invitationFor = (profile: string, who: Actor, n: number): string => `${profile}-${who.id}-${n}`;
const invitationArb = (profile: string) =>
  fc.tuple(invitees, nArb).map(([who, n]) => invitationFor(profile, who, n));

/** A command waiting for its instant. */
export type Make = (at: ReturnType<typeof day>) => PaymentProfileCommand;

/** A command a person issues on a profile: invitations and requests about them, permissions, removal, contact, details. */
export const userCommandArb = (profile: string): fc.Arbitrary<Make> =>
  fc.oneof(
    {
      arbitrary: fc.tuple(issuer, invitees, permissionsArb, nArb, preferenceArb).map(
        ([actor, who, perms, n, pref]): Make =>
          (at) =>
            inviteUser(who, perms, invitationFor(profile, who, n), { at, actor }, pref),
      ),
      weight: 4,
    },
    {
      arbitrary: fc.tuple(issuer, invitationArb(profile)).map(
        ([actor, id]): Make =>
          (at) =>
            requestResend(id, { at, actor }),
      ),
      weight: 1,
    },
    {
      arbitrary: fc.tuple(issuer, invitationArb(profile)).map(
        ([actor, id]): Make =>
          (at) =>
            requestCancellation(id, { at, actor }),
      ),
      weight: 1,
    },
    {
      arbitrary: fc.tuple(issuer, members, permissionsArb).map(
        ([actor, who, perms]): Make =>
          (at) =>
            changePermissions(who, perms, { at, actor }),
      ),
      weight: 3,
    },
    {
      arbitrary: fc.tuple(issuer, members, fc.boolean()).map(
        ([actor, who, confirm]): Make =>
          (at) =>
            removeUser(who, { at, actor }, confirm),
      ),
      weight: 1,
    },
    {
      arbitrary: fc.tuple(issuer, members).map(
        ([actor, who]): Make =>
          (at) =>
            reassignPrimaryContact(who, { at, actor }),
      ),
      weight: 2,
    },
    {
      arbitrary: fc.tuple(issuer, members, preferenceArb).map(
        ([actor, who, pref]): Make =>
          (at) =>
            setEmailPreference(who, pref, { at, actor }),
      ),
      weight: 2,
    },
    {
      arbitrary: fc.tuple(issuer, fc.constantFrom('Acme Ltd', 'Acme Indonesia', ' ')).map(
        ([actor, name]): Make =>
          (at) =>
            updateDetails({ name }, { at, actor }),
      ),
      weight: 1,
    },
  );

/** A command the invitation flow issues on a profile, sent here directly: activation or withdrawal of an invitee. */
const flowCommandArb = (profile: string): fc.Arbitrary<Make> =>
  fc.oneof(
    {
      arbitrary: fc.tuple(invitees, nArb, fc.constantFrom(true, true, true, false), invitees, fc.nat(9)).map(
        ([who, n, account, other, dice]): Make =>
          (at) =>
            activate(dice === 0 ? other : who, invitationFor(profile, who, n), { at }, account),
      ),
      weight: 4,
    },
    {
      arbitrary: fc
        .tuple(invitationArb(profile), fc.constantFrom('expired', 'cancelled', 'declined' as const))
        .map(
          ([id, reason]): Make =>
            (at) =>
              withdraw(id, reason, { at }),
        ),
      weight: 1,
    },
  );

/** An invitation by the owner and, at once, its acceptance: so that profiles gain users to change and remove. */
const joinArb = (profile: string): fc.Arbitrary<ReadonlyArray<Make>> =>
  fc
    .tuple(invitees, permissionsArb, nArb, preferenceArb)
    .map(([who, perms, n, pref]) => [
      (at) => inviteUser(who, perms, invitationFor(profile, who, n), { at }, pref),
      (at) => activate(who, invitationFor(profile, who, n), { at }),
    ]);

const commandArb = (profile: string): fc.Arbitrary<ReadonlyArray<Make>> =>
  fc.oneof(
    { arbitrary: joinArb(profile), weight: 3 },
    { arbitrary: userCommandArb(profile).map((make) => [make]), weight: 15 },
    { arbitrary: flowCommandArb(profile).map((make) => [make]), weight: 5 },
  );

const profiles = ['profile-1', 'profile-2'] as const;

/** A profile created as business, seller or individual, by the owner at day(0). */
export const creationArb = (profile: string): fc.Arbitrary<Step<PaymentProfileCommand>> =>
  fc
    .record({ kind: fc.constantFrom('business', 'business', 'individual' as const), seller: fc.boolean() })
    .map(({ kind, seller }) =>
      toProfile(
        createProfile({ kind, seller: kind === 'business' && seller }, { at: day(0) }, profile),
        profile,
      ),
    );

/** Both profiles created (business, seller or individual), then commands to either, an hour apart. */
export const paymentProfileStepsArb: fc.Arbitrary<ReadonlyArray<Step<PaymentProfileCommand>>> = fc
  .tuple(
    fc.tuple(...profiles.map(creationArb)),
    fc.array(
      fc.constantFrom(...profiles).chain((profile) => fc.tuple(fc.constant(profile), commandArb(profile))),
      { minLength: 5, maxLength: 50, size: 'max' },
    ),
  )
  .map(([creations, steps]) => [
    ...creations,
    ...steps
      .flatMap(([profile, makes]) => makes.map((make) => [profile, make] as const))
      .map(([profile, make], i) => toProfile(make(day(0, i + 1)), profile)),
  ]);
