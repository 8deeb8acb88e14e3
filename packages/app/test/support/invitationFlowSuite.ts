import * as E from 'fp-ts/lib/Either.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createInMemoryProjectionStore } from '@dossier/core';
import {
  commandIdFor,
  systemActor,
  type Instant,
  type InvitationCommand,
  type PaymentProfileState,
} from '@dossier/domain';
import { replay, type Dossier } from '../../src/index.js';
import { crashBeforeSaving, eventually, started, type OpenStores, type Stores } from './harness.js';
import {
  anaInvitation,
  anaInvitationStream,
  deciders,
  inviteAna,
  left,
  profile,
  profileStream,
  readLog,
  right,
  rightOf,
} from './flowFixtures.js';
import { accept, ana, day, decline, requestCancellation, requestResend } from '@dossier/projections/testing';

type Created = Extract<PaymentProfileState, { readonly status: 'created' }>;

/**
 * The invitation flow end to end through `createDossier`: commands through the real handler into the store, the
 * invitation flow on core's process-manager runner, the read models live on core's projection runner.
 */
export const describeInvitationFlow = (label: string, open: OpenStores): void => {
  describe(`the invitation flow over ${label}`, () => {
    const cleanups: Array<() => Promise<void>> = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });

    const setUp = async (): Promise<Stores & { readonly dossier: Dossier }> => {
      const stores = await open();
      cleanups.push(stores.close);
      const dossier = await started(stores);
      cleanups.push(dossier.stop);
      return { ...stores, dossier };
    };

    const invited = async () => {
      const world = await setUp();
      await inviteAna(world.store);
      await world.dossier.waitUntilCaughtUp();
      return world;
    };

    const onInvitation = (dossier: Dossier, command: InvitationCommand) =>
      dossier.execute('invitation', anaInvitationStream, command)();

    const profileState = async (dossier: Dossier): Promise<Created> => {
      const replayed = await right(replay(dossier.store, deciders, profileStream));
      if (replayed.aggregate !== 'paymentProfile' || replayed.state.status !== 'created')
        throw new Error('expected a created profile');
      return replayed.state;
    };

    const invitationStatus = async (dossier: Dossier) =>
      (await right(replay(dossier.store, deciders, anaInvitationStream))).state.status;

    const matrix = (dossier: Dossier) => Promise.resolve(rightOf(dossier.permissionMatrix()));
    const pending = (dossier: Dossier) => Promise.resolve(rightOf(dossier.pendingInvitations()));
    const expire = (dossier: Dossier, now: Instant) => right(() => dossier.expireDue(now));

    it('IN-1 IN-4 an invitation is issued, and its acceptance makes an active user in RM-2 and on the profile', async () => {
      const { dossier } = await invited();
      expect(await invitationStatus(dossier)).toBe('pending');
      expect((await pending(dossier)).list().map((i) => i.invitationId)).toEqual([anaInvitation]);
      expect((await matrix(dossier)).profile(profile)?.pending.map((p) => p.email)).toEqual([ana.email]);

      expect(E.isRight(await onInvitation(dossier, accept(ana, day(3))))).toBe(true);
      await dossier.waitUntilCaughtUp();
      const state = await profileState(dossier);
      expect(state.users.find((u) => u.email === ana.email)?.permissions).toEqual(['read']);
      expect(state.pending).toEqual([]);
      const view = await matrix(dossier);
      expect(view.can(profile, ana.id, 'read')).toBe(true);
      expect(view.can(profile, ana.id, 'purchase')).toBe(false);
      expect(view.profile(profile)?.pending).toEqual([]);
      expect((await pending(dossier)).list()).toEqual([]);
    });

    it('IN-2 the scheduler expires an invitation past its 14 days, once, and the invitee is withdrawn', async () => {
      const { dossier, store } = await invited(); // sent at day(1)
      expect(await expire(dossier, day(15, -1))).toEqual([]);
      expect((await expire(dossier, day(15))).map((o) => o.kind)).toEqual(['expired']);
      expect(await expire(dossier, day(40))).toEqual([]);
      expect(await invitationStatus(dossier)).toBe('expired');
      expect((await profileState(dossier)).pending).toEqual([]);
      expect((await matrix(dossier)).profile(profile)?.pending).toEqual([]);
      expect((await readLog(store)).filter((e) => e.type === 'InvitationExpired')).toHaveLength(1);
      const late = await left(() => onInvitation(dossier, accept(ana, day(16))));
      expect(late).toMatchObject({ _tag: 'InvitationNotPending', status: 'expired' });
    });

    it('IN-3 a resend restarts the 14-day window: not expired at day 15, accepted at day 20', async () => {
      const { dossier } = await invited();
      await right(
        dossier.execute('paymentProfile', profileStream, requestResend(anaInvitation, { at: day(10) })),
      );
      await dossier.waitUntilCaughtUp();
      expect((await pending(dossier)).list().map((i) => i.expiresAt)).toEqual([day(24)]);
      expect(await expire(dossier, day(15))).toEqual([]);
      await right(() => onInvitation(dossier, accept(ana, day(20))));
      await dossier.waitUntilCaughtUp();
      expect((await matrix(dossier)).can(profile, ana.email, 'read')).toBe(true);
    });

    it('IN-5 a cancelled invitation is final: withdrawn from the profile, and it cannot be accepted', async () => {
      const { dossier } = await invited();
      await right(
        dossier.execute('paymentProfile', profileStream, requestCancellation(anaInvitation, { at: day(2) })),
      );
      await dossier.waitUntilCaughtUp();
      expect(await invitationStatus(dossier)).toBe('cancelled');
      expect((await profileState(dossier)).pending).toEqual([]);
      expect(await left(() => onInvitation(dossier, accept(ana, day(3))))).toMatchObject({
        _tag: 'InvitationNotPending',
        status: 'cancelled',
      });
      expect((await matrix(dossier)).can(profile, ana.id, 'read')).toBe(false);
      expect(await expire(dossier, day(30))).toEqual([]);
    });

    it('IN-5 a declined invitation is final: withdrawn from the profile, and it cannot be accepted', async () => {
      const { dossier } = await invited();
      await right(() => onInvitation(dossier, decline(ana, day(2))));
      await dossier.waitUntilCaughtUp();
      expect(await invitationStatus(dossier)).toBe('declined');
      expect((await profileState(dossier)).pending).toEqual([]);
      expect(await left(() => onInvitation(dossier, accept(ana, day(3))))).toMatchObject({
        _tag: 'InvitationNotPending',
      });
      expect((await pending(dossier)).list()).toEqual([]);
    });

    it('IN-4 an acceptance delivered twice (the same command id, then another) activates the user once', async () => {
      const { dossier, store } = await invited();
      const acceptance = accept(ana, day(3));
      await right(dossier.execute('invitation', anaInvitationStream, acceptance, { commandId: 'accept-1' }));
      const again = await right(
        dossier.execute('invitation', anaInvitationStream, acceptance, { commandId: 'accept-1' }),
      );
      expect(again.repeated).toBe(true);
      const other = await right(
        dossier.execute('invitation', anaInvitationStream, accept(ana, day(4)), { commandId: 'accept-2' }),
      );
      expect(other.events).toEqual([]);
      await dossier.waitUntilCaughtUp();
      const log = await readLog(store);
      expect(log.filter((e) => e.type === 'InvitationAccepted')).toHaveLength(1);
      expect(log.filter((e) => e.type === 'InvitedUserActivated')).toHaveLength(1);
      expect((await profileState(dossier)).users.filter((u) => u.email === ana.email)).toHaveLength(1);
    });

    it('IN-4 a flow replayed from zero (its checkpoints lost) dispatches every command again and changes nothing', async () => {
      const { dossier, store } = await invited();
      await dossier.stop(); // so that the cancellation crosses the acceptance, which the flow then refuses (IN-5)
      await right(() => onInvitation(dossier, accept(ana, day(3))));
      await right(
        dossier.execute('paymentProfile', profileStream, requestCancellation(anaInvitation, { at: day(4) })),
      );
      await right(() => dossier.start());
      await dossier.waitUntilCaughtUp();
      await dossier.stop();
      const before = await readLog(store);

      const replayed = await started({ store, states: createInMemoryProjectionStore() });
      cleanups.push(replayed.stop);
      await replayed.waitUntilCaughtUp();
      const flow = (await replayed.status()).invitationFlow;
      expect(flow?.dispatched).toBe(2); // IssueInvitation and ActivateInvitedUser, recognised by their ids
      expect(flow?.refusals.map((r) => (r.error as { readonly _tag: string })._tag)).toEqual([
        'InvitationNotPending',
      ]);
      expect(await readLog(store)).toEqual(before);
      const byFlow = before.filter((e) => e.metadata.actor === systemActor.id);
      expect(byFlow.map((e) => e.type)).toEqual(['InvitationIssued', 'InvitedUserActivated']);
      // Each under the id the saga derives from its cause: how a repeat is recognised even where the domain would not.
      for (const event of byFlow)
        expect(event.metadata.commandId).toBe(commandIdFor(event.metadata.causationId ?? '', 0));
      expect(rightOf(replayed.permissionMatrix()).can(profile, ana.id, 'read')).toBe(true);
    });

    it('IN-4 a flow restarted between dispatch and checkpoint dispatches again, and nothing happens twice', async () => {
      const stores = await open();
      cleanups.push(stores.close);
      const crash = crashBeforeSaving(stores.states, 'invitationFlow');
      const first = await started({ store: stores.store, states: crash.states });
      await inviteAna(stores.store);
      await eventually(async () => (await readLog(stores.store)).some((e) => e.type === 'InvitationIssued'));
      await first.stop(); // its checkpoint never moved past UserInvited
      expect(crash.refused).toBeGreaterThan(0);

      crash.on = false;
      const second = await started({ store: stores.store, states: crash.states });
      cleanups.push(second.stop);
      await second.waitUntilCaughtUp();
      const flow = (await second.status()).invitationFlow;
      expect(flow?.dispatched).toBe(1); // UserInvited came again, its command under the same id
      expect(flow?.refusals).toEqual([]);
      const log = await readLog(stores.store);
      expect(log.filter((e) => e.type === 'InvitationIssued')).toHaveLength(1);
      expect((await pending(second)).list().map((i) => i.invitationId)).toEqual([anaInvitation]);
    });
  });
};
