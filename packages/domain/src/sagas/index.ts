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
