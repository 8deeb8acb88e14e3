import { supportCaseEventTypes, type SupportCaseEvent } from '@dossier/domain';
import { describeSupportCaseEvent } from './describe/supportCase.js';
import { supportCaseCommandOf } from './commands/supportCase.js';

/** Every event the audit trail records: all event types of every aggregate. */
export type AuditedEvent = SupportCaseEvent;

/** The event types the audit trail subscribes to. */
export const auditedEventTypes: ReadonlyArray<AuditedEvent['type']> = [...supportCaseEventTypes];

/** What the event changed, in plain English. */
export const describeEvent = (event: AuditedEvent): string => describeSupportCaseEvent(event);

/** The type of the command that emitted the event, when the event alone says so (see `supportCaseCommandOf`). */
export const commandTypeOf = (event: AuditedEvent): string | undefined => supportCaseCommandOf(event);
