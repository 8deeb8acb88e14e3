import type { CustomerId, IncidentId, ProjectId } from './ids.js';

/** The customer's plan, a fact from their account. `free` is the only unpaid plan. */
export type Plan = 'free' | 'pro' | 'team' | 'enterprise';
/** Every plan, cheapest first. */
export const plans: ReadonlyArray<Plan> = ['free', 'pro', 'team', 'enterprise'];

/** A support channel. `web` (dashboard or website) and `email` are official for everyone (SC-3). */
export type Channel = 'web' | 'email' | 'phone' | 'chat';
/** Channels that are official only where the customer's offering includes them (SC-3). */
export type AssistedChannel = Extract<Channel, 'phone' | 'chat'>;

/** The requester's role in the customer's organisation (SC-1). */
export type OrganisationRole = 'administrator' | 'member';

/**
 * The requester's access to a project, lowest first: `none` (no access) < `viewer` (reads) < `developer` (deploys
 * and configures) < `admin` (also manages members) < `owner` (also billing and deletion). SC-3 asks for `developer`
 * or higher.
 */
export type AccessLevel = 'none' | 'viewer' | 'developer' | 'admin' | 'owner';
/** Every access level, lowest first. */
export const accessLevels: ReadonlyArray<AccessLevel> = ['none', 'viewer', 'developer', 'admin', 'owner'];
/** Whether `level` is `required` or higher. */
export const hasAccessAtLeast = (level: AccessLevel, required: AccessLevel): boolean =>
  accessLevels.indexOf(level) >= accessLevels.indexOf(required);

/** A platform feature that troubleshooting covers when it behaves unexpectedly (SC-4). */
export type SupportedFeature = 'live-updates' | 'app-management' | 'analytics';

/** What a technical case is about: in scope (configuration, troubleshooting) or not (SC-4). */
export type TechnicalScope =
  | {
      readonly area: 'configuration';
      readonly subject: 'live-update-setup' | 'configuration-best-practice' | 'platform-question';
    }
  | { readonly area: 'troubleshooting'; readonly subject: 'known-issue-workaround' | 'how-to' }
  | {
      readonly area: 'troubleshooting';
      readonly subject: 'unexpected-behaviour';
      readonly feature: SupportedFeature;
    }
  | {
      readonly area: 'out-of-scope';
      readonly subject: 'own-app-troubleshooting' | 'code-rewrite' | 'third-party-software';
    };

/** The project a technical case concerns and the requester's access to it (SC-3). */
export interface ProjectAccess {
  readonly project: ProjectId;
  readonly requesterAccess: AccessLevel;
}

/** A case's category: billing and account management are open to all; technical cases have a scope (SC-2, SC-4). */
export type CaseTopic =
  | { readonly category: 'billing' }
  | { readonly category: 'account-management' }
  | { readonly category: 'technical'; readonly project: ProjectAccess; readonly scope: TechnicalScope };

/** Facts about the customer's account at opening, from outside the domain. */
export interface CustomerFacts {
  readonly id: CustomerId;
  readonly plan: Plan;
  /** Names of the paid add-ons the customer holds (SC-2). */
  readonly paidAddOns: ReadonlyArray<string>;
  /** The assisted channels the customer's offering includes (SC-3). */
  readonly offeredChannels: ReadonlyArray<AssistedChannel>;
}

/** What support may ask the customer for (SC-8). */
export type InformationItem =
  'reproduction-steps' | 'troubleshooting-steps' | 'log-files' | 'message-headers';

/** What a customer may ask for when an outage hit them (SC-10). */
export type OutageRemedy = 'service-credit' | 'incident-report';
/** Every outage remedy, in the order they are recorded. */
export const outageRemedies: ReadonlyArray<OutageRemedy> = ['service-credit', 'incident-report'];

/** The single outcome of a resolved case (SC-10). */
export type Outcome =
  | { readonly kind: 'resolved'; readonly how: 'fixed' | 'workaround-given' | 'question-answered' }
  | { readonly kind: 'feature-not-available'; readonly featureIdea?: string }
  | { readonly kind: 'cannot-reproduce'; readonly recommendations: string }
  | { readonly kind: 'referred-to-third-party'; readonly party: string }
  | { readonly kind: 'not-supported' }
  | {
      readonly kind: 'outage-resolved';
      readonly incidentId: IncidentId;
      /** The remedies the customer asked for, now recorded (SC-10). */
      readonly remedies: ReadonlyArray<OutageRemedy>;
    };

/** The outcomes an agent chooses; `outage-resolved` comes only from the end of a linked incident (SC-11). */
export type AgentOutcome = Exclude<Outcome, { readonly kind: 'outage-resolved' }>;

/** A satisfaction rating, 1 (poor) to 5 (excellent) (SC-12). */
export type SurveyRating = 1 | 2 | 3 | 4 | 5;
