import { replayProjection } from '@dossier/core';
import { paymentProfile } from '@dossier/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditTrail, permissionMatrix } from '../src/index.js';
import {
  foldPersisted,
  matrixDisagreements,
  paymentProfileStepsArb,
  paymentProfileStreams,
  people,
  rebuilt,
  runCommands,
  subscribed,
} from '../src/testing/index.js';

const numRuns = Number(process.env['FC_RUNS'] ?? 200);
const everyone = people.flatMap((p) => [p.id, p.email]);

describe('read models over random payment-profile histories', () => {
  it('RM-2 folded event by event through storage equals a rebuild from zero', () => {
    fc.assert(
      fc.property(paymentProfileStepsArb, (steps) => {
        const events = subscribed(permissionMatrix, runCommands(paymentProfile, steps).events);
        expect(foldPersisted(permissionMatrix, events)).toEqual(replayProjection(permissionMatrix, events));
      }),
      { numRuns },
    );
  });

  it('RM-2, PP-3, PP-6, PP-8 can() agrees with the PaymentProfile for every person and permission', () => {
    fc.assert(
      fc.property(paymentProfileStepsArb, (steps) => {
        const { events } = runCommands(paymentProfile, steps);
        expect(matrixDisagreements(events, rebuilt(permissionMatrix, events), everyone)).toEqual([]);
      }),
      { numRuns },
    );
  });

  it('RM-4 records each payment-profile event once, in stream order, with the command that emitted it', () => {
    fc.assert(
      fc.property(paymentProfileStepsArb, (steps) => {
        const { events, commandTypes } = runCommands(paymentProfile, steps);
        const relevant = subscribed(auditTrail, events);
        const trail = auditTrail.query(foldPersisted(auditTrail, relevant));
        for (const [stream, streamEvents] of Object.entries(paymentProfileStreams(events))) {
          const entries = trail.forAggregate(stream);
          expect(entries.map((e) => [e.revision, e.type, e.hash])).toEqual(
            streamEvents.map((e) => [e.revision.toString(), e.type, e.metadata.hash]),
          );
          expect(entries.map((e) => e.commandType)).toEqual(
            entries.map((e) => commandTypes[e.commandId ?? '']),
          );
        }
      }),
      { numRuns },
    );
  });
});
