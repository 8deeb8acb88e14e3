/** The process manager between PaymentProfile and Invitation, as a pure function of one recorded event. */
export { invitationFlow } from './invitationFlow.js';
/** The deterministic id of a command the invitation flow issues for an event. */
export { commandIdFor } from './invitationFlow.js';
/** The event types the invitation flow reacts to. */
export { invitationFlowReactsTo } from './invitationFlow.js';
/** An event as the invitation flow is shown it. */
export type { InvitationFlowInput } from './invitationFlow.js';
/** A command the invitation flow asks to dispatch. */
export type { InvitationFlowDispatch } from './invitationFlow.js';
/** The actor the invitation flow issues its commands as. */
export { systemActor } from './systemActor.js';
/** SC-11 as a process manager: the end of an incident resolves every open case linked to it. */
export { incidentFlow, incidentFlowChanges, openCasesLinkedTo } from './incidentFlow.js';
/** The incident flow's actor, the event types it reacts to, and the id of each resolution it asks for. */
export { incidentFlowActor, incidentFlowReactsTo, incidentResolutionCommandId } from './incidentFlow.js';
/** An event as the incident flow is shown it, and a resolution it asks to dispatch. */
export type { IncidentFlowInput, IncidentFlowDispatch } from './incidentFlow.js';
