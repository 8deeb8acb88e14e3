export type { CommandShape, EventShape, ErrorShape, Decider, CommandOf, StateOf, EventOf, ErrorOf } from './decider.js';
export { fold } from './decider.js';
