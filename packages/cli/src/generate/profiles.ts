import {
  instantFromMillis,
  invitationStream,
  paymentProfileStream,
  type Actor,
  type Email,
  type InvitationId,
  type PaymentProfileCommand,
  type Permission,
  type ProfileId,
  type UserId,
} from '@dossier/domain';
import { expiryScheduler } from '@dossier/app';
import type { Planned } from './cases.js';
import type { Random } from './random.js';

const day = 86_400_000;
const actor = (id: string, email: string): Actor => ({ id: id as UserId, email: email as Email });
// What a business profile that does not sell offers (PP-3); an empty set is an e-mail-only user.
const grants: ReadonlyArray<ReadonlyArray<Permission>> = [
  ['read'],
  ['read', 'purchase'],
  ['manage-users'],
  ['purchase'],
  [],
];

interface Pending {
  readonly invitationId: InvitationId;
  readonly who: Actor;
  readonly sentAt: number;
}

/** A payment profile in the generated world: its owner, its active members and its invitations still open. */
export interface ProfileInFlight {
  readonly id: ProfileId;
  readonly owner: Actor;
  readonly members: Actor[];
  readonly pending: Pending[];
}

/** The profiles and people of the generated world, and how many of each were made. */
export interface People {
  readonly profiles: ProfileInFlight[];
  people: number;
  invitations: number;
}

const newPerson = (people: People, prefix: string): Actor => {
  const n = people.people++;
  return actor(`${prefix}user-${n}`, `user${n}@${prefix}people.example`);
};

const onProfile = (profile: ProfileInFlight, command: PaymentProfileCommand): Planned => ({
  aggregate: 'paymentProfile',
  stream: paymentProfileStream(profile.id),
  command,
});

/** Creates a business profile, its creator the first admin (PP-10). */
export const createProfile = (people: People, prefix: string, at: number): Planned => {
  const owner = newPerson(people, prefix);
  const profile: ProfileInFlight = {
    id: `${prefix}profile-${people.profiles.length}` as ProfileId,
    owner,
    members: [],
    pending: [],
  };
  people.profiles.push(profile);
  return onProfile(profile, {
    type: 'CreateProfile',
    at: instantFromMillis(at),
    actor: owner,
    data: { profileId: profile.id, kind: 'business', seller: false, name: `Company ${profile.id}` },
  });
};

/** Ends the oldest open invitation of the profile: expired after 14 days (IN-2), else accepted, declined or cancelled. */
const answer = (random: Random, profile: ProfileInFlight, at: number): Planned => {
  const pending = profile.pending.shift() as Pending;
  const when = instantFromMillis(at);
  const stream = invitationStream(pending.invitationId);
  if (at >= pending.sentAt + 14 * day)
    return {
      aggregate: 'invitation',
      stream,
      command: {
        type: 'ExpireInvitation',
        at: instantFromMillis(pending.sentAt + 14 * day),
        actor: expiryScheduler,
        data: {},
      },
    };
  const draw = random.next();
  if (draw < 0.8) {
    profile.members.push(pending.who);
    return {
      aggregate: 'invitation',
      stream,
      command: { type: 'AcceptInvitation', at: when, actor: pending.who, data: { hasAccount: true } },
    };
  }
  if (draw < 0.9)
    return {
      aggregate: 'invitation',
      stream,
      command: { type: 'DeclineInvitation', at: when, actor: pending.who, data: {} },
    };
  return onProfile(profile, {
    type: 'RequestInvitationCancellation',
    at: when,
    actor: profile.owner,
    data: { invitationId: pending.invitationId },
  });
};

/** One thing that happens to one of the profiles: an invitation sent or answered, a member's rights or e-mail changed. */
export const profileStep = (random: Random, people: People, prefix: string, at: number): Planned => {
  const profile = random.pick(people.profiles);
  const when = instantFromMillis(at);
  const draw = random.next();
  if (profile.pending.length > 0 && (draw < 0.45 || profile.pending.length > 3))
    return answer(random, profile, at);
  const member = profile.members.length === 0 ? undefined : random.pick(profile.members);
  if (member === undefined || draw < 0.75) {
    const who = newPerson(people, prefix);
    const invitationId = `${prefix}inv-${people.invitations++}` as InvitationId;
    profile.pending.push({ invitationId, who, sentAt: at });
    return onProfile(profile, {
      type: 'InviteUser',
      at: when,
      actor: profile.owner,
      data: {
        invitationId,
        email: who.email,
        permissions: random.pick(grants),
        emailPreference: 'administrative',
      },
    }); // PP-8; the flow issues the invitation (IN-1)
  }
  if (draw < 0.9)
    return onProfile(profile, {
      type: 'ChangePermissions',
      at: when,
      actor: profile.owner,
      data: { email: member.email, permissions: random.pick(grants) },
    });
  return onProfile(profile, {
    type: 'SetEmailPreference',
    at: when,
    actor: profile.owner,
    data: { email: member.email, preference: random.pick(['all', 'administrative', 'none'] as const) },
  });
};
