import { afterEach, describe, expect, it } from 'vitest';
import type { EventStore } from '@dossier/core';
import { supportCaseStream, type SupportCaseCommand } from '@dossier/domain';
import {
  caseId,
  day,
  incidentId,
  linkIncident,
  openCase,
  resolve,
  startWork,
} from '@dossier/projections/testing';
import {
  execute,
  incidentFlowActor,
  incidentResolutionCommandId,
  replay,
  resolveIncident,
} from '../../src/index.js';
import { deciders, readLog, right } from './flowFixtures.js';
import type { OpenStores } from './harness.js';

const outage = incidentId('inc-1');
const resolvedAt = day(3);

const toCase = (store: EventStore, id: string, command: SupportCaseCommand) =>
  right(execute(store, deciders, 'supportCase', supportCaseStream(caseId(id)), command));

/**
 * Cases around incident inc-1: `open` and `working` linked and still open, `answered` linked but already resolved
 * by an agent, `other` linked to inc-2, `unlinked` not linked at all.
 */
const seed = async (store: EventStore): Promise<void> => {
  for (const id of ['open', 'working', 'answered', 'other', 'unlinked'])
    await toCase(store, id, openCase({ id, at: day(0) }));
  await toCase(store, 'open', linkIncident({ at: day(1) }));
  await toCase(store, 'working', startWork({ at: day(1) }));
  await toCase(store, 'working', linkIncident({ at: day(1, 1) }));
  await toCase(store, 'answered', linkIncident({ at: day(1) }));
  await toCase(store, 'answered', startWork({ at: day(2) }));
  await toCase(store, 'answered', resolve({ at: day(2, 1) }));
  await toCase(store, 'other', linkIncident({ at: day(1) }, 'inc-2'));
};

const caseState = async (store: EventStore, id: string) => {
  const replayed = await right(replay(store, deciders, supportCaseStream(caseId(id))));
  if (replayed.aggregate !== 'supportCase') throw new Error('expected a support case');
  return replayed.state;
};

const resolutionsOf = async (store: EventStore) =>
  (await readLog(store)).filter((event) => event.type === 'CaseResolved').map((event) => event.stream);

/** SC-11 through `resolveIncident`, over one kind of store. */
export const describeIncidentResolution = (label: string, open: OpenStores): void => {
  describe(`resolving an incident over ${label}`, () => {
    const cleanups: Array<() => Promise<void>> = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });
    const seeded = async (): Promise<EventStore> => {
      const stores = await open();
      cleanups.push(stores.close);
      await seed(stores.store);
      return stores.store;
    };

    it('SC-11 resolves every linked open case with outage-resolved, as the system, and nothing else', async () => {
      const store = await seeded();
      const result = await right(resolveIncident(store, deciders, outage, resolvedAt));

      expect([...result.resolved].sort()).toEqual([caseId('open'), caseId('working')]);
      expect(result.alreadyResolved).toEqual([caseId('answered')]);
      expect(result.refused).toEqual([]);
      for (const id of ['open', 'working']) {
        const state = await caseState(store, id);
        expect(state.status).toBe('resolved');
        if (state.status !== 'resolved') continue;
        expect(state.outcome).toMatchObject({ kind: 'outage-resolved', incidentId: outage });
        expect(state.resolvedAt).toBe(resolvedAt);
      }
      const recorded = (await readLog(store)).filter(
        (event) => event.type === 'CaseResolved' && event.metadata.commandId?.startsWith('incidentFlow:'),
      );
      expect(recorded.map((event) => event.metadata.actor)).toEqual([
        incidentFlowActor.id,
        incidentFlowActor.id,
      ]);
      expect((await caseState(store, 'other')).status).toBe('open');
      expect((await caseState(store, 'unlinked')).status).toBe('open');
    });

    it('SC-11 run again, or twice at once, it resolves each case once and appends nothing more', async () => {
      const store = await seeded();
      await Promise.all([
        right(resolveIncident(store, deciders, outage, resolvedAt)),
        right(resolveIncident(store, deciders, outage, resolvedAt)),
      ]);
      const before = (await readLog(store)).length;
      const again = await right(resolveIncident(store, deciders, outage, resolvedAt));

      expect(again.resolved).toEqual([]);
      expect([...again.alreadyResolved].sort()).toEqual([
        caseId('answered'),
        caseId('open'),
        caseId('working'),
      ]);
      expect((await readLog(store)).length).toBe(before);
      expect((await resolutionsOf(store)).sort()).toEqual(
        ['answered', 'open', 'working'].map((id) => supportCaseStream(caseId(id))),
      );
    });

    it('SC-11 resumes where an interrupted run stopped: the case it had resolved is not resolved again', async () => {
      const store = await seeded();
      // The first run got as far as one case, under the id every run uses for it, then stopped.
      await right(
        execute(
          store,
          deciders,
          'supportCase',
          supportCaseStream(caseId('open')),
          {
            type: 'ResolveLinkedIncident',
            at: resolvedAt,
            actor: incidentFlowActor,
            data: { incidentId: outage },
          },
          { commandId: incidentResolutionCommandId(outage, caseId('open')) },
        ),
      );
      const resumed = await right(resolveIncident(store, deciders, outage, resolvedAt));

      expect(resumed.resolved).toEqual([caseId('working')]);
      expect(
        (await resolutionsOf(store)).filter((stream) => stream === supportCaseStream(caseId('open'))),
      ).toHaveLength(1);
    });
  });
};
