import type { CommandOf, Decider, ErrorOf, EventOf, StateOf } from '@dossier/core';
import {
  defaultSupportPolicy,
  invitation,
  makeSupportCase,
  paymentProfile,
  type InvitationCommand,
  type InvitationError,
  type InvitationEvent,
  type InvitationState,
  type PaymentProfileCommand,
  type PaymentProfileError,
  type PaymentProfileEvent,
  type PaymentProfileState,
  type SupportCaseCommand,
  type SupportCaseError,
  type SupportCaseEvent,
  type SupportCaseState,
  type SupportPolicy,
} from '@dossier/domain';

/** The deciders of Dossier's three aggregates, by aggregate name. */
export interface DossierDeciders {
  readonly supportCase: Decider<SupportCaseCommand, SupportCaseState, SupportCaseEvent, SupportCaseError>;
  readonly paymentProfile: Decider<
    PaymentProfileCommand,
    PaymentProfileState,
    PaymentProfileEvent,
    PaymentProfileError
  >;
  readonly invitation: Decider<InvitationCommand, InvitationState, InvitationEvent, InvitationError>;
}

/** The name of one of Dossier's aggregates, which is also its streams' prefix (`invitation-…`). */
export type AggregateName = keyof DossierDeciders;

/** The command, state, event and refusal types of one aggregate. */
export type AggregateCommand<A extends AggregateName> = CommandOf<DossierDeciders[A]>;
/** The state type of one aggregate. */
export type AggregateState<A extends AggregateName> = StateOf<DossierDeciders[A]>;
/** The event type of one aggregate. */
export type AggregateEvent<A extends AggregateName> = EventOf<DossierDeciders[A]>;
/** The refusal type of one aggregate. */
export type AggregateError<A extends AggregateName> = ErrorOf<DossierDeciders[A]>;

/** Every aggregate name, in a fixed order. */
export const aggregateNames: ReadonlyArray<AggregateName> = ['supportCase', 'paymentProfile', 'invitation'];

/** The deciders under a support policy (the default policy unless told): what `execute` and `replay` use. */
export const dossierDeciders = (policy: SupportPolicy = defaultSupportPolicy): DossierDeciders => ({
  supportCase: makeSupportCase(policy),
  paymentProfile,
  invitation,
});

/** The aggregate whose streams start with `<name>-` and have an id after it, or undefined for any other stream. */
export const aggregateOfStream = (stream: string): AggregateName | undefined =>
  aggregateNames.find((name) => stream.startsWith(`${name}-`) && stream.length > name.length + 1);
