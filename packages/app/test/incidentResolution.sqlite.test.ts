import { describeIncidentResolution } from './support/incidentResolutionSuite.js';
import { sqliteStores } from './support/stores.js';

describeIncidentResolution('SQLite files', sqliteStores);
