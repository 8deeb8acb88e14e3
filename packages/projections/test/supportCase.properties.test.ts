import { replayProjection } from '@dossier/core';
import { compareCaseOrder, supportCase } from '@dossier/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditTrail, openTicketQueue } from '../src/index.js';
import {
  foldPersisted,
  nowArb,
  queueDisagreements,
  rebuilt,
  runCommands,
  subscribed,
  supportCaseStepsArb,
  supportCaseStreams,
} from '../src/testing/index.js';

const numRuns = Number(process.env['FC_RUNS'] ?? 200);

describe('read models over random support-case histories', () => {
  it('RM-1 folded event by event through storage equals a rebuild from zero', () => {
    fc.assert(
      fc.property(supportCaseStepsArb, (steps) => {
        const events = subscribed(openTicketQueue, runCommands(supportCase, steps).events);
        expect(foldPersisted(openTicketQueue, events)).toEqual(replayProjection(openTicketQueue, events));
      }),
      { numRuns },
    );
  });

  it('RM-1, SC-7, SC-14 every queued case shows what its SupportCase says, and no resolved or closed case is queued', () => {
    fc.assert(
      fc.property(supportCaseStepsArb, nowArb, (steps, now) => {
        const { events } = runCommands(supportCase, steps);
        expect(queueDisagreements(events, rebuilt(openTicketQueue, events), now)).toEqual([]);
      }),
      { numRuns },
    );
  });

  it('SC-6 lists in priority-then-age order, and next is the first case not waiting on the customer', () => {
    fc.assert(
      fc.property(supportCaseStepsArb, nowArb, (steps, now) => {
        const { events } = runCommands(supportCase, steps);
        const queue = openTicketQueue.query(
          replayProjection(openTicketQueue, subscribed(openTicketQueue, events)),
        );
        const listed = queue.list({ now });
        expect([...listed].sort(compareCaseOrder)).toEqual(listed);
        expect(queue.next(now)).toEqual(listed.find((item) => item.status !== 'awaiting-customer'));
      }),
      { numRuns },
    );
  });

  it('RM-4 records each event once, in stream order, with its hash and the command that emitted it', () => {
    fc.assert(
      fc.property(supportCaseStepsArb, (steps) => {
        const { events, commandTypes } = runCommands(supportCase, steps);
        const relevant = subscribed(auditTrail, events);
        const state = foldPersisted(auditTrail, relevant);
        expect(state).toEqual(replayProjection(auditTrail, relevant));
        const trail = auditTrail.query(state);
        const streams = supportCaseStreams(events);
        expect([...trail.streams()].sort()).toEqual(Object.keys(streams).sort());
        for (const [stream, streamEvents] of Object.entries(streams)) {
          const entries = trail.forAggregate(stream);
          expect(entries.map((e) => [e.revision, e.position, e.type, e.hash])).toEqual(
            streamEvents.map((e) => [e.revision.toString(), e.position.toString(), e.type, e.metadata.hash]),
          );
          expect(entries.map((e) => e.commandType)).toEqual(
            entries.map((e) => commandTypes[e.commandId ?? '']),
          );
          expect(entries.every((e) => e.description.length > 0)).toBe(true);
        }
      }),
      { numRuns },
    );
  });
});
