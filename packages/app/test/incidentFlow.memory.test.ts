import { describeIncidentFlow } from './support/incidentFlowSuite.js';
import { inMemoryStores } from './support/stores.js';

describeIncidentFlow('the in-memory stores', inMemoryStores);
