import {
  paymentProfileEventTypes,
  supportCaseEventTypes,
  type PaymentProfileEvent,
  type SupportCaseEvent,
} from '@dossier/domain';
import { paymentProfileCommandOf } from './commands/paymentProfile.js';
import { supportCaseCommandOf } from './commands/supportCase.js';
import { describePaymentProfileEvent } from './describe/paymentProfile.js';
import { describeSupportCaseEvent } from './describe/supportCase.js';

/** Every event the audit trail records: all event types of every aggregate. */
export type AuditedEvent = SupportCaseEvent | PaymentProfileEvent;

/** The event types the audit trail subscribes to. */
export const auditedEventTypes: ReadonlyArray<AuditedEvent['type']> = [
  ...supportCaseEventTypes,
  ...paymentProfileEventTypes,
];

const isSupportCaseEvent = (event: AuditedEvent): event is SupportCaseEvent =>
  (supportCaseEventTypes as ReadonlyArray<string>).includes(event.type);

/** What the event changed, in plain English. */
export const describeEvent = (event: AuditedEvent): string =>
  isSupportCaseEvent(event) ? describeSupportCaseEvent(event) : describePaymentProfileEvent(event);

/** The type of the command that emitted the event, when the event alone says so (see each aggregate's table). */
export const commandTypeOf = (event: AuditedEvent): string | undefined =>
  isSupportCaseEvent(event) ? supportCaseCommandOf(event) : paymentProfileCommandOf(event);
