import { describeIncidentFlow } from './support/incidentFlowSuite.js';
import { sqliteStores } from './support/stores.js';

describeIncidentFlow('SQLite files', sqliteStores);
