import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { decodeInvitationEvent, InvitationEventCodec } from '../src/invitation/codecs.js';
import type { InvitationCommand } from '../src/invitation/commands.js';
import type { InvitationEvent } from '../src/invitation/events.js';
import type { InvitationState } from '../src/invitation/state.js';
import { decodePaymentProfileEvent, PaymentProfileEventCodec } from '../src/paymentProfile/codecs.js';
import type { PaymentProfileCommand } from '../src/paymentProfile/commands.js';
import type { PaymentProfileEvent } from '../src/paymentProfile/events.js';
import type { Permission } from '../src/paymentProfile/permissions.js';
import type { PaymentProfileState } from '../src/paymentProfile/state.js';
import { systemActor } from '../src/sagas/systemActor.js';
import type { Email, UserId } from '../src/shared/ids.js';
import { instantFromMillis, toMillis } from '../src/shared/instant.js';
import {
  individualProfile,
  invitationEventArb,
  paymentProfileEventArb,
  worldRunArb,
  type WorldStep,
} from '../src/testing/invitationArbitraries.js';
import { InvitationWorld, playStep, type WorldDecision } from '../src/testing/invitationWorld.js';
import { day } from '../src/testing/time.js';
import { paymentProfileStream } from '../src/paymentProfile/ids.js';
import { invitation } from '../src/invitation/index.js';
import { paymentProfile } from '../src/paymentProfile/index.js';

const numRuns = Number(process.env['FC_RUNS'] ?? 1000);
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

class Violation extends Error {}
const must = (holds: boolean, rule: string, detail: () => unknown): void => {
  if (!holds) throw new Violation(`${rule}: ${JSON.stringify(detail())}`);
};

// ---- An independent oracle: whether each command must be accepted, written as plain rules over the state before. ----

const fourteenDays = 14 * 86_400_000;

const profileAccepts = (s: PaymentProfileState, c: PaymentProfileCommand): boolean => {
  if (c.type === 'CreateProfile')
    return (
      s.status === 'absent' && (c.data.kind === 'business' || !c.data.seller) && c.data.name.trim() !== ''
    );
  if (s.status !== 'created') return false;
  const me = s.users.find((u) => u.email === c.actor.email && u.userId === c.actor.id);
  const mine: ReadonlyArray<Permission> = me?.permissions ?? [];
  const has = (p: Permission) => mine.includes('admin') || mine.includes(p);
  const hasAll = (ps: ReadonlyArray<Permission>) => ps.every(has);
  const offered = (p: Permission) =>
    p === 'edit-profile' ? s.kind === 'individual' : p.endsWith('purchase-orders') ? s.seller : true;
  const user = (email: Email) => s.users.find((u) => u.email === email);
  const admins = s.users.filter((u) => u.permissions.includes('admin')).length;
  const manager = me !== undefined && has('manage-users');
  if (c.type === 'UpdateProfileDetails') return has('edit-profile') && c.data.changes.name?.trim() !== '';
  if (s.kind === 'individual') return false; // PP-1
  const closed = (id: string) => s.closedInvitations.find((x) => x.invitationId === id);
  const pendingOf = (id: string) => s.pending.find((p) => p.invitationId === id);
  switch (c.type) {
    case 'InviteUser':
      return (
        manager &&
        closed(c.data.invitationId) === undefined &&
        pendingOf(c.data.invitationId) === undefined &&
        user(c.data.email) === undefined &&
        !s.pending.some((p) => p.email === c.data.email) &&
        c.data.permissions.every(offered) &&
        hasAll(c.data.permissions)
      );
    case 'RequestInvitationResend': {
      const p = pendingOf(c.data.invitationId);
      return manager && p !== undefined && hasAll(p.permissions) && !p.cancellationRequested;
    }
    case 'RequestInvitationCancellation': {
      const p = pendingOf(c.data.invitationId);
      return manager && p !== undefined && hasAll(p.permissions);
    }
    case 'ActivateInvitedUser': {
      if (c.actor.id !== systemActor.id) return false;
      if (closed(c.data.invitationId)?.outcome === 'activated') return true;
      const p = pendingOf(c.data.invitationId);
      return p !== undefined && p.email === c.data.email && (p.permissions.length === 0 || c.data.hasAccount);
    }
    case 'WithdrawPendingUser':
      return (
        c.actor.id === systemActor.id &&
        (closed(c.data.invitationId)?.outcome === 'withdrawn' || pendingOf(c.data.invitationId) !== undefined)
      );
    case 'ChangePermissions': {
      const target = user(c.data.email);
      if (!manager || target === undefined) return false;
      const losesLastAdmin =
        target.permissions.includes('admin') && !c.data.permissions.includes('admin') && admins === 1;
      return (
        c.data.permissions.every(offered) &&
        (c.data.permissions.length === 0 || target.hasAccount) &&
        hasAll(target.permissions) &&
        hasAll(c.data.permissions) &&
        !losesLastAdmin
      );
    }
    case 'RemoveUser': {
      const target = user(c.data.email);
      return (
        manager &&
        c.data.confirm &&
        target !== undefined &&
        target.email !== s.primaryContact &&
        hasAll(target.permissions) &&
        !(target.permissions.includes('admin') && admins === 1)
      );
    }
    case 'ReassignPrimaryContact':
      return mine.includes('admin') && user(c.data.email) !== undefined;
    case 'SetEmailPreference': {
      const target = user(c.data.email);
      if (me === undefined || target === undefined) return false;
      const allowed =
        (target.email === me.email && mine.length > 0) || (manager && hasAll(target.permissions));
      return allowed && (target.email !== s.primaryContact || c.data.preference === 'all');
    }
  }
};

const invitationAccepts = (s: InvitationState, c: InvitationCommand): boolean => {
  const fromSystem = c.actor.id === systemActor.id;
  if (c.type === 'IssueInvitation' || c.type === 'ResendInvitation' || c.type === 'CancelInvitation')
    if (!fromSystem) return false;
  if (s.status === 'unissued') return c.type === 'IssueInvitation';
  const inTime = toMillis(c.at) < toMillis(s.sentAt) + fourteenDays;
  const invitee = c.actor.email === s.email;
  switch (c.type) {
    case 'IssueInvitation':
      return (
        c.data.email === s.email &&
        c.data.profileId === s.profileId &&
        c.data.issuedBy === s.issuedBy &&
        c.data.emailPreference === s.emailPreference &&
        c.data.name === s.name &&
        JSON.stringify(c.data.permissions) === JSON.stringify(s.permissions)
      );
    case 'ResendInvitation':
      return s.status === 'pending' && (toMillis(c.at) <= toMillis(s.sentAt) || inTime);
    case 'AcceptInvitation':
      return (
        s.status === 'accepted' ||
        (s.status === 'pending' && invitee && inTime && (s.permissions.length === 0 || c.data.hasAccount))
      );
    case 'ExpireInvitation':
      return s.status === 'expired' || (s.status === 'pending' && !inTime);
    case 'CancelInvitation':
      return s.status === 'cancelled' || (s.status === 'pending' && inTime);
    case 'DeclineInvitation':
      return s.status === 'declined' || (s.status === 'pending' && invitee && inTime);
  }
};

// ---- The model's expected effect of an accepted command on the state (so that evolve is checked too). ----

const sameSet = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): boolean =>
  a.length === new Set(b).size && a.every((x) => b.includes(x));

const profileEffectHolds = (
  before: PaymentProfileState,
  after: PaymentProfileState,
  c: PaymentProfileCommand,
): boolean => {
  if (after.status !== 'created') return false;
  const user = (email: Email) => after.users.find((u) => u.email === email);
  const pending = (id: string) => after.pending.find((p) => p.invitationId === id);
  switch (c.type) {
    case 'CreateProfile':
      return (
        after.kind === c.data.kind &&
        after.seller === c.data.seller &&
        after.primaryContact === c.actor.email &&
        JSON.stringify(after.users) ===
          JSON.stringify([
            {
              email: c.actor.email,
              userId: c.actor.id,
              hasAccount: true,
              permissions: ['admin'],
              emailPreference: 'all',
            },
          ])
      );
    case 'UpdateProfileDetails':
      return Object.entries(c.data.changes).every(
        ([key, value]) =>
          JSON.stringify(after.details[key as keyof typeof after.details]) === JSON.stringify(value),
      );
    case 'InviteUser': {
      const p = pending(c.data.invitationId);
      return (
        p?.email === c.data.email && sameSet(p.permissions, c.data.permissions) && !p.cancellationRequested
      );
    }
    case 'RequestInvitationResend':
      return after === before;
    case 'RequestInvitationCancellation':
      return pending(c.data.invitationId)?.cancellationRequested === true;
    case 'ActivateInvitedUser': {
      const invited =
        before.status === 'created'
          ? before.pending.find((p) => p.invitationId === c.data.invitationId)
          : undefined;
      const activated = user(c.data.email);
      return (
        pending(c.data.invitationId) === undefined &&
        activated?.userId === c.data.userId &&
        (invited === undefined ||
          JSON.stringify(activated.permissions) === JSON.stringify(invited.permissions))
      );
    }
    case 'WithdrawPendingUser':
      return pending(c.data.invitationId) === undefined;
    case 'ChangePermissions': {
      const changed = user(c.data.email);
      return changed !== undefined && sameSet(changed.permissions, c.data.permissions);
    }
    case 'RemoveUser':
      return user(c.data.email) === undefined;
    case 'ReassignPrimaryContact':
      return after.primaryContact === c.data.email && user(c.data.email)?.emailPreference === 'all';
    case 'SetEmailPreference':
      return user(c.data.email)?.emailPreference === c.data.preference;
  }
};

const invitationEffectHolds = (
  before: InvitationState,
  after: InvitationState,
  c: InvitationCommand,
): boolean => {
  switch (c.type) {
    case 'IssueInvitation':
      return before.status === 'unissued'
        ? after.status === 'pending' && after.sentAt === c.at
        : after === before;
    case 'ResendInvitation':
      return (
        after.status === 'pending' &&
        before.status === 'pending' &&
        toMillis(after.sentAt) === Math.max(toMillis(before.sentAt), toMillis(c.at))
      );
    case 'AcceptInvitation':
      return after.status === 'accepted';
    case 'ExpireInvitation':
      return after.status === 'expired';
    case 'CancelInvitation':
      return after.status === 'cancelled';
    case 'DeclineInvitation':
      return after.status === 'declined';
  }
};

// ---- Where each permission came from (invariant 1), tracked from the events alone. ----

class Grants {
  /** Per profile stream and address: for each permission held, whether its granter held it when granting. */
  private readonly held = new Map<string, Map<Email, Map<Permission, boolean>>>();
  /** Per profile stream and invitation: the same, decided when the invitation was made. */
  private readonly invited = new Map<string, Map<Permission, boolean>>();

  apply(d: WorldDecision): void {
    if (d.aggregate !== 'paymentProfile' || E.isLeft(d.result)) return;
    let state = d.before;
    for (const event of d.result.right) {
      this.record(d.stream, event, state);
      state = paymentProfile.evolve(state, event);
    }
  }

  private record(stream: string, event: PaymentProfileEvent, before: PaymentProfileState): void {
    const granterHolds = (by: UserId, p: Permission): boolean => {
      if (before.status !== 'created') return false;
      const granter = before.users.find((u) => u.userId === by);
      return (
        granter !== undefined && (granter.permissions.includes('admin') || granter.permissions.includes(p))
      );
    };
    const users = this.held.get(stream) ?? new Map<Email, Map<Permission, boolean>>();
    this.held.set(stream, users);
    switch (event.type) {
      case 'ProfileCreated':
        users.set(event.data.email, new Map([['admin', true]])); // the root grant (PP-10)
        return;
      case 'UserInvited':
        this.invited.set(
          `${stream}/${event.data.invitationId}`,
          new Map(event.data.permissions.map((p) => [p, granterHolds(event.data.by, p)])),
        );
        return;
      case 'InvitedUserActivated': {
        const granted = this.invited.get(`${stream}/${event.data.invitationId}`);
        users.set(
          event.data.email,
          new Map(event.data.permissions.map((p) => [p, granted?.get(p) ?? false])),
        );
        return;
      }
      case 'PermissionsChanged': {
        const old = users.get(event.data.email);
        const { from, to, by } = event.data;
        users.set(
          event.data.email,
          new Map(to.map((p) => [p, from.includes(p) ? (old?.get(p) ?? false) : granterHolds(by, p)])),
        );
        return;
      }
      case 'UserRemoved':
        users.delete(event.data.email);
        return;
      case 'ProfileDetailsChanged':
      case 'AdminsNotified':
      case 'InvitationResendRequested':
      case 'InvitationCancellationRequested':
      case 'PendingUserWithdrawn':
      case 'PrimaryContactReassigned':
      case 'EmailPreferenceChanged':
        return;
    }
  }

  tracesToAHolder(stream: string, email: Email, p: Permission): boolean {
    return this.held.get(stream)?.get(email)?.get(p) === true;
  }
}

// ---- The runner: one step at a time, checking the decision and every invariant after it. ----

const sellerOnly: ReadonlyArray<Permission> = ['read-purchase-orders', 'manage-purchase-orders'];

const activationsOf = (world: InvitationWorld, invitationId: string): number =>
  [...world.profiles.values()]
    .flatMap((s) => s.emitted)
    .filter((e) => e.type === 'InvitedUserActivated' && e.data.invitationId === invitationId).length;

const emittedBy = (d: WorldDecision): ReadonlyArray<PaymentProfileEvent | InvitationEvent> =>
  d.aggregate === 'paymentProfile'
    ? E.getOrElse((): ReadonlyArray<PaymentProfileEvent> => [])(d.result)
    : E.getOrElse((): ReadonlyArray<InvitationEvent> => [])(d.result);
const isAccepted = (d: WorldDecision): boolean =>
  d.aggregate === 'paymentProfile' ? E.isRight(d.result) : E.isRight(d.result);

const checkDecision = (world: InvitationWorld, d: WorldDecision): void => {
  const expected =
    d.aggregate === 'paymentProfile'
      ? profileAccepts(d.before, d.command)
      : invitationAccepts(d.before, d.command);
  must(isAccepted(d) === expected, 'the oracle (PP-1…PP-10, IN-1…IN-5) disagrees', () => d);
  if (emittedBy(d).length > 0) {
    const effect =
      d.aggregate === 'paymentProfile'
        ? profileEffectHolds(d.before, d.after, d.command)
        : invitationEffectHolds(d.before, d.after, d.command);
    must(effect, 'the model (PP-1…PP-10, IN-1…IN-5) expected another effect', () => d);
  }
  // Invariant 6: a refused command changes nothing; evolve over what decide emitted is the replay of the store.
  if (!isAccepted(d)) {
    must(d.after === d.before, '6 a refused command changed the state', () => d);
  } else if (d.aggregate === 'paymentProfile') {
    const emitted = E.getOrElse((): ReadonlyArray<PaymentProfileEvent> => [])(d.result);
    expect(emitted.reduce(paymentProfile.evolve, d.before)).toEqual(d.after);
    expect(world.replayProfile(d.stream)).toEqual(world.profiles.get(d.stream)?.state);
  } else {
    const emitted = E.getOrElse((): ReadonlyArray<InvitationEvent> => [])(d.result);
    expect(emitted.reduce(invitation.evolve, d.before)).toEqual(d.after);
    expect(world.replayInvitation(d.stream)).toEqual(world.invitations.get(d.stream)?.state);
  }
};

const checkInvariants = (
  world: InvitationWorld,
  grants: Grants,
  homeAtCreation: string | undefined,
): void => {
  for (const [stream, { state }] of world.profiles) {
    if (state.status !== 'created') continue;
    const emails = state.users.map((u) => u.email);
    for (const user of state.users) {
      // 1. No escalation (PP-5): every permission held traces to a grant by someone who held it.
      for (const p of user.permissions)
        must(
          grants.tracesToAHolder(stream, user.email, p),
          '1 PP-5 a permission nobody holding it granted',
          () => ({
            stream,
            user,
            p,
          }),
        );
      // 4. Permissions need an account (PP-4); seller ones on sellers only, edit-profile never on business (PP-3).
      must(
        user.permissions.length === 0 || user.hasAccount,
        '4 PP-4 a permission without an account',
        () => user,
      );
      must(
        state.seller || !user.permissions.some((p) => sellerOnly.includes(p)),
        '4 PP-3 a seller permission off a seller profile',
        () => user,
      );
      must(
        state.kind === 'individual' || !user.permissions.includes('edit-profile'),
        '4 PP-3 edit-profile on a business profile',
        () => user,
      );
    }
    // 2. Exactly one primary contact, an active user getting all e-mail (PP-6, PP-9); a business profile keeps an admin (PP-10).
    must(new Set(emails).size === emails.length, '2 an address is a user twice', () => emails);
    const primary = state.users.filter((u) => u.email === state.primaryContact);
    must(primary.length === 1, '2 PP-6 exactly one primary contact among the users', () => state);
    must(primary[0]?.emailPreference === 'all', '2 PP-9 the primary contact gets all e-mail', () => state);
    must(
      state.kind === 'individual' || state.users.some((u) => u.permissions.includes('admin')),
      '2 PP-10 a business profile without an admin',
      () => state,
    );
    // 3. Individual profiles never change their users (PP-1).
    if (state.kind === 'individual') {
      must(
        JSON.stringify(state.users) === homeAtCreation && state.pending.length === 0,
        '3 PP-1 an individual profile changed its users',
        () => state,
      );
    }
  }
  // 5. Expired, cancelled or declined invitations never produce a user; an accepted one at most one, and only it.
  const statuses = new Map(
    [...world.invitations].map(([, s]) => [
      s.state.status === 'unissued' ? '' : s.state.invitationId,
      s.state.status,
    ]),
  );
  for (const [id, status] of statuses) {
    if (id === '') continue;
    const activations = activationsOf(world, id);
    must(activations <= 1, '5 IN-4 an invitation produced more than one user', () => ({ id, activations }));
    must(activations === 0 || status === 'accepted', '5 IN-5 a user from an invitation not accepted', () => ({
      id,
      status,
    }));
  }
};

/** Invariant 5, once the flow has settled: each accepted invitation produced exactly one user; nothing is left pending. */
const checkSettled = (world: InvitationWorld): void => {
  for (const { state } of world.invitations.values()) {
    if (state.status === 'unissued') continue;
    const activations = activationsOf(world, state.invitationId);
    if (state.status === 'accepted')
      must(activations === 1, '5 IN-4 an accepted invitation did not produce exactly one user', () => state);
    const profile = world.profiles.get(paymentProfileStream(state.profileId))?.state;
    const stillPending =
      profile?.status === 'created' && profile.pending.some((p) => p.invitationId === state.invitationId);
    must(
      stillPending === (state.status === 'pending'),
      '5 IN-5 the profile shows the invitation wrongly',
      () => ({
        state,
        profile,
      }),
    );
  }
};

const totalStored = (world: InvitationWorld): number =>
  [...world.profiles.values(), ...world.invitations.values()].reduce(
    (n, stream) => n + stream.stored.length,
    0,
  );

const run = (steps: ReadonlyArray<WorldStep>): InvitationWorld => {
  const world = new InvitationWorld();
  const grants = new Grants();
  let clock = toMillis(day(0));
  let homeAtCreation: string | undefined; // the individual profile's users as created (invariant 3)
  const check = (from: number, storedBefore: number) => {
    const home = world.profiles.get(paymentProfileStream(individualProfile))?.state;
    if (homeAtCreation === undefined && home?.status === 'created')
      homeAtCreation = JSON.stringify(home.users);
    const decisions = world.decisions.slice(from);
    // Invariant 6: the store grew by exactly what the accepted commands emitted, so a refused one stored nothing.
    const emitted = decisions.reduce((n, d) => n + emittedBy(d).length, 0);
    must(
      totalStored(world) === storedBefore + emitted,
      '6 the store holds other than what was emitted',
      () => decisions,
    );
    for (const d of decisions) {
      checkDecision(world, d);
      grants.apply(d);
    }
    checkInvariants(world, grants, homeAtCreation);
  };
  for (const step of steps) {
    const from = world.decisions.length;
    const storedBefore = totalStored(world);
    playStep(world, step, instantFromMillis(clock));
    check(from, storedBefore);
    clock += step.hours * 3_600_000;
  }
  const from = world.decisions.length;
  const storedBefore = totalStored(world);
  world.flush();
  check(from, storedBefore);
  checkSettled(world);
  return world;
};

describe('PaymentProfile with Invitation, driven by the invitation flow', () => {
  it('PP-1, PP-3…PP-6, PP-9, PP-10, IN-1…IN-5: invariants 1–6 and the model hold after every step, whatever the order and repetition of deliveries', () => {
    fc.assert(
      fc.property(worldRunArb, (steps) => {
        run(steps);
      }),
      { numRuns },
    );
  }, 60_000);

  it('reaches the interesting states: runs activate, withdraw and refuse', () => {
    const counts = { activated: 0, withdrawn: 0, refusedDeliveries: 0 };
    fc.assert(
      fc.property(worldRunArb, (steps) => {
        const world = run(steps);
        const profileEvents = [...world.profiles.values()].flatMap((s) => s.emitted);
        counts.activated += profileEvents.filter((e) => e.type === 'InvitedUserActivated').length;
        counts.withdrawn += profileEvents.filter((e) => e.type === 'PendingUserWithdrawn').length;
        counts.refusedDeliveries += world.decisions.filter(
          (d) => d.command.actor.id === systemActor.id && !isAccepted(d),
        ).length;
      }),
      { numRuns: Math.max(50, Math.floor(numRuns / 10)) },
    );
    expect(counts.activated).toBeGreaterThan(0);
    expect(counts.withdrawn).toBeGreaterThan(0);
    expect(counts.refusedDeliveries).toBeGreaterThan(0);
  }, 60_000);

  it('6 every event of both aggregates survives encoding, JSON and decoding unchanged', () => {
    fc.assert(
      fc.property(paymentProfileEventArb, invitationEventArb, (p, i) => {
        expect(decodePaymentProfileEvent(asJson(PaymentProfileEventCodec.encode(p)))).toEqual(E.right(p));
        expect(decodeInvitationEvent(asJson(InvitationEventCodec.encode(i)))).toEqual(E.right(i));
      }),
      { numRuns },
    );
  });
});
