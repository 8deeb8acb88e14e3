// The invitation flow across two aggregates. PaymentProfile records the pending user; the flow (a pure function
// from one event to the commands it causes) issues the Invitation; acceptance there makes the flow activate the
// user on the profile. Here a tiny synchronous runtime carries the flow's commands; a real one reads the events
// from the store and dispatches with the flow's deterministic command ids (core's runProcessManager).
import {
  invitation,
  invitationFlow,
  invitationStream,
  paymentProfile,
  paymentProfileStream,
  type InvitationCommand,
  type InvitationFlowDispatch,
  type InvitationState,
  type PaymentProfileCommand,
  type PaymentProfileState,
} from '@dossier/domain';
import * as E from 'fp-ts/lib/Either.js';
import { ana, citra, friday, invitationId, profileId } from './people.js';

/** The states of one profile and its invitations, and what happened, in order. */
export interface World {
  profile: PaymentProfileState;
  readonly invitations: Map<string, InvitationState>;
  readonly log: string[];
}

/** A world with nothing in it yet. */
export const emptyWorld = (): World => ({
  profile: paymentProfile.initialState,
  invitations: new Map(),
  log: [],
});

/** A command for the profile of the tour. */
export const toProfile = (command: PaymentProfileCommand): InvitationFlowDispatch => ({
  aggregate: 'paymentProfile',
  stream: paymentProfileStream(profileId),
  command,
});

/** A command for the tour's invitation. */
export const toInvitation = (command: InvitationCommand): InvitationFlowDispatch => ({
  aggregate: 'invitation',
  stream: invitationStream(invitationId),
  command,
});

// #region dispatch
/** Decides a command on its aggregate, folds the events, and dispatches what the flow asks for each of them. */
export const dispatch = (world: World, target: InvitationFlowDispatch): void => {
  const { stream } = target;
  const decided = (events: ReadonlyArray<{ readonly type: string }>) =>
    world.log.push(
      `${target.command.type} → ${events.length === 0 ? 'nothing new' : events.map((e) => e.type).join(' + ')}`,
    );
  const refused = (tag: string) => world.log.push(`${target.command.type} → refused: ${tag}`);

  if (target.aggregate === 'paymentProfile') {
    const decision = paymentProfile.decide(target.command, world.profile);
    if (E.isLeft(decision)) return void refused(decision.left._tag);
    decided(decision.right);
    world.profile = decision.right.reduce(paymentProfile.evolve, world.profile);
    for (const event of decision.right)
      invitationFlow({ stream, event }).forEach((next) => dispatch(world, next));
  } else {
    const before = world.invitations.get(stream) ?? invitation.initialState;
    const decision = invitation.decide(target.command, before);
    if (E.isLeft(decision)) return void refused(decision.left._tag);
    decided(decision.right);
    world.invitations.set(stream, decision.right.reduce(invitation.evolve, before));
    for (const event of decision.right)
      invitationFlow({ stream, event }).forEach((next) => dispatch(world, next));
  }
};
// #endregion dispatch

// #region invite
/** Ana creates Acme's profile and invites Citra, who accepts; then the acceptance is delivered a second time. */
export const inviteAndAccept = (): World => {
  const world = emptyWorld();
  const create = { profileId, kind: 'business', seller: false, name: 'Acme Ltd' } as const;
  dispatch(world, toProfile({ type: 'CreateProfile', at: friday(), actor: ana, data: create }));
  const invite = {
    invitationId,
    email: citra.email,
    permissions: ['read', 'manage-users'],
    emailPreference: 'administrative',
  } as const;
  dispatch(world, toProfile({ type: 'InviteUser', at: friday(1), actor: ana, data: invite }));
  dispatch(
    world,
    toInvitation({ type: 'AcceptInvitation', at: friday(30), actor: citra, data: { hasAccount: true } }),
  );
  // IN-4: a second delivery of the acceptance changes nothing.
  dispatch(
    world,
    toInvitation({ type: 'AcceptInvitation', at: friday(31), actor: citra, data: { hasAccount: true } }),
  );
  return world;
};
// #endregion invite
