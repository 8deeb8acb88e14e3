import { afterEach, describe, expect, it } from 'vitest';
import { createInMemoryProjectionStore, type EventStore, type RecordedEvent } from '@dossier/core';
import {
  incidentFlowActor,
  incidentResolutionCommandId,
  supportCaseStream,
  type SupportCaseCommand,
} from '@dossier/domain';
import {
  caseId,
  day,
  incidentId,
  linkIncident,
  openCase,
  resolve,
  resolveLinkedIncident,
  startWork,
} from '@dossier/projections/testing';
import { execute, replay, type Dossier } from '../../src/index.js';
import { deciders, readLog, right } from './flowFixtures.js';
import { crashBeforeSaving, eventually, started, type OpenStores, type Stores } from './harness.js';

const outage = incidentId('inc-1');
const endedAt = day(3);

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

const statusOf = async (store: EventStore, id: string) => {
  const replayed = await right(replay(store, deciders, supportCaseStream(caseId(id))));
  if (replayed.aggregate !== 'supportCase') throw new Error('expected a support case');
  return replayed.state;
};

const resolutions = (log: ReadonlyArray<RecordedEvent>) =>
  log.filter((event) => event.type === 'CaseResolved');
const resolvedStreams = (log: ReadonlyArray<RecordedEvent>) =>
  resolutions(log)
    .map((e) => e.stream)
    .sort();
const linkedOpen = ['open', 'working'].map((id) => supportCaseStream(caseId(id)));
const everyLinked = ['answered', 'open', 'working'].map((id) => supportCaseStream(caseId(id)));

/** SC-11 through the incident flow that `createDossier` runs, over one kind of store. */
export const describeIncidentFlow = (label: string, open: OpenStores): void => {
  describe(`the incident flow over ${label}`, () => {
    const cleanups: Array<() => Promise<void>> = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });
    const opened = async (): Promise<Stores> => {
      const stores = await open();
      cleanups.push(stores.close);
      await seed(stores.store);
      return stores;
    };
    const startedOn = async (stores: Pick<Stores, 'store' | 'states'>): Promise<Dossier> => {
      const dossier = await started(stores);
      cleanups.push(dossier.stop);
      return dossier;
    };

    it('SC-11 the reported end of an incident resolves every linked open case with outage-resolved, as the system', async () => {
      const { store, states } = await opened();
      const dossier = await startedOn({ store, states });
      const result = await right(() => dossier.resolveIncident(outage, endedAt));

      expect([...result.resolved].sort()).toEqual([caseId('open'), caseId('working')]);
      expect(result.stillOpen).toEqual([]);
      for (const id of ['open', 'working']) {
        const state = await statusOf(store, id);
        expect(state.status).toBe('resolved');
        if (state.status !== 'resolved') continue;
        expect(state.outcome).toMatchObject({ kind: 'outage-resolved', incidentId: outage });
        expect(state.resolvedAt).toBe(endedAt);
      }
      const log = await readLog(store);
      const bySystem = resolutions(log).filter((e) => e.metadata.actor === incidentFlowActor.id);
      expect(bySystem.map((e) => e.stream).sort()).toEqual(linkedOpen);
      for (const event of bySystem)
        expect(event.metadata.commandId).toBe(
          incidentResolutionCommandId(outage, caseId(event.stream.slice(12))),
        );
      expect(resolvedStreams(log)).toEqual(everyLinked); // `answered` kept its agent's outcome
      expect((await statusOf(store, 'other')).status).toBe('open');
      expect((await statusOf(store, 'unlinked')).status).toBe('open');
      expect((await dossier.status()).incidentFlow).toMatchObject({ phase: 'live', refusalCount: 0 });
    });

    it('SC-11 an agent resolving one linked case for the incident makes the flow resolve the other, caused by it', async () => {
      const { store, states } = await opened();
      const dossier = await startedOn({ store, states });
      await toCase(store, 'open', resolveLinkedIncident({ at: endedAt }));
      await dossier.waitUntilCaughtUp();

      const log = await readLog(store);
      expect(resolvedStreams(log)).toEqual(everyLinked);
      const [trigger] = resolutions(log).filter((e) => e.stream === supportCaseStream(caseId('open')));
      const [cascaded] = resolutions(log).filter((e) => e.stream === supportCaseStream(caseId('working')));
      expect(cascaded?.metadata).toMatchObject({
        actor: incidentFlowActor.id,
        causationId: trigger?.metadata.eventId,
        commandId: incidentResolutionCommandId(outage, caseId('working')),
      });
      expect(cascaded?.data).toMatchObject({
        at: endedAt,
        outcome: { kind: 'outage-resolved', incidentId: outage },
      });
      expect((await dossier.status()).incidentFlow?.dispatched).toBe(1);
    });

    it('SC-11 the same end reported twice, even at once, resolves each case once', async () => {
      const { store, states } = await opened();
      const dossier = await startedOn({ store, states });
      await Promise.all([dossier.resolveIncident(outage, endedAt), dossier.resolveIncident(outage, endedAt)]);
      const before = await readLog(store);
      const again = await right(() => dossier.resolveIncident(outage, endedAt));

      expect(again).toEqual({ incidentId: outage, resolved: [], stillOpen: [] });
      expect(await readLog(store)).toEqual(before);
      expect(resolvedStreams(before)).toEqual(everyLinked);
    });

    it('SC-11 the flow resumes from its saved rows and checkpoint after a restart, and resolves each case once', async () => {
      const { store, states } = await opened();
      const first = await startedOn({ store, states });
      await first.waitUntilCaughtUp();
      const saved = (await first.status()).incidentFlow?.checkpoint;
      await first.stop();

      const second = await startedOn({ store, states });
      expect((await second.status()).incidentFlow?.checkpoint).toBe(saved); // resumed, not folded from zero
      const result = await right(() => second.resolveIncident(outage, endedAt)); // from the rows it saved
      expect([...result.resolved].sort()).toEqual([caseId('open'), caseId('working')]);
      expect((await second.status()).incidentFlow?.dispatched).toBe(1);
      expect(resolvedStreams(await readLog(store))).toEqual(everyLinked);
    });

    it('SC-11 a flow restarted between its dispatches and its checkpoint dispatches again, and nothing happens twice', async () => {
      const { store, states } = await opened();
      const crash = crashBeforeSaving(states, 'incidentFlow');
      const first = await startedOn({ store, states: crash.states });
      await toCase(store, 'open', resolveLinkedIncident({ at: endedAt }));
      await eventually(async () => resolvedStreams(await readLog(store)).length === 3);
      await first.stop(); // neither its rows nor its checkpoint were saved
      expect(crash.refused).toBeGreaterThan(0);

      crash.on = false;
      const second = await startedOn({ store, states: crash.states });
      await second.waitUntilCaughtUp();
      const flow = (await second.status()).incidentFlow;
      expect(flow?.dispatched).toBe(1); // the resolution of `working`, recognised by its id
      expect(flow?.refusals).toEqual([]);
      const log = await readLog(store);
      expect(resolvedStreams(log)).toEqual(everyLinked);
      const working = incidentResolutionCommandId(outage, caseId('working'));
      expect(resolutions(log).filter((e) => e.metadata.commandId === working)).toHaveLength(1);
    });

    it('SC-11 a flow replayed from zero (its rows lost) changes nothing in the log', async () => {
      const { store, states } = await opened();
      const first = await startedOn({ store, states });
      await right(() => first.resolveIncident(outage, endedAt));
      await first.stop();
      const before = await readLog(store);

      const replayed = await startedOn({ store, states: createInMemoryProjectionStore() });
      await replayed.waitUntilCaughtUp();
      expect((await replayed.status()).incidentFlow).toMatchObject({ dispatched: 1, refusalCount: 0 });
      expect(await readLog(store)).toEqual(before);
    });
  });
};
