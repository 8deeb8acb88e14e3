import { replayProjection } from '@dossier/core';
import { describe, expect, it } from 'vitest';
import { pendingInvitations, permissionMatrix } from '../src/index.js';
import {
  accept,
  ana,
  budi,
  citra,
  createProfile,
  day,
  decline,
  expire,
  foldPersisted,
  invitationId,
  inviteUser,
  profileId,
  requestCancellation,
  requestResend,
  subscribed,
} from '../src/testing/index.js';
import { FlowWorld } from './support/invitationFlow.js';

const p1 = profileId('profile-1');
const p2 = profileId('profile-2');

/** A business profile, with Ana invited at day(0) and Budi at day(2) (read, purchase), the flow delivered. */
const invitedWorld = (): FlowWorld => {
  const world = new FlowWorld();
  world.profile(p1, createProfile({}, { at: day(0) }));
  world.profile(p1, inviteUser(ana, ['read'], 'inv-ana', { at: day(0) }));
  world.profile(p1, inviteUser(budi, ['read', 'purchase'], 'inv-budi', { at: day(2) }, 'all'));
  world.deliver();
  return world;
};

const viewOf = (world: FlowWorld) =>
  pendingInvitations.query(
    replayProjection(pendingInvitations, subscribed(pendingInvitations, world.log.events)),
  );

describe('pending invitations (RM-3)', () => {
  it('IN-1, IN-2 lists each pending invitation with its profile, address, permissions and expiry 14 days after sending', () => {
    const world = invitedWorld();
    expect(world.log.refused).toBe(0);
    expect(viewOf(world).list()).toEqual([
      {
        invitationId: 'inv-ana',
        profileId: 'profile-1',
        email: ana.email,
        permissions: ['read'],
        emailPreference: 'administrative',
        issuedBy: 'user-owner',
        issuedAt: day(0),
        lastSentAt: day(0),
        expiresAt: day(14),
        resent: 0,
      },
      expect.objectContaining({
        invitationId: 'inv-budi',
        permissions: ['read', 'purchase'],
        expiresAt: day(16),
      }),
    ]);
  });

  it('IN-3 resending moves the expiry', () => {
    const world = invitedWorld();
    world.profile(p1, requestResend('inv-ana', { at: day(10) }));
    world.deliver();
    expect(world.log.refused).toBe(0);
    expect(
      viewOf(world)
        .list()
        .map((i) => [i.invitationId, i.lastSentAt, i.expiresAt, i.resent]),
    ).toEqual([
      ['inv-budi', day(2), day(16), 0],
      ['inv-ana', day(10), day(24), 1],
    ]);
  });

  it('IN-2 expiredAt(now) gives the invitations whose expiry is at or before now', () => {
    const view = viewOf(invitedWorld());
    expect(view.expiredAt(day(14, -1))).toEqual([]);
    expect(view.expiredAt(day(14)).map((i) => i.invitationId)).toEqual(['inv-ana']);
    expect(view.expiredAt(day(30)).map((i) => i.invitationId)).toEqual(['inv-ana', 'inv-budi']);
  });

  it('IN-2 the scheduler expires what expiredAt lists, and it leaves the view and the profile', () => {
    const world = invitedWorld();
    for (const due of viewOf(world).expiredAt(day(15))) world.invitation(due.invitationId, expire(day(15)));
    world.deliver();
    expect(world.log.refused).toBe(0);
    expect(
      viewOf(world)
        .list()
        .map((i) => i.invitationId),
    ).toEqual(['inv-budi']);
    const matrix = permissionMatrix.query(
      replayProjection(permissionMatrix, subscribed(permissionMatrix, world.log.events)),
    );
    expect(matrix.profile(p1)?.pending.map((p) => p.invitationId)).toEqual(['inv-budi']);
  });

  it('IN-4 an accepted invitation leaves the view', () => {
    const world = invitedWorld();
    world.invitation(invitationId('inv-ana'), accept(ana, day(1)));
    expect(
      viewOf(world)
        .list()
        .map((i) => i.invitationId),
    ).toEqual(['inv-budi']);
  });

  it('IN-5 a cancelled or declined invitation leaves the view', () => {
    const world = invitedWorld();
    world.profile(p1, requestCancellation('inv-ana', { at: day(3) }));
    world.deliver();
    world.invitation(invitationId('inv-budi'), decline(budi, day(3)));
    expect(world.log.refused).toBe(0);
    expect(viewOf(world).list()).toEqual([]);
  });

  it('IN-4, IN-5 an accepted invitation stays out of the view when the acceptance is delivered twice', () => {
    const world = invitedWorld();
    world.invitation(invitationId('inv-ana'), accept(ana, day(1)));
    world.invitation(invitationId('inv-ana'), accept(ana, day(1))); // IN-4: a second delivery changes nothing
    world.deliver();
    expect(
      viewOf(world)
        .list()
        .map((i) => i.invitationId),
    ).toEqual(['inv-budi']);
  });

  it('RM-3 forProfile gives one profile’s pending invitations, soonest to expire first', () => {
    const world = invitedWorld();
    world.profile(p2, createProfile({ name: 'Globex' }, { at: day(1) }, 'profile-2'));
    world.profile(p2, inviteUser(citra, [], 'inv-citra', { at: day(1) }, 'none'));
    world.deliver();
    const view = viewOf(world);
    expect(view.forProfile(p1).map((i) => i.invitationId)).toEqual(['inv-ana', 'inv-budi']);
    expect(view.forProfile(p2).map((i) => [i.invitationId, i.expiresAt])).toEqual([['inv-citra', day(15)]]);
    expect(view.list().map((i) => i.invitationId)).toEqual(['inv-ana', 'inv-citra', 'inv-budi']);
  });

  it('RM-3 keeps plain JSON state: folded through storage it equals a rebuild from zero', () => {
    const world = invitedWorld();
    world.profile(p1, requestResend('inv-budi', { at: day(3) }));
    world.deliver();
    world.invitation(invitationId('inv-ana'), decline(ana, day(4)));
    const events = subscribed(pendingInvitations, world.log.events);
    expect(foldPersisted(pendingInvitations, events)).toEqual(replayProjection(pendingInvitations, events));
  });
});
