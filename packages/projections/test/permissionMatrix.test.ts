import { replayProjection } from '@dossier/core';
import { paymentProfile, permissions, type PaymentProfileCommand } from '@dossier/domain';
import { describe, expect, it } from 'vitest';
import { permissionMatrix } from '../src/index.js';
import {
  activate,
  ana,
  budi,
  changePermissions,
  citra,
  createProfile,
  day,
  foldPersisted,
  inviteUser,
  joins,
  owner,
  profileId,
  reassignPrimaryContact,
  removeUser,
  requestCancellation,
  runCommands,
  setEmailPreference,
  type Step,
  stranger,
  subscribed,
  toProfile,
  updateDetails,
  withdraw,
} from '../src/testing/index.js';

const run = (steps: ReadonlyArray<Step<PaymentProfileCommand>>) => {
  const result = runCommands(paymentProfile, steps);
  expect(result.refused).toBe(0); // the examples are histories the real decider accepts
  return result;
};
const matrixAfter = (steps: ReadonlyArray<Step<PaymentProfileCommand>>) =>
  permissionMatrix.query(replayProjection(permissionMatrix, subscribed(permissionMatrix, run(steps).events)));

const p1 = profileId('profile-1');
const business = toProfile(createProfile());

describe('user-permission matrix (RM-2)', () => {
  it('PP-10, PP-6, PP-9 the creator is the first admin and the primary contact, with all e-mail', () => {
    const matrix = matrixAfter([business]);
    expect(matrix.profile(p1)).toMatchObject({
      kind: 'business',
      seller: false,
      name: 'Acme Ltd',
      primaryContact: owner.email,
      pending: [],
    });
    expect(matrix.users(p1)).toEqual([
      {
        email: owner.email,
        userId: owner.id,
        hasAccount: true,
        granted: ['admin'],
        permissions: ['read', 'purchase', 'manage-users', 'admin'],
        emailOnly: false,
        emailPreference: 'all',
        primaryContact: true,
      },
    ]);
  });

  it('PP-3 an admin holds every permission the profile offers, and no other', () => {
    const matrix = matrixAfter([business]);
    expect(matrix.profile(p1)?.columns).toEqual(['read', 'purchase', 'manage-users', 'admin']);
    expect(permissions.filter((p) => matrix.can(p1, owner.id, p))).toEqual([
      'read',
      'purchase',
      'manage-users',
      'admin',
    ]);
    expect(matrix.can(p1, owner.id, 'edit-profile')).toBe(false); // not on business profiles
    expect(matrix.can(p1, owner.id, 'read-purchase-orders')).toBe(false); // sellers only
  });

  it('PP-3 a seller profile offers the purchase-order permissions; an individual one offers edit-profile', () => {
    const seller = matrixAfter([toProfile(createProfile({ seller: true }))]);
    expect(seller.profile(p1)?.columns).toEqual([
      'read',
      'purchase',
      'manage-users',
      'admin',
      'read-purchase-orders',
      'manage-purchase-orders',
    ]);
    expect(seller.can(p1, owner.email, 'manage-purchase-orders')).toBe(true);
    const individual = matrixAfter([toProfile(createProfile({ kind: 'individual' }))]);
    expect(individual.profile(p1)?.columns).toEqual([
      'read',
      'edit-profile',
      'purchase',
      'manage-users',
      'admin',
    ]);
    expect(individual.can(p1, owner.email, 'edit-profile')).toBe(true);
  });

  it('PP-3, PP-5 a user holds exactly what was granted, and changes follow', () => {
    const steps = [business, ...joins(ana, ['read'], { at: day(0, 1) })];
    expect(permissions.filter((p) => matrixAfter(steps).can(p1, ana.email, p))).toEqual(['read']);
    const changed = [...steps, toProfile(changePermissions(ana, ['read', 'purchase'], { at: day(0, 2) }))];
    expect(permissions.filter((p) => matrixAfter(changed).can(p1, ana.id, p))).toEqual(['read', 'purchase']);
    expect(matrixAfter(changed).users(p1)[1]).toMatchObject({
      granted: ['read', 'purchase'],
      permissions: ['read', 'purchase'],
    });
  });

  it('PP-3, PP-4 an e-mail-only user holds nothing and needs no account', () => {
    const matrix = matrixAfter([
      business,
      toProfile(inviteUser(ana, [], 'inv-ana', { at: day(0, 1) }, 'all')),
      toProfile(activate(ana, 'inv-ana', { at: day(0, 2) }, false)),
    ]);
    expect(matrix.users(p1)[1]).toMatchObject({
      email: ana.email,
      hasAccount: false,
      emailOnly: true,
      permissions: [],
    });
    expect(permissions.some((p) => matrix.can(p1, ana.email, p))).toBe(false);
  });

  it('PP-8 shows a pending user with the invitation, who holds nothing until accepting', () => {
    const matrix = matrixAfter([
      business,
      toProfile(inviteUser(ana, ['read', 'purchase'], 'inv-7', { at: day(0, 1) })),
    ]);
    expect(matrix.profile(p1)?.pending).toEqual([
      {
        invitationId: 'inv-7',
        email: ana.email,
        permissions: ['read', 'purchase'],
        emailPreference: 'administrative',
        invitedBy: owner.id,
        invitedAt: day(0, 1),
        cancellationRequested: false,
      },
    ]);
    expect(matrix.users(p1).map((u) => u.email)).toEqual([owner.email]);
    expect(matrix.can(p1, ana.email, 'read')).toBe(false);
  });

  it('IN-4 acceptance moves the pending user to the active users with the invited permissions', () => {
    const matrix = matrixAfter([business, ...joins(ana, ['read', 'purchase'], { at: day(0, 1) })]);
    expect(matrix.profile(p1)?.pending).toEqual([]);
    expect(matrix.can(p1, ana.email, 'purchase')).toBe(true);
  });

  it('IN-5 a cancellation request is shown, and a withdrawn invitee leaves the pending list without becoming a user', () => {
    const steps = [
      business,
      toProfile(inviteUser(ana, ['read'], 'inv-a', { at: day(0, 1) })),
      toProfile(inviteUser(budi, ['read'], 'inv-b', { at: day(0, 1) })),
      toProfile(requestCancellation('inv-a', { at: day(0, 2) })),
    ];
    expect(
      matrixAfter(steps)
        .profile(p1)
        ?.pending.map((p) => [p.email, p.cancellationRequested]),
    ).toEqual([
      [ana.email, true],
      [budi.email, false],
    ]);
    const matrix = matrixAfter([
      ...steps,
      toProfile(withdraw('inv-a', 'cancelled', { at: day(0, 3) })),
      toProfile(withdraw('inv-b', 'expired', { at: day(15) })),
    ]);
    expect(matrix.profile(p1)?.pending).toEqual([]);
    expect(matrix.users(p1).map((u) => u.email)).toEqual([owner.email]);
  });

  it('PP-6 shows exactly one primary contact, and it moves when reassigned (PP-9: with all e-mail)', () => {
    const matrix = matrixAfter([
      business,
      ...joins(ana, ['read'], { at: day(0, 1) }),
      toProfile(reassignPrimaryContact(ana, { at: day(0, 2) })),
    ]);
    expect(matrix.profile(p1)?.primaryContact).toBe(ana.email);
    expect(
      matrix
        .users(p1)
        .filter((u) => u.primaryContact)
        .map((u) => [u.email, u.emailPreference]),
    ).toEqual([[ana.email, 'all']]);
  });

  it('PP-9 shows each user’s e-mail preference', () => {
    const matrix = matrixAfter([
      business,
      ...joins(ana, ['read'], { at: day(0, 1) }),
      ...joins(budi, ['read', 'purchase'], { at: day(0, 1) }),
      toProfile(setEmailPreference(budi, 'none', { at: day(0, 2) })),
    ]);
    expect(matrix.users(p1).map((u) => [u.email, u.emailPreference])).toEqual([
      [owner.email, 'all'],
      [ana.email, 'administrative'],
      [budi.email, 'none'],
    ]);
  });

  it('PP-7 a removed user leaves the matrix and holds nothing', () => {
    const matrix = matrixAfter([
      business,
      ...joins(ana, ['read', 'purchase'], { at: day(0, 1) }),
      toProfile(removeUser(ana, { at: day(0, 2) })),
    ]);
    expect(matrix.users(p1).map((u) => u.email)).toEqual([owner.email]);
    expect(matrix.can(p1, ana.id, 'read')).toBe(false);
  });

  it('PP-10 a second admin shows every permission too', () => {
    const matrix = matrixAfter([business, ...joins(citra, ['admin'], { at: day(0, 1) })]);
    expect(
      matrix
        .users(p1)
        .filter((u) => u.granted.includes('admin'))
        .map((u) => u.email),
    ).toEqual([owner.email, citra.email]);
    expect(matrix.can(p1, citra.email, 'manage-users')).toBe(true);
  });

  it('RM-2 finds a user by id or by address in any case; strangers and unknown profiles hold nothing', () => {
    const matrix = matrixAfter([business]);
    expect(matrix.can(p1, 'OWNER@acme.example', 'read')).toBe(true);
    expect(matrix.can(p1, owner.id, 'read')).toBe(true);
    expect(matrix.can(p1, stranger.id, 'read')).toBe(false);
    expect(matrix.can(profileId('nope'), owner.id, 'read')).toBe(false);
    expect(matrix.profile(profileId('nope'))).toBeUndefined();
    expect(matrix.users(profileId('nope'))).toEqual([]);
  });

  it('PP-2 shows the profile’s current name; profiles are kept apart', () => {
    const matrix = matrixAfter([
      business,
      toProfile(createProfile({ name: 'Globex' }, {}, 'profile-2'), 'profile-2'),
      toProfile(updateDetails({ name: 'Acme Indonesia', address: 'Jl. Sudirman 1' }, { at: day(0, 1) })),
    ]);
    expect(matrix.profile(p1)?.name).toBe('Acme Indonesia');
    expect(matrix.profile(profileId('profile-2'))?.name).toBe('Globex');
  });

  it('RM-2 keeps plain JSON state: folded through storage it equals a rebuild from zero', () => {
    const events = subscribed(
      permissionMatrix,
      run([
        business,
        ...joins(ana, ['read'], { at: day(0, 1) }),
        ...joins(citra, ['admin'], { at: day(0, 1) }),
        toProfile(inviteUser(budi, ['read'], 'inv-b', { at: day(0, 2) })),
        toProfile(reassignPrimaryContact(ana, { at: day(0, 3) })),
        toProfile(removeUser(owner, { at: day(0, 4), actor: citra })),
        toProfile(setEmailPreference(citra, 'none', { at: day(0, 5), actor: citra })),
      ]).events,
    );
    expect(foldPersisted(permissionMatrix, events)).toEqual(replayProjection(permissionMatrix, events));
  });
});
