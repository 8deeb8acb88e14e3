export { traceAttributes, type Outcome } from './attributes.js';
