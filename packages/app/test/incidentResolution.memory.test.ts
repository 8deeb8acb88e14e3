import { describeIncidentResolution } from './support/incidentResolutionSuite.js';
import { inMemoryStores } from './support/stores.js';

describeIncidentResolution('the in-memory stores', inMemoryStores);
