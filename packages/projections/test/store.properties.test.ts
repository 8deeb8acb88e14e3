import { supportCase, paymentProfile } from '@dossier/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditTrail, openTicketQueue, permissionMatrix } from '../src/index.js';
import {
  foldPersisted,
  matrixDisagreements,
  nowArb,
  paymentProfileStepsArb,
  people,
  queueDisagreements,
  rebuilt,
  subscribed,
  supportCaseStepsArb,
} from '../src/testing/index.js';
import { handleAll, readLog, storeFor } from './support/store.js';

// The same checks as the other property tests, over a log written by core's command handler into the in-memory store
// and read back: what a runtime's projections are fed. Fewer runs, since each goes through the store.
const numRuns = Math.max(1, Math.floor(Number(process.env['FC_RUNS'] ?? 200) / 4));

describe('read models over logs written by the command handler', () => {
  it('RM-1 agrees with the SupportCase aggregates read back from the store', async () => {
    await fc.assert(
      fc.asyncProperty(supportCaseStepsArb, nowArb, async (steps, now) => {
        const store = storeFor();
        await handleAll(store, supportCase, steps);
        const events = await readLog(store);
        expect(queueDisagreements(events, rebuilt(openTicketQueue, events), now)).toEqual([]);
      }),
      { numRuns },
    );
  });

  it('RM-2 agrees with the PaymentProfile aggregates read back from the store; RM-4 records every event', async () => {
    const everyone = people.flatMap((p) => [p.id, p.email]);
    await fc.assert(
      fc.asyncProperty(paymentProfileStepsArb, async (steps) => {
        const store = storeFor();
        await handleAll(store, paymentProfile, steps);
        const events = await readLog(store);
        expect(matrixDisagreements(events, rebuilt(permissionMatrix, events), everyone)).toEqual([]);
        const trail = auditTrail.query(foldPersisted(auditTrail, subscribed(auditTrail, events)));
        for (const stream of new Set(events.map((e) => e.stream))) {
          const entries = trail.forAggregate(stream);
          expect(entries.map((e) => e.eventId)).toEqual(
            events.filter((e) => e.stream === stream).map((e) => e.metadata.eventId),
          );
          const sent = (commandId: string | null) =>
            steps[Number(commandId?.slice('command-'.length))]?.command.type;
          expect(entries.map((e) => e.commandType)).toEqual(entries.map((e) => sent(e.commandId)));
        }
      }),
      { numRuns },
    );
  });
});
