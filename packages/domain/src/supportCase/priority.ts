import { toMillis, type Instant } from '../shared/instant.js';
import type { CaseId } from './ids.js';

/** A case's priority, P1 most urgent (SC-5). */
export type Priority = 'P1' | 'P2' | 'P3' | 'P4';
/** Every priority, most urgent first. */
export const priorities: ReadonlyArray<Priority> = ['P1', 'P2', 'P3', 'P4'];

/** What the requester states about the impact when opening a case; {@link classifyPriority} reads it (SC-5). */
export interface ImpactFacts {
  /** How many users the problem affects (1 or more). */
  readonly usersAffected: number;
  /** Access to the service is lost: it is unavailable or unusable for those users (a critical problem). */
  readonly serviceUnavailable: boolean;
  /** Mail delivery is delayed for most of the mail sent or received. */
  readonly widespreadMailDelay: boolean;
  /** The problem stops users collaborating with each other. */
  readonly breaksCollaboration: boolean;
  /** A valid workaround exists. */
  readonly workaroundExists: boolean;
  /** The customer needs the function that does not work as expected. */
  readonly functionNeeded: boolean;
}

/**
 * SC-5, from the support policy's table:
 * - P1: widespread mail-delivery delay; or the service is unavailable or unusable for more than one user with no workaround.
 * - P4: the product does not work as expected, but neither the function nor a workaround is needed (a lost service or
 *   broken collaboration always counts as needed).
 * - P3: a workaround exists.
 * - P2: the rest — a critical problem for one user, broken collaboration, or a needed function not working, with no
 *   valid workaround.
 */
export const classifyPriority = (facts: ImpactFacts): Priority => {
  if (facts.widespreadMailDelay) return 'P1';
  const needed = facts.functionNeeded || facts.serviceUnavailable || facts.breaksCollaboration;
  if (!needed) return 'P4';
  if (facts.workaroundExists) return 'P3';
  if (facts.serviceUnavailable && facts.usersAffected > 1) return 'P1';
  return 'P2';
};

/**
 * The plainest impact facts that {@link classifyPriority} classifies as `priority`: one user with a needed function
 * broken, changed just enough. For tools that write realistic cases (log generators, tests) without re-deriving SC-5.
 */
export const impactFactsFor = (priority: Priority): ImpactFacts => {
  const base: ImpactFacts = {
    usersAffected: 1,
    serviceUnavailable: false,
    widespreadMailDelay: false,
    breaksCollaboration: false,
    workaroundExists: false,
    functionNeeded: true,
  };
  switch (priority) {
    case 'P1':
      return { ...base, usersAffected: 3, serviceUnavailable: true };
    case 'P2':
      return base;
    case 'P3':
      return { ...base, workaroundExists: true };
    case 'P4':
      return { ...base, functionNeeded: false };
  }
};

/** The fields the work queue orders cases by (SC-6). */
export interface CaseOrderKey {
  readonly priority: Priority;
  readonly submittedAt: Instant;
  readonly caseId: CaseId;
}

/** SC-6: P1 first, then the oldest submission first; the case id breaks ties so the order is total and stable. */
export const compareCaseOrder = (a: CaseOrderKey, b: CaseOrderKey): number =>
  priorities.indexOf(a.priority) - priorities.indexOf(b.priority) ||
  toMillis(a.submittedAt) - toMillis(b.submittedAt) ||
  (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0);
