import type * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { commandCodec as command } from '../shared/commandCodec.js';
import { decodeWith, type DecodeFailed } from '../shared/decoding.js';
import { plainData } from '../shared/plainData.js';
import { struct, tagged } from './codecKit.js';
import { EmailCodec } from '../shared/ids.js';
import type {
  Escalate,
  LinkIncident,
  OpenCase,
  ProvideInformation,
  RecordSurveyResponse,
  Reprioritise,
  RequestInformation,
  RequestOutageRemedy,
  Resolve,
  ResolveLinkedIncident,
  StartWork,
  SupportCaseCommand,
} from './commands.js';
import { CaseIdCodec, IncidentIdCodec, TeamIdCodec } from './ids.js';
import {
  AgentOutcomeCodec,
  CaseTopicCodec,
  ChannelCodec,
  CustomerFactsCodec,
  ImpactFactsCodec,
  InformationItemCodec,
  OrganisationRoleCodec,
  OutageRemedyCodec,
  PriorityCodec,
  SurveyRatingCodec,
} from './valueCodecs.js';

/** Codec for {@link OpenCase}. */
export const OpenCaseCodec: t.Type<OpenCase, unknown> = command(
  'OpenCase',
  struct(
    {
      caseId: CaseIdCodec,
      customer: CustomerFactsCodec,
      requester: t.strict({ organisationRole: OrganisationRoleCodec, registeredEmail: EmailCodec }),
      channel: ChannelCodec,
      topic: CaseTopicCodec,
      subject: t.string,
      impact: ImpactFactsCodec,
      premium: t.boolean,
    },
    { followUpOf: CaseIdCodec },
  ),
);

/** Codec for {@link StartWork}. */
export const StartWorkCodec: t.Type<StartWork, unknown> = command('StartWork', t.strict({}));

/** Codec for {@link RequestInformation}. */
export const RequestInformationCodec: t.Type<RequestInformation, unknown> = command(
  'RequestInformation',
  struct({ items: t.readonlyArray(InformationItemCodec) }, { note: t.string }),
);

/** Codec for {@link ProvideInformation}. */
export const ProvideInformationCodec: t.Type<ProvideInformation, unknown> = command(
  'ProvideInformation',
  struct({ provided: t.readonlyArray(InformationItemCodec) }, { note: t.string }),
);

/** Codec for {@link Escalate}. */
export const EscalateCodec: t.Type<Escalate, unknown> = command('Escalate', t.strict({ team: TeamIdCodec }));

/** Codec for {@link Reprioritise}. */
export const ReprioritiseCodec: t.Type<Reprioritise, unknown> = command(
  'Reprioritise',
  t.strict({ priority: PriorityCodec, reason: t.string }),
);

/** Codec for {@link LinkIncident}. */
export const LinkIncidentCodec: t.Type<LinkIncident, unknown> = command(
  'LinkIncident',
  t.strict({ incidentId: IncidentIdCodec }),
);

/** Codec for {@link RequestOutageRemedy}. */
export const RequestOutageRemedyCodec: t.Type<RequestOutageRemedy, unknown> = command(
  'RequestOutageRemedy',
  t.strict({ remedies: t.readonlyArray(OutageRemedyCodec) }),
);

/** Codec for {@link Resolve}. */
export const ResolveCodec: t.Type<Resolve, unknown> = command(
  'Resolve',
  t.strict({ outcome: AgentOutcomeCodec }),
);

/** Codec for {@link ResolveLinkedIncident}. */
export const ResolveLinkedIncidentCodec: t.Type<ResolveLinkedIncident, unknown> = command(
  'ResolveLinkedIncident',
  t.strict({ incidentId: IncidentIdCodec }),
);

/** Codec for {@link RecordSurveyResponse}. */
export const RecordSurveyResponseCodec: t.Type<RecordSurveyResponse, unknown> = command(
  'RecordSurveyResponse',
  struct({ rating: SurveyRatingCodec }, { comment: t.string }),
);

const commandDecoders = {
  OpenCase: OpenCaseCodec,
  StartWork: StartWorkCodec,
  RequestInformation: RequestInformationCodec,
  ProvideInformation: ProvideInformationCodec,
  Escalate: EscalateCodec,
  Reprioritise: ReprioritiseCodec,
  LinkIncident: LinkIncidentCodec,
  RequestOutageRemedy: RequestOutageRemedyCodec,
  Resolve: ResolveCodec,
  ResolveLinkedIncident: ResolveLinkedIncidentCodec,
  RecordSurveyResponse: RecordSurveyResponseCodec,
} as const;

/** The type names of every support-case command. */
export const supportCaseCommandTypes = Object.keys(commandDecoders) as ReadonlyArray<
  SupportCaseCommand['type']
>;

/** Codec for any {@link SupportCaseCommand}: reads `type` first, then decodes with that command's codec. */
export const SupportCaseCommandCodec: t.Type<SupportCaseCommand, unknown> = plainData(
  tagged(
    'type',
    t.union([
      OpenCaseCodec,
      StartWorkCodec,
      RequestInformationCodec,
      ProvideInformationCodec,
      EscalateCodec,
      ReprioritiseCodec,
      LinkIncidentCodec,
      RequestOutageRemedyCodec,
      ResolveCodec,
      ResolveLinkedIncidentCodec,
      RecordSurveyResponseCodec,
    ]),
    commandDecoders,
  ),
);

/**
 * Decodes an incoming command: an unknown or missing `type` is a problem at `type` listing the known ones; otherwise
 * that command's codec names the path and reason of each problem (`data.channel`). Never throws.
 */
export const decodeSupportCaseCommand: (input: unknown) => E.Either<DecodeFailed, SupportCaseCommand> =
  decodeWith(SupportCaseCommandCodec, 'SupportCaseCommand');
