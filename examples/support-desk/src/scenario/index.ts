import { toMillis } from '@dossier/domain';
import { caseSteps } from './cases.js';
import { incidentSteps } from './incident.js';
import { invitationSteps } from './invitations.js';
import { openCaseSteps } from './openCases.js';
import { profileSteps } from './profiles.js';
import { refusedRequestSteps } from './refusals.js';
import { stepAt, type Step } from './step.js';

/** The whole story in the order it happens: every chapter's steps merged by their instants (ties keep file order). */
export const script: ReadonlyArray<Step> = [
  ...profileSteps,
  ...invitationSteps,
  ...caseSteps,
  ...refusedRequestSteps,
  ...incidentSteps,
  ...openCaseSteps,
].sort((a, b) => toMillis(stepAt(a)) - toMillis(stepAt(b)));

export type { Step, CommandStep, IncidentResolvedStep, Topic, Expectation } from './step.js';
export { stepAt } from './step.js';
