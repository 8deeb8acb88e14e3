import {
  createInMemoryProjectionStore,
  createInMemoryStore,
  keyed,
  rebuildOnce,
  replayRows,
  runProjections,
  type AnyProjection,
  type EventStore,
  type ProjectionStoreFault,
  type RecordedEvent,
} from '@dossier/core';
import { supportCase, type InvitationId, type ProfileId } from '@dossier/domain';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { auditTrail, openTicketQueue, pendingInvitations, permissionMatrix } from '../src/index.js';
import {
  flowProfile,
  runCommands,
  subscribed,
  supportCaseStepsArb,
  viewOf,
  worldStepsArb,
  type WorldStep,
} from '../src/testing/index.js';
import { FlowWorld } from './support/invitationFlow.js';
import { readLog } from './support/store.js';

// The four read models run by core's runner on keyed rows, saved incrementally, against a fold from zero of the
// same events: after each part of the log, after runners crashed between folding and saving and were started
// again, and after rebuilds. Fewer runs, since each goes through stores and runners.
const numRuns = Math.max(1, Math.floor(Number(process.env['FC_RUNS'] ?? 200) / 8));
const readModels: ReadonlyArray<AnyProjection> = [
  openTicketQueue,
  permissionMatrix,
  pendingInvitations,
  auditTrail,
];

/** A log of all three aggregates: support cases, and a profile with invitations and the flow between them. */
const logArb = fc.tuple(supportCaseStepsArb, worldStepsArb).map(([caseSteps, worldSteps]) => {
  const world = new FlowWorld();
  for (const step of worldSteps.filter(
    (s): s is Exclude<WorldStep, { kind: 'schedule' }> => s.kind !== 'schedule',
  ))
    if (step.kind === 'profile') world.profile(flowProfile as ProfileId, step.command);
    else if (step.kind === 'invitation') world.invitation(step.invitationId as InvitationId, step.command);
    else world.deliver();
  const cases = runCommands(supportCase, caseSteps).events;
  // Interleaved, as several writers would leave them.
  const merged: RecordedEvent[] = [];
  for (let i = 0; i < Math.max(cases.length, world.log.events.length); i++) {
    const [a, b] = [cases[i], world.log.events[i]];
    if (a !== undefined) merged.push(a);
    if (b !== undefined) merged.push(b);
  }
  return merged;
});

/** How one runner's life ends: stopped once settled, or dead at its n-th save (before or after it reached the store). */
const endingArb = fc.oneof(
  fc.constant({ kind: 'settle' as const }),
  fc.record({
    kind: fc.constant('crash' as const),
    atSave: fc.integer({ min: 1, max: 8 }),
    fault: fc.constantFrom<ProjectionStoreFault>('failBefore', 'failAfter'),
  }),
);

const append = async (store: EventStore, events: ReadonlyArray<RecordedEvent>): Promise<void> => {
  for (const event of events) {
    const { eventId, commandId, commandHash, correlationId, causationId, actor } = event.metadata;
    const appended = await store.append(event.stream, 'any', [
      {
        type: event.type,
        data: event.data,
        metadata: {
          eventId,
          correlationId,
          ...(commandId === null ? {} : { commandId }),
          ...(commandHash === null ? {} : { commandHash }),
          ...(causationId === null ? {} : { causationId }),
          ...(actor === null ? {} : { actor }),
        },
      },
    ])();
    if (E.isLeft(appended)) throw new Error(`append: ${appended.left._tag}`);
  }
};

/** Each read model's answers from zero over the store's log, by name. */
const fromZero = async (store: EventStore): Promise<Record<string, unknown>> => {
  const log = await readLog(store);
  return Object.fromEntries(
    readModels.map((p) => [p.name, viewOf(p, replayRows(keyed(p), subscribed(p, log)))]),
  );
};

const liveViews = async (store: EventStore, states: ReturnType<typeof createInMemoryProjectionStore>) => {
  const started = await runProjections({ store, states, projections: readModels, saveEvery: 3, idleMs: 1 })();
  if (E.isLeft(started)) throw new Error(`start: ${started.left._tag}`);
  await started.right.settled();
  const views = Object.fromEntries(
    readModels.map((p) => {
      const rows = started.right.rows(p);
      return [p.name, E.isRight(rows) ? viewOf(p, rows.right) : null];
    }),
  );
  return { runner: started.right, views };
};

describe('the four read models on keyed rows, run incrementally', () => {
  it('RM-1…RM-4 equal a fold from zero after every part of the log, after crashes and restarts, and after rebuilds', async () => {
    await fc.assert(
      fc.asyncProperty(
        logArb,
        fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 9 }), endingArb), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.integer({ min: 1, max: 12 }),
        async (log, lives, pageSize) => {
          const store = createInMemoryStore();
          let saves = 0;
          let crash: { readonly atSave: number; readonly fault: ProjectionStoreFault } | null = null;
          let dead = false;
          const states = createInMemoryProjectionStore({
            fault: (write) => {
              if (dead) return 'failBefore';
              if (write.operation !== 'save' || crash === null) return 'none';
              saves += 1;
              if (saves < crash.atSave) return 'none';
              dead = true; // nothing the dead process tries afterwards reaches the store
              return crash.fault;
            },
          });
          let written = 0;
          for (const [size, saveEvery, ending] of lives) {
            [saves, dead, crash] = [0, false, ending.kind === 'crash' ? ending : null];
            const started = await runProjections({
              store,
              states,
              projections: readModels,
              saveEvery,
              pageSize,
              idleMs: 1,
            })();
            await append(store, log.slice(written, written + size));
            written = Math.min(log.length, written + size);
            if (E.isLeft(started)) continue; // it died while starting; the next life starts again
            await started.right.settled();
            if (ending.kind === 'settle') {
              // After this part of the log: the live rows answer as a fold from zero of it.
              const views = Object.fromEntries(
                readModels.map((p) => [p.name, viewOf(p, (started.right.rows(p) as E.Right<never>).right)]),
              );
              expect(views).toEqual(await fromZero(store));
            }
            await started.right.stop();
          }
          [crash, dead] = [null, false];
          await append(store, log.slice(written));
          const expected = await fromZero(store);
          const resumed = await liveViews(store, states);
          expect(resumed.views).toEqual(expected);
          // A rebuild while the runner answers, then one in a single pass over the log, as the CLI runs it (read
          // in pages of any size, so a page may end anywhere, on the last event too).
          for (const p of readModels) expect(E.isRight(await resumed.runner.rebuild(p))).toBe(true);
          expect(
            Object.fromEntries(
              readModels.map((p) => [p.name, viewOf(p, (resumed.runner.rows(p) as E.Right<never>).right)]),
            ),
          ).toEqual(expected);
          await resumed.runner.stop();
          const once = await rebuildOnce({ store, states, projections: readModels, saveEvery: 5, pageSize })();
          expect(E.isRight(once)).toBe(true);
          const handled = new Set<string>();
          for (const p of readModels) for (const type of p.eventTypes as ReadonlyArray<string>) handled.add(type);
          const all = await store.readAll()();
          // Each event the read models fold read once, whatever the page size.
          expect((once as E.Right<{ eventsRead: number }>).right.eventsRead).toBe(
            (all as E.Right<ReadonlyArray<{ type: string }>>).right.filter((e) => handled.has(e.type)).length,
          );
          const after = await liveViews(store, states);
          expect(after.views).toEqual(expected);
          await after.runner.stop();
        },
      ),
      { numRuns },
    );
  }, 300_000);
});
