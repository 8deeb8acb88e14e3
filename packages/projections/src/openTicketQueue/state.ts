import type {
  activeStatuses,
  CaseId,
  Channel,
  CustomerId,
  Instant,
  Priority,
  SupportCaseEvent,
  TeamId,
} from '@dossier/domain';

/** The statuses a case has while it is in the queue: not yet resolved. */
export type QueueStatus = (typeof activeStatuses)[number];

/** One open case as the queue keeps it: plain JSON, so that a runtime can store it. */
export interface QueuedCase {
  readonly caseId: CaseId;
  readonly status: QueueStatus;
  readonly channel: Channel;
  readonly customer: CustomerId;
  readonly priority: Priority;
  readonly subject: string;
  /** The specialist teams the case went to, in order (SC-9). */
  readonly escalatedTo: ReadonlyArray<TeamId>;
  readonly submittedAt: Instant;
  /** From CaseOpened, replaced by CaseReprioritised (SC-7). */
  readonly firstResponseDue: Instant;
  /** The first agent action on the case (WorkStarted or InformationRequested), or null while nobody has responded. */
  readonly firstRespondedAt: Instant | null;
}

/** The queue's rows: one per open case, keyed by its stream, in this group. */
export const casesGroup = 'cases';

/** The support-case events that change the queue. */
export const queueEventTypes = [
  'CaseOpened',
  'WorkStarted',
  'InformationRequested',
  'InformationProvided',
  'CaseEscalated',
  'CaseReprioritised',
  'CaseResolved',
] as const satisfies ReadonlyArray<SupportCaseEvent['type']>;

/** The events the queue folds. */
export type QueueEvent = Extract<SupportCaseEvent, { readonly type: (typeof queueEventTypes)[number] }>;
