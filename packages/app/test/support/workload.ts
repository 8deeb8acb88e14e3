import type { SupportCaseCommand } from '@dossier/domain';
import { invitationStream, paymentProfileStream, type InvitationId, type ProfileId } from '@dossier/domain';
import {
  accept,
  ana,
  budi,
  createProfile,
  day,
  decline,
  inviteUser,
  openCase,
  resolve,
  startWork,
  toCase,
  type Step,
  type WorldStep,
} from '@dossier/projections/testing';
import type { Dossier } from '../../src/index.js';

/** A command for the store, or a wait for the runners, as the workload runs it. */
export type Work =
  | { readonly kind: 'world'; readonly profile: string; readonly step: WorldStep }
  | { readonly kind: 'case'; readonly step: Step<SupportCaseCommand> };

/**
 * A scripted workload touching every read model and the invitation flow, `count` rounds of it from `first` on: a
 * profile created, Ana and Budi invited (the flow issues their invitations), Ana accepting (the flow makes her a user)
 * and Budi declining (the flow withdraws him), a support case opened, worked on and resolved.
 */
export const workload = (count: number, first = 0): ReadonlyArray<Work> =>
  Array.from({ length: count }, (_, k) => {
    const n = first + k;
    const profile = `profile-${n}`;
    const [anaInvited, budiInvited] = [`${profile}-ana`, `${profile}-budi`];
    const world = (step: WorldStep): Work => ({ kind: 'world', profile, step });
    const toInvitation = (invitationId: string, command: ReturnType<typeof accept>): Work =>
      world({ kind: 'invitation', at: command.at, invitationId, command });
    const onCase = (command: SupportCaseCommand): Work => ({
      kind: 'case',
      step: toCase(`case-${n}`, command),
    });
    return [
      world({ kind: 'profile', at: day(n), command: createProfile({}, { at: day(n) }, profile) }),
      world({
        kind: 'profile',
        at: day(n),
        command: inviteUser(ana, ['purchase'], anaInvited, { at: day(n) }),
      }),
      world({
        kind: 'profile',
        at: day(n),
        command: inviteUser(budi, ['read'], budiInvited, { at: day(n) }),
      }),
      onCase(openCase({ id: `case-${n}`, at: day(n) })),
      world({ kind: 'deliver', at: day(n, 1) }),
      toInvitation(anaInvited, accept(ana, day(n, 2))),
      toInvitation(budiInvited, decline(budi, day(n, 2))),
      onCase(startWork({ at: day(n, 3) })),
      onCase(resolve({ at: day(n, 4) })),
      world({ kind: 'deliver', at: day(n, 5) }),
    ];
  }).flat();

/**
 * Runs one piece of work under a command id of its own (so that trying it again is idempotent). A command the domain
 * refuses records nothing, which is part of the workload; a failure of the store comes back as `false` so that the
 * caller may try it again. `running` false (Dossier not started) skips the waits for the flows and the expiries.
 */
export const runWork = async (
  dossier: Dossier,
  work: Work,
  commandId: string,
  running = true,
): Promise<boolean> => {
  const context = { commandId };
  const failed = (result: { readonly _tag: string } | undefined): boolean =>
    result?._tag === 'StoreUnavailable';
  const leftOf = (either: { readonly _tag: 'Left' | 'Right'; readonly left?: unknown }) =>
    either._tag === 'Left' ? (either.left as { readonly _tag: string }) : undefined;
  if (work.kind === 'case') {
    const { stream, command } = work.step;
    return !failed(leftOf(await dossier.execute('supportCase', stream, command, context)()));
  }
  const step = work.step;
  switch (step.kind) {
    case 'profile':
      return !failed(
        leftOf(
          await dossier.execute(
            'paymentProfile',
            paymentProfileStream(work.profile as ProfileId),
            step.command,
            context,
          )(),
        ),
      );
    case 'invitation':
      return !failed(
        leftOf(
          await dossier.execute(
            'invitation',
            invitationStream(step.invitationId as InvitationId),
            step.command,
            context,
          )(),
        ),
      );
    case 'deliver':
      if (running) await dossier.waitUntilCaughtUp();
      return true;
    case 'schedule':
      return running ? (await dossier.expireDue(step.at))._tag === 'Right' : true;
  }
};
