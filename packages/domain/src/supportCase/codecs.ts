import type * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { decodeWith, type DecodeFailed } from '../shared/decoding.js';
import { struct, tagged } from './codecKit.js';
import { EmailCodec, UserIdCodec } from '../shared/ids.js';
import { InstantCodec } from '../shared/instant.js';
import type {
  CaseEscalated,
  CaseOpened,
  CaseReprioritised,
  CaseResolved,
  IncidentLinked,
  InformationProvided,
  InformationRequested,
  OutageRemedyRequested,
  SupportCaseEvent,
  SurveyResponseRecorded,
  SurveySent,
  WorkStarted,
} from './events.js';
import { CaseIdCodec, CustomerIdCodec, IncidentIdCodec, TeamIdCodec } from './ids.js';
import {
  CaseTopicCodec,
  ChannelCodec,
  ImpactFactsCodec,
  InformationItemCodec,
  OutageRemedyCodec,
  OutcomeCodec,
  PlanCodec,
  PriorityCodec,
  SurveyRatingCodec,
} from './valueCodecs.js';

const who = { by: UserIdCodec, at: InstantCodec };

/** Codec for {@link CaseOpened}. */
export const CaseOpenedCodec: t.Type<CaseOpened, unknown> = t.strict({
  type: t.literal('CaseOpened'),
  data: struct(
    {
      caseId: CaseIdCodec,
      customer: CustomerIdCodec,
      plan: PlanCodec,
      channel: ChannelCodec,
      topic: CaseTopicCodec,
      subject: t.string,
      impact: ImpactFactsCodec,
      priority: PriorityCodec,
      premium: t.boolean,
      firstResponseDue: InstantCodec,
      contact: EmailCodec,
      ...who,
    },
    { followUpOf: CaseIdCodec },
  ),
});

/** Codec for {@link WorkStarted}. */
export const WorkStartedCodec: t.Type<WorkStarted, unknown> = t.strict({
  type: t.literal('WorkStarted'),
  data: t.strict(who),
});

/** Codec for {@link InformationRequested}. */
export const InformationRequestedCodec: t.Type<InformationRequested, unknown> = t.strict({
  type: t.literal('InformationRequested'),
  data: struct({ items: t.readonlyArray(InformationItemCodec), ...who }, { note: t.string }),
});

/** Codec for {@link InformationProvided}. */
export const InformationProvidedCodec: t.Type<InformationProvided, unknown> = t.strict({
  type: t.literal('InformationProvided'),
  data: struct({ provided: t.readonlyArray(InformationItemCodec), ...who }, { note: t.string }),
});

/** Codec for {@link CaseEscalated}. */
export const CaseEscalatedCodec: t.Type<CaseEscalated, unknown> = t.strict({
  type: t.literal('CaseEscalated'),
  data: t.strict({ team: TeamIdCodec, ...who }),
});

/** Codec for {@link CaseReprioritised}. */
export const CaseReprioritisedCodec: t.Type<CaseReprioritised, unknown> = t.strict({
  type: t.literal('CaseReprioritised'),
  data: t.strict({
    from: PriorityCodec,
    to: PriorityCodec,
    reason: t.string,
    firstResponseDue: InstantCodec,
    ...who,
  }),
});

/** Codec for {@link IncidentLinked}. */
export const IncidentLinkedCodec: t.Type<IncidentLinked, unknown> = t.strict({
  type: t.literal('IncidentLinked'),
  data: t.strict({ incidentId: IncidentIdCodec, ...who }),
});

/** Codec for {@link OutageRemedyRequested}. */
export const OutageRemedyRequestedCodec: t.Type<OutageRemedyRequested, unknown> = t.strict({
  type: t.literal('OutageRemedyRequested'),
  data: t.strict({ remedies: t.readonlyArray(OutageRemedyCodec), ...who }),
});

/** Codec for {@link CaseResolved}. */
export const CaseResolvedCodec: t.Type<CaseResolved, unknown> = t.strict({
  type: t.literal('CaseResolved'),
  data: t.strict({ outcome: OutcomeCodec, ...who }),
});

/** Codec for {@link SurveySent}. */
export const SurveySentCodec: t.Type<SurveySent, unknown> = t.strict({
  type: t.literal('SurveySent'),
  data: t.strict({ to: EmailCodec, at: InstantCodec }),
});

/** Codec for {@link SurveyResponseRecorded}. */
export const SurveyResponseRecordedCodec: t.Type<SurveyResponseRecorded, unknown> = t.strict({
  type: t.literal('SurveyResponseRecorded'),
  data: struct({ rating: SurveyRatingCodec, ...who }, { comment: t.string }),
});

const eventDecoders = {
  CaseOpened: CaseOpenedCodec,
  WorkStarted: WorkStartedCodec,
  InformationRequested: InformationRequestedCodec,
  InformationProvided: InformationProvidedCodec,
  CaseEscalated: CaseEscalatedCodec,
  CaseReprioritised: CaseReprioritisedCodec,
  IncidentLinked: IncidentLinkedCodec,
  OutageRemedyRequested: OutageRemedyRequestedCodec,
  CaseResolved: CaseResolvedCodec,
  SurveySent: SurveySentCodec,
  SurveyResponseRecorded: SurveyResponseRecordedCodec,
} as const;

/** The type names of every support-case event. */
export const supportCaseEventTypes = Object.keys(eventDecoders) as ReadonlyArray<SupportCaseEvent['type']>;

/** Codec for any {@link SupportCaseEvent}: reads `type` first, then decodes with that event's codec. */
export const SupportCaseEventCodec: t.Type<SupportCaseEvent, unknown> = tagged(
  'type',
  t.union([
    CaseOpenedCodec,
    WorkStartedCodec,
    InformationRequestedCodec,
    InformationProvidedCodec,
    CaseEscalatedCodec,
    CaseReprioritisedCodec,
    IncidentLinkedCodec,
    OutageRemedyRequestedCodec,
    CaseResolvedCodec,
    SurveySentCodec,
    SurveyResponseRecordedCodec,
  ]),
  eventDecoders,
);

/** Decodes a stored support-case event, naming the path and reason of each problem; never throws. */
export const decodeSupportCaseEvent: (input: unknown) => E.Either<DecodeFailed, SupportCaseEvent> =
  decodeWith(SupportCaseEventCodec, 'SupportCaseEvent');
