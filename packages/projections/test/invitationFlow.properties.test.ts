import { replayProjection } from '@dossier/core';
import type { InvitationId, ProfileId } from '@dossier/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditTrail, pendingInvitations, permissionMatrix } from '../src/index.js';
import {
  expire,
  flowProfile,
  foldPersisted,
  matrixDisagreements,
  pendingDisagreements,
  people,
  rebuilt,
  subscribed,
  type WorldStep,
  worldStepsArb,
} from '../src/testing/index.js';
import { FlowWorld } from './support/invitationFlow.js';

const numRuns = Number(process.env['FC_RUNS'] ?? 200);
const everyone = people.flatMap((p) => [p.id, p.email]);

/** What the scheduler met: refusals of the expiries it sent, and invitations still due right after it ran. */
interface SchedulerReport {
  readonly refused: number;
  readonly stillDue: number;
  readonly expired: number;
}

/** Plays the steps in a world; a `schedule` step expires what RM-3, rebuilt from the log, says is due (IN-2). */
const play = (steps: ReadonlyArray<WorldStep>): { world: FlowWorld; scheduler: SchedulerReport } => {
  const world = new FlowWorld();
  const profile = flowProfile as ProfileId;
  let refused = 0;
  let stillDue = 0;
  let expired = 0;
  const view = () =>
    pendingInvitations.query(
      replayProjection(pendingInvitations, subscribed(pendingInvitations, world.log.events)),
    );
  for (const step of steps) {
    switch (step.kind) {
      case 'profile':
        world.profile(profile, step.command);
        break;
      case 'invitation':
        world.invitation(step.invitationId as InvitationId, step.command);
        break;
      case 'deliver':
        world.deliver();
        break;
      case 'schedule': {
        for (const due of view().expiredAt(step.at)) {
          const before = world.log.refused;
          world.invitation(due.invitationId, expire(step.at));
          refused += world.log.refused - before;
          expired += 1;
        }
        stillDue += view().expiredAt(step.at).length;
        break;
      }
    }
  }
  return { world, scheduler: { refused, stillDue, expired } };
};

describe('read models over random invitation flows (PaymentProfile, Invitation and the process manager)', () => {
  it('RM-3 folded event by event through storage equals a rebuild from zero', () => {
    fc.assert(
      fc.property(worldStepsArb, (steps) => {
        const events = subscribed(pendingInvitations, play(steps).world.log.events);
        expect(foldPersisted(pendingInvitations, events)).toEqual(
          replayProjection(pendingInvitations, events),
        );
      }),
      { numRuns },
    );
  });

  it('RM-3, IN-2, IN-3, IN-5, PP-8 lists exactly the pending invitations, expiring 14 days after the last sending', () => {
    fc.assert(
      fc.property(worldStepsArb, (steps) => {
        const events = play(steps).world.log.events;
        expect(
          pendingDisagreements(
            events,
            rebuilt(pendingInvitations, events),
            rebuilt(permissionMatrix, events),
          ),
        ).toEqual([]);
      }),
      { numRuns },
    );
  });

  it('IN-2 a scheduler driven by expiredAt(now) is never refused and leaves nothing due', () => {
    fc.assert(
      fc.property(worldStepsArb, (steps) => {
        const { scheduler } = play(steps);
        expect({ refused: scheduler.refused, stillDue: scheduler.stillDue }).toEqual({
          refused: 0,
          stillDue: 0,
        });
      }),
      { numRuns },
    );
  });

  it('RM-2, IN-4 can() agrees with the PaymentProfile when users join through the invitation flow', () => {
    fc.assert(
      fc.property(worldStepsArb, (steps) => {
        const events = play(steps).world.log.events;
        expect(matrixDisagreements(events, rebuilt(permissionMatrix, events), everyone)).toEqual([]);
      }),
      { numRuns },
    );
  });

  it('RM-4 names every command, the flow’s included, and traces each flow command to the event that caused it', () => {
    fc.assert(
      fc.property(worldStepsArb, (steps) => {
        const { log } = play(steps).world;
        const trail = auditTrail.query(replayProjection(auditTrail, subscribed(auditTrail, log.events)));
        const entries = trail.streams().flatMap((stream) => trail.forAggregate(stream));
        expect(entries).toHaveLength(log.events.length);
        expect(entries.map((e) => e.commandType)).toEqual(
          entries.map((e) => log.commandTypes[e.commandId ?? '']),
        );
        const earlier = new Map(log.events.map((e) => [e.metadata.eventId, e.position]));
        for (const entry of entries.filter((e) => e.commandId?.startsWith('invitationFlow:') === true)) {
          const cause = earlier.get(entry.causationId ?? '');
          expect(cause !== undefined && cause < BigInt(entry.position)).toBe(true);
        }
      }),
      { numRuns },
    );
  });
});
