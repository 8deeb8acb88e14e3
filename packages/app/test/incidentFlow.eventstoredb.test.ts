import { describeIncidentFlow } from './support/incidentFlowSuite.js';
import { eventStoreDbStores } from './support/stores.js';

describeIncidentFlow('EventStoreDB (the in-process protocol server)', eventStoreDbStores);
