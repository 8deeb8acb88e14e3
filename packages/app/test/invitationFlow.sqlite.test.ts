import { describeInvitationFlow } from './support/invitationFlowSuite.js';
import { sqliteStores } from './support/stores.js';

describeInvitationFlow('SQLite files', sqliteStores);
