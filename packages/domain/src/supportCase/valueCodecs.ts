import * as t from 'io-ts';
import { struct, tagged } from './codecKit.js';
import { ProjectIdCodec, CustomerIdCodec, IncidentIdCodec } from './ids.js';
import type { ImpactFacts, Priority } from './priority.js';
import type {
  AccessLevel,
  AgentOutcome,
  AssistedChannel,
  CaseTopic,
  Channel,
  CustomerFacts,
  InformationItem,
  OrganisationRole,
  Outcome,
  OutageRemedy,
  Plan,
  SurveyRating,
  TechnicalScope,
} from './values.js';

const oneOf = <K extends string>(name: string, keys: { readonly [k in K]: null }): t.Type<K, unknown> =>
  t.keyof(keys, name);

/** Codec for {@link Priority}. */
export const PriorityCodec = oneOf<Priority>('Priority', { P1: null, P2: null, P3: null, P4: null });
/** Codec for {@link Plan}. */
export const PlanCodec = oneOf<Plan>('Plan', { free: null, pro: null, team: null, enterprise: null });
/** Codec for {@link Channel}. */
export const ChannelCodec = oneOf<Channel>('Channel', { web: null, email: null, phone: null, chat: null });
const AssistedChannelCodec = oneOf<AssistedChannel>('AssistedChannel', { phone: null, chat: null });
/** Codec for {@link OrganisationRole}. */
export const OrganisationRoleCodec = oneOf<OrganisationRole>('OrganisationRole', {
  administrator: null,
  member: null,
});
const AccessLevelCodec = oneOf<AccessLevel>('AccessLevel', {
  none: null,
  viewer: null,
  developer: null,
  admin: null,
  owner: null,
});
/** Codec for {@link InformationItem}. */
export const InformationItemCodec = oneOf<InformationItem>('InformationItem', {
  'reproduction-steps': null,
  'troubleshooting-steps': null,
  'log-files': null,
  'message-headers': null,
});
/** Codec for {@link OutageRemedy}. */
export const OutageRemedyCodec = oneOf<OutageRemedy>('OutageRemedy', {
  'service-credit': null,
  'incident-report': null,
});

const PositiveIntegerCodec = t.refinement(t.number, (n) => Number.isInteger(n) && n >= 1, 'PositiveInteger');

/** Codec for {@link SurveyRating}: an integer from 1 to 5. */
export const SurveyRatingCodec: t.Type<SurveyRating, unknown> = new t.Type<SurveyRating, unknown>(
  'SurveyRating',
  (u): u is SurveyRating => u === 1 || u === 2 || u === 3 || u === 4 || u === 5,
  (u, c) =>
    u === 1 || u === 2 || u === 3 || u === 4 || u === 5
      ? t.success(u)
      : t.failure(u, c, `expected an integer rating from 1 to 5, got ${JSON.stringify(u) ?? 'nothing'}`),
  (rating) => rating,
);

/** Codec for {@link ImpactFacts}. */
export const ImpactFactsCodec: t.Type<ImpactFacts, unknown> = t.strict({
  usersAffected: PositiveIntegerCodec,
  serviceUnavailable: t.boolean,
  widespreadMailDelay: t.boolean,
  breaksCollaboration: t.boolean,
  workaroundExists: t.boolean,
  functionNeeded: t.boolean,
});

const ConfigurationScopeCodec = t.strict({
  area: t.literal('configuration'),
  subject: t.keyof({
    'live-update-setup': null,
    'configuration-best-practice': null,
    'platform-question': null,
  }),
});
const GeneralTroubleshootingCodec = t.strict({
  area: t.literal('troubleshooting'),
  subject: t.keyof({ 'known-issue-workaround': null, 'how-to': null }),
});
const FeatureTroubleshootingCodec = t.strict({
  area: t.literal('troubleshooting'),
  subject: t.literal('unexpected-behaviour'),
  feature: t.keyof({ 'live-updates': null, 'app-management': null, analytics: null }),
});
type Troubleshooting = Extract<TechnicalScope, { readonly area: 'troubleshooting' }>;
const TroubleshootingCodec: t.Type<Troubleshooting, unknown> = tagged(
  'subject',
  t.union([GeneralTroubleshootingCodec, FeatureTroubleshootingCodec]),
  {
    'known-issue-workaround': GeneralTroubleshootingCodec,
    'how-to': GeneralTroubleshootingCodec,
    'unexpected-behaviour': FeatureTroubleshootingCodec,
  },
);
const OutOfScopeCodec = t.strict({
  area: t.literal('out-of-scope'),
  subject: t.keyof({ 'own-app-troubleshooting': null, 'code-rewrite': null, 'third-party-software': null }),
});

const TechnicalScopeCodec: t.Type<TechnicalScope, unknown> = tagged(
  'area',
  t.union([ConfigurationScopeCodec, TroubleshootingCodec, OutOfScopeCodec]),
  {
    configuration: ConfigurationScopeCodec,
    troubleshooting: TroubleshootingCodec,
    'out-of-scope': OutOfScopeCodec,
  },
);

const BillingCodec = t.strict({ category: t.literal('billing') });
const AccountManagementCodec = t.strict({ category: t.literal('account-management') });
const TechnicalCodec = t.strict({
  category: t.literal('technical'),
  project: t.strict({ project: ProjectIdCodec, requesterAccess: AccessLevelCodec }),
  scope: TechnicalScopeCodec,
});

/** Codec for {@link CaseTopic}. */
export const CaseTopicCodec: t.Type<CaseTopic, unknown> = tagged(
  'category',
  t.union([BillingCodec, AccountManagementCodec, TechnicalCodec]),
  { billing: BillingCodec, 'account-management': AccountManagementCodec, technical: TechnicalCodec },
);

/** Codec for {@link CustomerFacts}. */
export const CustomerFactsCodec: t.Type<CustomerFacts, unknown> = t.strict({
  id: CustomerIdCodec,
  plan: PlanCodec,
  paidAddOns: t.readonlyArray(t.string),
  offeredChannels: t.readonlyArray(AssistedChannelCodec),
});

const ResolvedCodec = t.strict({
  kind: t.literal('resolved'),
  how: t.keyof({ fixed: null, 'workaround-given': null, 'question-answered': null }),
});
const FeatureNotAvailableCodec = struct(
  { kind: t.literal('feature-not-available') },
  { featureIdea: t.string },
);
const CannotReproduceCodec = t.strict({ kind: t.literal('cannot-reproduce'), recommendations: t.string });
const ReferredCodec = t.strict({ kind: t.literal('referred-to-third-party'), party: t.string });
const NotSupportedCodec = t.strict({ kind: t.literal('not-supported') });
const OutageResolvedCodec = t.strict({
  kind: t.literal('outage-resolved'),
  incidentId: IncidentIdCodec,
  remedies: t.readonlyArray(OutageRemedyCodec),
});
const agentOutcomeDecoders = {
  resolved: ResolvedCodec,
  'feature-not-available': FeatureNotAvailableCodec,
  'cannot-reproduce': CannotReproduceCodec,
  'referred-to-third-party': ReferredCodec,
  'not-supported': NotSupportedCodec,
};

/** Codec for {@link AgentOutcome}: every outcome but `outage-resolved`. */
export const AgentOutcomeCodec: t.Type<AgentOutcome, unknown> = tagged(
  'kind',
  t.union([ResolvedCodec, FeatureNotAvailableCodec, CannotReproduceCodec, ReferredCodec, NotSupportedCodec]),
  agentOutcomeDecoders,
);

/** Codec for {@link Outcome}. */
export const OutcomeCodec: t.Type<Outcome, unknown> = tagged(
  'kind',
  t.union([
    ResolvedCodec,
    FeatureNotAvailableCodec,
    CannotReproduceCodec,
    ReferredCodec,
    NotSupportedCodec,
    OutageResolvedCodec,
  ]),
  { ...agentOutcomeDecoders, 'outage-resolved': OutageResolvedCodec },
);
