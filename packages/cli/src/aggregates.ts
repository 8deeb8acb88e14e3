import { fold, toDomainEvent, type RecordedEvent } from '@dossier/core';
import {
  invitation,
  paymentProfile,
  supportCase,
  type InvitationEvent,
  type PaymentProfileEvent,
  type SupportCaseEvent,
} from '@dossier/domain';

/** The aggregates a stream can belong to, named as in its stream name `<aggregate>-<id>`. */
export type AggregateName = 'supportCase' | 'paymentProfile' | 'invitation';

/** The aggregate names, for messages. */
export const aggregateNames: ReadonlyArray<AggregateName> = ['supportCase', 'paymentProfile', 'invitation'];

/** The aggregate a stream name belongs to, or undefined when it follows none of the domain's patterns. */
export const aggregateOf = (stream: string): AggregateName | undefined => {
  const dash = stream.indexOf('-');
  if (dash <= 0 || dash === stream.length - 1) return undefined;
  const name = stream.slice(0, dash);
  return aggregateNames.find((aggregate) => aggregate === name);
};

/**
 * Folds a stream's events through its aggregate's `evolve`, from the initial state. The store decoded
 * every event with the domain's codecs, so each one is an event of the aggregate its stream names.
 */
export const foldAggregate = (aggregate: AggregateName, events: ReadonlyArray<RecordedEvent>): unknown => {
  switch (aggregate) {
    case 'supportCase':
      return fold(supportCase, events.map(toDomainEvent<SupportCaseEvent>));
    case 'paymentProfile':
      return fold(paymentProfile, events.map(toDomainEvent<PaymentProfileEvent>));
    case 'invitation':
      return fold(invitation, events.map(toDomainEvent<InvitationEvent>));
  }
};
