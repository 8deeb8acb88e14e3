// The support policy: the configuration that the sources leave open (consumer mail domains, the support calendar,
// the Enterprise SLA) is an explicit input of the SupportCase decider, decoded from configuration at the boundary.
import {
  decodeWith,
  firstResponseDue,
  makeSupportCase,
  SupportPolicyCodec,
  type Instant,
  type SupportPolicy,
} from '@dossier/domain';
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';

// #region policy
/** The support organisation's policy as it might sit in a configuration file. */
export const jakartaConfig: unknown = {
  consumerMailDomains: ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com'],
  calendar: {
    timeZone: 'Asia/Jakarta',
    businessDays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  },
  enterpriseSla: {
    P1: { unit: 'hours', amount: 1 },
    P2: { unit: 'hours', amount: 4 },
    P3: { unit: 'business-hours', amount: 8 },
    P4: { unit: 'business-days', amount: 1 },
  },
};

/** Decodes a policy, naming every wrong path, and makes the SupportCase decider that applies it. */
export const supportCaseUnder = (config: unknown) =>
  pipe(decodeWith(SupportPolicyCodec, 'SupportPolicy')(config), E.map(makeSupportCase));
// #endregion policy

// #region due
/** When the first response is due for a case submitted at `at`, under a policy, per plan and priority (SC-7). */
export const dueTimes = (policy: SupportPolicy, at: Instant) => ({
  pro: firstResponseDue(at, 'P1', policy, 'pro'), // 1 business day, whatever the priority
  enterpriseP1: firstResponseDue(at, 'P1', policy, 'enterprise'), // the SLA: 1 hour around the clock
  enterpriseP3: firstResponseDue(at, 'P3', policy, 'enterprise'), // the SLA: 8 hours of business days
});
// #endregion due

/** The Jakarta policy, decoded. */
export const jakartaPolicy: E.Either<unknown, SupportPolicy> = decodeWith(SupportPolicyCodec)(jakartaConfig);
