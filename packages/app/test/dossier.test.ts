import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createInMemoryProjectionStore, createInMemoryStore, onReadModelChanged } from '@dossier/core';
import { pendingInvitations, permissionMatrix } from '@dossier/projections';
import type { IncidentId } from '@dossier/domain';
import {
  createDossier,
  dossierProjectionNames,
  dossierSchema,
  openProjectionStore,
  openStore,
  type Dossier,
} from '../src/index.js';
import {
  anaInvitationStream,
  inviteAna,
  left,
  profile,
  readLog,
  right,
  rightOf,
} from './support/flowFixtures.js';
import { started, type Stores } from './support/harness.js';
import { ana, day, openCase, toCase, viewOf } from '@dossier/projections/testing';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const inMemory = (): Pick<Stores, 'store' | 'states'> => ({
  store: createInMemoryStore({ schema: dossierSchema }),
  states: createInMemoryProjectionStore(),
});

const live = async (stores = inMemory(), options: Parameters<typeof started>[1] = {}): Promise<Dossier> => {
  const dossier = await started(stores, options);
  cleanups.push(dossier.stop);
  return dossier;
};

describe('createDossier', () => {
  it('answers DossierNotStarted before start and after stop, and executes commands either way', async () => {
    const dossier = createDossier({ store: createInMemoryStore({ schema: dossierSchema }) });
    expect(dossier.openTicketQueue()).toEqual(E.left({ _tag: 'DossierNotStarted' }));
    expect(await dossier.rebuild('openTicketQueue')).toEqual(E.left({ _tag: 'DossierNotStarted' }));
    expect(await dossier.expireDue(day(30))).toEqual(E.left({ _tag: 'DossierNotStarted' }));
    const { stream, command } = toCase('case-1', openCase({ id: 'case-1' }));
    await right(dossier.execute('supportCase', stream, command));
    await right(() => dossier.start());
    await dossier.waitUntilCaughtUp();
    expect(rightOf(dossier.openTicketQueue()).list({ now: day(0) })).toHaveLength(1);
    await dossier.stop();
    expect(dossier.permissionMatrix()).toEqual(E.left({ _tag: 'DossierNotStarted' }));
    expect(await dossier.status()).toEqual({ projections: [], invitationFlow: null, incidentFlow: null });
  });

  it('reports a projection store it cannot use as StoreUnavailable from start, leaving nothing running', async () => {
    const states = createInMemoryProjectionStore();
    await states.close();
    const dossier = createDossier({
      store: createInMemoryStore({ schema: dossierSchema }),
      projectionStore: states,
    });
    expect(await left(() => dossier.start())).toMatchObject({ _tag: 'StoreUnavailable' });
    expect(dossier.auditTrail()).toEqual(E.left({ _tag: 'DossierNotStarted' }));
    expect(await dossier.status()).toEqual({ projections: [], invitationFlow: null, incidentFlow: null });
  });

  it('reports the status of the four read models and of the invitation flow, caught up after waiting', async () => {
    const dossier = await live();
    await inviteAna(dossier.store);
    await dossier.waitUntilCaughtUp();
    const status = await dossier.status();
    const head = (await readLog(dossier.store)).at(-1)?.position;
    expect(status.projections.map((p) => p.name)).toEqual(dossierProjectionNames);
    for (const projection of status.projections)
      expect(projection).toMatchObject({ caughtUp: true, lag: 0n });
    expect(status.projections.find((p) => p.name === 'auditTrail')?.position).toBe(head);
    expect(status.invitationFlow).toMatchObject({ phase: 'live', dispatched: 1, refusalCount: 0 });
  });

  it('rebuilds a read model from zero into the same answers, and announces it on the bus', async () => {
    const dossier = await live();
    await inviteAna(dossier.store);
    await dossier.waitUntilCaughtUp();
    const before = viewOf(permissionMatrix, rightOf(dossier.rows(permissionMatrix)));
    const announced: string[] = [];
    const off = onReadModelChanged(dossier.bus, (change) =>
      announced.push(`${change.projection}:${change.reason}`),
    );
    const rebuilt = await right(() => dossier.rebuild('permissionMatrix'));
    off();
    expect(rebuilt).toMatchObject({ name: 'permissionMatrix', generation: 1 });
    expect(announced).toContain('permissionMatrix:rebuilt');
    expect(viewOf(permissionMatrix, rightOf(dossier.rows(permissionMatrix)))).toEqual(before);
    expect(await left(() => dossier.rebuild('noSuchView'))).toEqual({
      _tag: 'ProjectionNotRunning',
      name: 'noSuchView',
    });
  });

  it('with the flows off, folds the log and writes nothing', async () => {
    const stores = inMemory();
    await inviteAna(stores.store);
    const dossier = await live(stores, { flows: false });
    await dossier.waitUntilCaughtUp();
    expect((await dossier.status()).invitationFlow).toBeNull();
    expect((await dossier.status()).incidentFlow).toBeNull();
    expect(await dossier.resolveIncident('inc-1' as IncidentId, day(2))).toEqual(
      E.left({ _tag: 'IncidentFlowNotRunning' }),
    );
    expect((await readLog(stores.store)).map((e) => e.stream)).not.toContain(anaInvitationStream);
    const matrix = rightOf(dossier.permissionMatrix());
    expect(matrix.profile(profile)?.pending.map((p) => p.email)).toEqual([ana.email]);
  });

  it('over SQLite files, a restart resumes from the saved checkpoints with the same views', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'dossier-resume-'));
    cleanups.push(() => Promise.resolve(rmSync(folder, { recursive: true, force: true })));
    const open = async () => {
      const opened = await right(openStore(`sqlite:${join(folder, 'events.db')}`));
      return { store: opened.store, states: openProjectionStore(opened.location) };
    };
    const first = await open();
    const dossier = await started(first);
    await inviteAna(first.store);
    await dossier.waitUntilCaughtUp();
    const before = viewOf(pendingInvitations, rightOf(dossier.rows(pendingInvitations)));
    await dossier.stop();
    await first.states.close();
    await first.store.close();

    const second = await open();
    cleanups.push(async () => {
      await second.states.close();
      await second.store.close();
    });
    const saved = await right(second.states.current('pendingInvitations'));
    const head = (await readLog(second.store)).at(-1)?.position;
    expect(saved?.checkpoint).toBe(head);
    const again = await live(second);
    expect(viewOf(pendingInvitations, rightOf(again.rows(pendingInvitations)))).toEqual(before);
    await again.waitUntilCaughtUp();
    expect((await again.status()).invitationFlow?.dispatched).toBe(0); // nothing came again
    expect((await readLog(second.store)).filter((e) => e.type === 'InvitationIssued')).toHaveLength(1);
  });
});
