import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invitationStream, paymentProfileStream, type InvitationId, type ProfileId } from '@dossier/domain';
import type { Dossier } from '../src/index.js';
import {
  flowProfile,
  matrixDisagreements,
  nowArb,
  paymentProfileStepsArb,
  pendingDisagreements,
  people,
  queueDisagreements,
  supportCaseStepsArb,
  type WorldStep,
  worldStepsArb,
} from '@dossier/projections/testing';
import { right, rightOf } from './support/flowFixtures.js';
import { liveAgainstRebuild, numRuns, withDossier } from './support/live.js';
import type { OpenStores } from './support/harness.js';
import { inMemoryStores, sqliteStores } from './support/stores.js';

// Random command sequences through `createDossier`: core's `handle` into a real store, the read models live on core's
// projection runner from before the first command, and the invitation flow on its process-manager runner. Refusals
// are part of the sequences; they record nothing.

const carryOut = async (dossier: Dossier, step: WorldStep): Promise<void> => {
  switch (step.kind) {
    case 'profile':
      await dossier.execute('paymentProfile', paymentProfileStream(flowProfile as ProfileId), step.command)();
      return;
    case 'invitation':
      await dossier.execute(
        'invitation',
        invitationStream(step.invitationId as InvitationId),
        step.command,
      )();
      return;
    case 'deliver':
      await dossier.waitUntilCaughtUp();
      return;
    case 'schedule':
      await right(() => dossier.expireDue(step.at));
      return;
  }
};

describe('the read models, live through the runner, against a rebuild and against the aggregates', () => {
  it('RM-1 the live queue equals a rebuild from zero and agrees with every SupportCase', async () => {
    await fc.assert(
      fc.asyncProperty(supportCaseStepsArb, nowArb, (steps, now) =>
        withDossier(inMemoryStores, async (dossier) => {
          for (const { stream, command } of steps) await dossier.execute('supportCase', stream, command)();
          const { events, differing } = await liveAgainstRebuild(dossier);
          expect(differing).toEqual([]);
          expect(queueDisagreements(events, rightOf(dossier.openTicketQueue()), now)).toEqual([]);
        }),
      ),
      { numRuns: numRuns() },
    );
  });

  it('RM-2 the live matrix equals a rebuild, and `can` agrees with the PaymentProfile for every user and permission', async () => {
    const everyone = people.flatMap((p) => [p.id, p.email]);
    await fc.assert(
      fc.asyncProperty(paymentProfileStepsArb, (steps) =>
        withDossier(inMemoryStores, async (dossier) => {
          for (const { stream, command } of steps) await dossier.execute('paymentProfile', stream, command)();
          const { events, differing } = await liveAgainstRebuild(dossier);
          expect(differing).toEqual([]);
          expect(matrixDisagreements(events, rightOf(dossier.permissionMatrix()), everyone)).toEqual([]);
        }),
      ),
      { numRuns: numRuns() },
    );
  });

  const flowProperty = (open: OpenStores, runs: number) =>
    fc.assert(
      fc.asyncProperty(worldStepsArb, fc.nat(), (steps, restartAt) =>
        withDossier(open, async (dossier) => {
          for (const [index, step] of steps.entries()) {
            if (index === restartAt % steps.length) {
              await dossier.stop(); // the runners resume from their saved checkpoints
              await right(() => dossier.start());
            }
            await carryOut(dossier, step);
          }
          const { events, differing } = await liveAgainstRebuild(dossier);
          expect(differing).toEqual([]);
          const pending = rightOf(dossier.pendingInvitations());
          expect(pendingDisagreements(events, pending, rightOf(dossier.permissionMatrix()))).toEqual([]);
          expect(matrixDisagreements(events, rightOf(dossier.permissionMatrix()))).toEqual([]);
        }),
      ),
      { numRuns: runs },
    );

  it('RM-3 with the flow and the scheduler live, and a restart anywhere, pending invitations equal a rebuild and agree with every Invitation', () =>
    flowProperty(inMemoryStores, numRuns()));

  it('RM-3 the same over SQLite files: events and read-model state on disk, the restart resuming from them', () =>
    flowProperty(sqliteStores, numRuns(10)));
});
