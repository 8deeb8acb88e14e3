import * as E from 'fp-ts/lib/Either.js';
import { decodeInvitationEvent, InvitationEventCodec } from '../invitation/codecs.js';
import type { InvitationCommand } from '../invitation/commands.js';
import type { InvitationError } from '../invitation/errors.js';
import type { InvitationEvent } from '../invitation/events.js';
import { invitationStream, type InvitationId } from '../invitation/ids.js';
import { invitation } from '../invitation/index.js';
import type { InvitationState } from '../invitation/state.js';
import { decodePaymentProfileEvent, PaymentProfileEventCodec } from '../paymentProfile/codecs.js';
import type { PaymentProfileCommand } from '../paymentProfile/commands.js';
import type { PaymentProfileError } from '../paymentProfile/errors.js';
import type { PaymentProfileEvent } from '../paymentProfile/events.js';
import { paymentProfileStream, type ProfileId } from '../paymentProfile/ids.js';
import { paymentProfile } from '../paymentProfile/index.js';
import type { PaymentProfileState } from '../paymentProfile/state.js';
import { invitationFlow, type InvitationFlowDispatch } from '../sagas/invitationFlow.js';
import type { Instant } from '../shared/instant.js';
import { everyone, invitationIds, type WorldStep } from './invitationArbitraries.js';
import { scheduler } from './invitationBuilders.js';

/** One decision the world made, with the state before and after, for checks that need both. */
export type WorldDecision =
  | {
      readonly aggregate: 'paymentProfile';
      readonly stream: string;
      readonly command: PaymentProfileCommand;
      readonly before: PaymentProfileState;
      readonly after: PaymentProfileState;
      readonly result: E.Either<PaymentProfileError, ReadonlyArray<PaymentProfileEvent>>;
    }
  | {
      readonly aggregate: 'invitation';
      readonly stream: string;
      readonly command: InvitationCommand;
      readonly before: InvitationState;
      readonly after: InvitationState;
      readonly result: E.Either<InvitationError, ReadonlyArray<InvitationEvent>>;
    };

interface Stream<S, Ev> {
  state: S;
  /** The events as `decide` emitted them. */
  readonly emitted: Ev[];
  /** The events as a store keeps them: encoded and through JSON. */
  readonly stored: unknown[];
}

const asStored = (encoded: unknown): unknown => JSON.parse(JSON.stringify(encoded));

/**
 * Both aggregates and the invitation flow, run synchronously in memory: commands are decided against the live state,
 * accepted events are folded and stored as JSON, and the flow's commands wait in one FIFO queue per source stream
 * (a runtime delivers a stream's events in order), to be delivered — or delivered again — when a test says so.
 */
export class InvitationWorld {
  readonly profiles = new Map<string, Stream<PaymentProfileState, PaymentProfileEvent>>();
  readonly invitations = new Map<string, Stream<InvitationState, InvitationEvent>>();
  /** Flow commands not yet delivered, per source stream, oldest first. */
  readonly outbox = new Map<string, InvitationFlowDispatch[]>();
  readonly decisions: WorldDecision[] = [];

  profile(id: ProfileId): Stream<PaymentProfileState, PaymentProfileEvent> {
    const stream = paymentProfileStream(id);
    const found = this.profiles.get(stream);
    if (found !== undefined) return found;
    const created = { state: paymentProfile.initialState, emitted: [], stored: [] };
    this.profiles.set(stream, created);
    return created;
  }

  invitation(id: InvitationId): Stream<InvitationState, InvitationEvent> {
    const stream = invitationStream(id);
    const found = this.invitations.get(stream);
    if (found !== undefined) return found;
    const created = { state: invitation.initialState, emitted: [], stored: [] };
    this.invitations.set(stream, created);
    return created;
  }

  /** Decides a command on a profile; accepted events are stored and shown to the flow. */
  onProfile(id: ProfileId, command: PaymentProfileCommand): WorldDecision {
    const target = this.profile(id);
    const stream = paymentProfileStream(id);
    const before = target.state;
    const result = paymentProfile.decide(command, before);
    const events = E.isRight(result) ? result.right : [];
    for (const event of events) {
      target.state = paymentProfile.evolve(target.state, event);
      target.emitted.push(event);
      target.stored.push(asStored(PaymentProfileEventCodec.encode(event)));
      this.enqueue(stream, event, target.emitted.length - 1);
    }
    const decision: WorldDecision = {
      aggregate: 'paymentProfile',
      stream,
      command,
      before,
      after: target.state,
      result,
    };
    this.decisions.push(decision);
    return decision;
  }

  /** Decides a command on an invitation; accepted events are stored and shown to the flow. */
  onInvitation(id: InvitationId, command: InvitationCommand): WorldDecision {
    const target = this.invitation(id);
    const stream = invitationStream(id);
    const before = target.state;
    const result = invitation.decide(command, before);
    const events = E.isRight(result) ? result.right : [];
    for (const event of events) {
      target.state = invitation.evolve(target.state, event);
      target.emitted.push(event);
      target.stored.push(asStored(InvitationEventCodec.encode(event)));
      this.enqueue(stream, event, target.emitted.length - 1);
    }
    const decision: WorldDecision = {
      aggregate: 'invitation',
      stream,
      command,
      before,
      after: target.state,
      result,
    };
    this.decisions.push(decision);
    return decision;
  }

  private enqueue(stream: string, event: PaymentProfileEvent | InvitationEvent, revision: number): void {
    const caused = invitationFlow({ stream, event, eventId: `${stream}@${revision}` });
    if (caused.length === 0) return;
    this.outbox.set(stream, [...(this.outbox.get(stream) ?? []), ...caused]);
  }

  /** Dispatches one flow command to its aggregate, as a runtime would. */
  dispatch(dispatch: InvitationFlowDispatch): WorldDecision {
    const id = dispatch.stream.slice(dispatch.stream.indexOf('-') + 1);
    return dispatch.aggregate === 'paymentProfile'
      ? this.onProfile(id as ProfileId, dispatch.command)
      : this.onInvitation(id as InvitationId, dispatch.command);
  }

  /** The source streams with flow commands waiting, in a stable order. */
  waiting(): ReadonlyArray<string> {
    return [...this.outbox.keys()].filter((stream) => (this.outbox.get(stream)?.length ?? 0) > 0).sort();
  }

  /** Delivers the oldest waiting command of a source stream; with `again`, it stays queued to be delivered once more. */
  deliver(source: string, again = false): WorldDecision | undefined {
    const queue = this.outbox.get(source) ?? [];
    const [next, ...rest] = queue;
    if (next === undefined) return undefined;
    if (!again) this.outbox.set(source, rest);
    return this.dispatch(next);
  }

  /** Delivers every waiting command, and those they cause, until nothing waits. */
  flush(): void {
    for (let guard = 0; guard < 10_000; guard++) {
      const [source] = this.waiting();
      if (source === undefined) return;
      this.deliver(source);
    }
    throw new Error('the invitation flow did not settle');
  }

  /** A profile's state replayed from what the store holds: decoded from JSON and folded. */
  replayProfile(stream: string): PaymentProfileState {
    const stored = this.profiles.get(stream)?.stored ?? [];
    return stored.reduce<PaymentProfileState>((state, json) => {
      const decoded = decodePaymentProfileEvent(json);
      if (E.isLeft(decoded))
        throw new Error(`a stored event does not decode: ${JSON.stringify(decoded.left)}`);
      return paymentProfile.evolve(state, decoded.right);
    }, paymentProfile.initialState);
  }

  /** An invitation's state replayed from what the store holds: decoded from JSON and folded. */
  replayInvitation(stream: string): InvitationState {
    const stored = this.invitations.get(stream)?.stored ?? [];
    return stored.reduce<InvitationState>((state, json) => {
      const decoded = decodeInvitationEvent(json);
      if (E.isLeft(decoded))
        throw new Error(`a stored event does not decode: ${JSON.stringify(decoded.left)}`);
      return invitation.evolve(state, decoded.right);
    }, invitation.initialState);
  }
}

const retargetable: ReadonlyArray<PaymentProfileCommand['type']> = [
  'ChangePermissions',
  'RemoveUser',
  'ReassignPrimaryContact',
  'SetEmailPreference',
];

/** The step's command, from the actor the step asks for: a current user of the profile, or the invitee. */
export const resolveStep = (world: InvitationWorld, step: WorldStep, at: Instant): WorldStep => {
  if (step.kind === 'profile') {
    const state = world.profile(step.profile).state;
    const users = state.status === 'created' ? state.users : [];
    const user = step.actorPick === undefined ? undefined : users[step.actorPick % Math.max(users.length, 1)];
    const who = everyone.find((p) => p.email === user?.email);
    const command = { ...step.command, at, ...(who === undefined ? {} : { actor: who }) };
    // Mostly someone other than the primary contact, who can be named only by so many commands.
    const others =
      state.status === 'created'
        ? [...state.users, ...state.pending].map((u) => u.email).filter((e) => e !== state.primaryContact)
        : [];
    const named = others.length > 0 || state.status !== 'created' ? others : [state.primaryContact];
    const target =
      step.targetPick === undefined ? undefined : named[step.targetPick % Math.max(named.length, 1)];
    const retargeted =
      target !== undefined && retargetable.includes(command.type) && 'email' in command.data
        ? ({ ...command, data: { ...command.data, email: target } } as PaymentProfileCommand)
        : command;
    return { ...step, command: retargeted };
  }
  if (step.kind === 'invitation') {
    if (!step.asInvitee) return { ...step, command: { ...step.command, at } };
    const pending = [...world.invitations.values()].map((s) => s.state).filter((s) => s.status === 'pending');
    const target = pending[invitationIds.indexOf(step.invitation) % Math.max(pending.length, 1)];
    if (target === undefined || target.status !== 'pending')
      return { ...step, command: { ...step.command, at } };
    const invitee = everyone.find((p) => p.email === target.email);
    const actor =
      step.command.actor.id === scheduler.id || invitee === undefined ? step.command.actor : invitee;
    return { ...step, invitation: target.invitationId, command: { ...step.command, at, actor } };
  }
  return step;
};

/** Plays one step of a run at `at`: the resolved command, or the delivery of a waiting flow command. */
export const playStep = (world: InvitationWorld, step: WorldStep, at: Instant): void => {
  const resolved = resolveStep(world, step, at);
  if (resolved.kind === 'profile') world.onProfile(resolved.profile, resolved.command);
  else if (resolved.kind === 'invitation') world.onInvitation(resolved.invitation, resolved.command);
  else {
    const waiting = world.waiting();
    const source = waiting[resolved.pick % Math.max(waiting.length, 1)];
    if (source !== undefined) world.deliver(source, resolved.again);
  }
};
