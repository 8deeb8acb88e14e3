/** A recorded run of commands on one global log, the steps it is made of, and folds of it as the runtimes do. */
export {
  RecordingLog,
  deepFreeze,
  foldPersisted,
  rebuilt,
  runCommands,
  streamsOf,
  subscribed,
} from './record.js';
/** A stamped command, one step of a run, recording options, a command's origin and what a run left behind. */
export type { Origin, RecordOptions, Run, StampedCommand, Step } from './record.js';
/** Support-case actors, ids, instants and command builders. */
export {
  actor,
  agent,
  caseId,
  customerId,
  day,
  escalate,
  impactFor,
  incidentId,
  linkIncident,
  liveUpdates,
  openCase,
  otherAgent,
  otherRequester,
  outOfScope,
  provideInformation,
  recordSurveyResponse,
  reprioritise,
  requestInformation,
  requestOutageRemedy,
  requester,
  resolve,
  resolveLinkedIncident,
  startWork,
  statusPage,
  teamId,
  toCase,
} from './supportCase.js';
/** How a support case is opened. */
export type { Opening } from './supportCase.js';
/** Random support-case runs and the instant to look at them. */
export { nowArb, supportCaseStepsArb } from './supportCaseArbitraries.js';
/** Payment-profile people, ids and command builders. */
export {
  activate,
  ana,
  budi,
  changePermissions,
  citra,
  createProfile,
  flow,
  invitation,
  inviteUser,
  joins,
  owner,
  person,
  profileId,
  reassignPrimaryContact,
  removeUser,
  requestCancellation,
  requestResend,
  setEmailPreference,
  stranger,
  toProfile,
  updateDetails,
  withdraw,
} from './paymentProfile.js';
/** Random payment-profile runs, the people in them and the commands a user can be sent. */
export {
  creationArb,
  invitationFor,
  invitees,
  paymentProfileStepsArb,
  people,
  userCommandArb,
} from './paymentProfileArbitraries.js';
/** A payment-profile command waiting for its instant. */
export type { Make } from './paymentProfileArbitraries.js';
/** Invitation ids and the invitee's and scheduler's commands. */
export { accept, decline, expire, invitationId, scheduler } from './invitation.js';
/** Random runs of the invitation world: a profile, its invitations and the flow between them. */
export { flowProfile, worldStepsArb } from './flowArbitraries.js';
/** One thing that happens in the invitation world. */
export type { WorldStep } from './flowArbitraries.js';
/** Everything a read model answers over some rows, to compare two copies of it. */
export { viewOf } from './view.js';
/** RM-1 against the support-case aggregates, and a log's support-case streams. */
export { queueDisagreements, supportCaseStreams } from './queueAgreement.js';
/** RM-2 against the payment-profile aggregates, and a log's payment-profile streams. */
export { matrixDisagreements, paymentProfileStreams } from './matrixAgreement.js';
/** RM-3 against the invitation aggregates and against RM-2. */
export { pendingDisagreements } from './invitationAgreement.js';
