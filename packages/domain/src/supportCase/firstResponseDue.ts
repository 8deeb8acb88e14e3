import { instantFromMillis, toMillis, type Instant } from '../shared/instant.js';
import { addBusinessDays, addBusinessHours } from './calendar.js';
import { standardFirstResponse, type ResponseTarget, type SupportPolicy } from './policy.js';
import type { Priority } from './priority.js';
import type { Plan } from './values.js';

/** SC-7, SC-13: the Enterprise SLA's target for the priority, and for every other plan 1 business day. */
export const responseTarget = (priority: Priority, policy: SupportPolicy, plan: Plan): ResponseTarget =>
  plan === 'enterprise' ? policy.enterpriseSla[priority] : standardFirstResponse;

/** SC-7: when the first response to a case submitted at `submittedAt` is due, counted in the support calendar. */
export const firstResponseDue = (
  submittedAt: Instant,
  priority: Priority,
  policy: SupportPolicy,
  plan: Plan,
): Instant => {
  const target = responseTarget(priority, policy, plan);
  switch (target.unit) {
    case 'hours':
      return instantFromMillis(toMillis(submittedAt) + target.amount * 3_600_000);
    case 'business-hours':
      return addBusinessHours(submittedAt, target.amount, policy.calendar);
    case 'business-days':
      return addBusinessDays(submittedAt, target.amount, policy.calendar);
  }
};
