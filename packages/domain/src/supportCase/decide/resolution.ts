import type { Email, UserId } from '../../shared/ids.js';
import type { Instant } from '../../shared/instant.js';
import type { CaseResolved, SurveySent } from '../events.js';
import type { Outcome } from '../values.js';

/** SC-10, SC-12: every resolution records its one outcome and sends the survey in the same decision. */
export const resolution = (
  contact: Email,
  outcome: Outcome,
  by: UserId,
  at: Instant,
): readonly [CaseResolved, SurveySent] => [
  { type: 'CaseResolved', data: { outcome, by, at } },
  { type: 'SurveySent', data: { to: contact, at } },
];
