import type { Recorded } from '@dossier/core';
import {
  invitation,
  invitationFlow,
  invitationStream,
  paymentProfile,
  paymentProfileStream,
  type InvitationCommand,
  type InvitationEvent,
  type InvitationFlowDispatch,
  type InvitationId,
  type InvitationState,
  type PaymentProfileCommand,
  type PaymentProfileEvent,
  type PaymentProfileState,
  type ProfileId,
} from '@dossier/domain';
import { RecordingLog, type RecordOptions } from '../../src/testing/index.js';

/**
 * PaymentProfile, Invitation and the invitation flow (the domain's process manager) on one recorded log: each
 * recorded event is shown to the flow, whose commands wait in one queue until `deliver` dispatches them (with the
 * flow's deterministic command ids and the event as their cause), as a runtime would.
 */
export class FlowWorld {
  readonly log: RecordingLog;
  private outbox: { readonly dispatch: InvitationFlowDispatch; readonly cause: string }[] = [];

  constructor(options: RecordOptions = {}) {
    this.log = new RecordingLog(options);
  }

  /** Decides a command on a profile. */
  profile(id: ProfileId, command: PaymentProfileCommand): ReadonlyArray<Recorded<PaymentProfileEvent>> {
    return this.shown(this.log.decide(paymentProfile, paymentProfileStream(id), command));
  }

  /** Decides a command on an invitation. */
  invitation(id: InvitationId, command: InvitationCommand): ReadonlyArray<Recorded<InvitationEvent>> {
    return this.shown(this.log.decide(invitation, invitationStream(id), command));
  }

  /** Dispatches every waiting flow command, and those they cause, oldest first. */
  deliver(): void {
    for (let guard = 0; guard < 10_000; guard++) {
      const [waiting, ...rest] = this.outbox;
      if (waiting === undefined) return;
      this.outbox = rest;
      const next = waiting.dispatch;
      const origin = {
        ...(next.commandId === undefined ? {} : { commandId: next.commandId }),
        causationId: waiting.cause,
      };
      if (next.aggregate === 'paymentProfile')
        this.shown(this.log.decide(paymentProfile, next.stream, next.command, origin));
      else this.shown(this.log.decide(invitation, next.stream, next.command, origin));
    }
    throw new Error('the invitation flow did not settle');
  }

  profileState(id: ProfileId): PaymentProfileState {
    return this.log.stateOf(paymentProfile, paymentProfileStream(id));
  }

  invitationState(id: InvitationId): InvitationState {
    return this.log.stateOf(invitation, invitationStream(id));
  }

  private shown<E extends Recorded<PaymentProfileEvent> | Recorded<InvitationEvent>>(
    events: ReadonlyArray<E>,
  ): ReadonlyArray<E> {
    for (const e of events) {
      const event = { type: e.type, data: e.data } as PaymentProfileEvent | InvitationEvent;
      const caused = invitationFlow({ stream: e.stream, event, eventId: e.metadata.eventId });
      this.outbox.push(...caused.map((dispatch) => ({ dispatch, cause: e.metadata.eventId })));
    }
    return events;
  }
}
