import {
  invitationEventTypes,
  paymentProfileEventTypes,
  supportCaseEventTypes,
  type Instant,
  type InvitationEvent,
  type PaymentProfileEvent,
  type SupportCaseEvent,
} from '@dossier/domain';
import { invitationCommandOf } from './commands/invitation.js';
import { paymentProfileCommandOf } from './commands/paymentProfile.js';
import { supportCaseCommandOf } from './commands/supportCase.js';
import { describeInvitationEvent } from './describe/invitation.js';
import { describePaymentProfileEvent } from './describe/paymentProfile.js';
import { describeSupportCaseEvent } from './describe/supportCase.js';

/** Every event the audit trail records: all event types of every aggregate. */
export type AuditedEvent = SupportCaseEvent | PaymentProfileEvent | InvitationEvent;

/** The event types the audit trail subscribes to. */
export const auditedEventTypes: ReadonlyArray<AuditedEvent['type']> = [
  ...supportCaseEventTypes,
  ...paymentProfileEventTypes,
  ...invitationEventTypes,
];

const isSupportCaseEvent = (event: AuditedEvent): event is SupportCaseEvent =>
  (supportCaseEventTypes as ReadonlyArray<string>).includes(event.type);
const isInvitationEvent = (event: AuditedEvent): event is InvitationEvent =>
  (invitationEventTypes as ReadonlyArray<string>).includes(event.type);

/** What the event changed, in plain English. */
export const describeEvent = (event: AuditedEvent): string =>
  isSupportCaseEvent(event)
    ? describeSupportCaseEvent(event)
    : isInvitationEvent(event)
      ? describeInvitationEvent(event)
      : describePaymentProfileEvent(event);

/** The type of the command that emitted the event, when the event alone says so (see each aggregate's table). */
export const commandTypeOf = (event: AuditedEvent): string | undefined =>
  isSupportCaseEvent(event)
    ? supportCaseCommandOf(event)
    : isInvitationEvent(event)
      ? invitationCommandOf(event)
      : paymentProfileCommandOf(event);

/** When the event was decided: its `at`, or `sentAt` for an issued invitation. */
export const decidedAt = (event: AuditedEvent): Instant =>
  'at' in event.data ? event.data.at : event.data.sentAt;
