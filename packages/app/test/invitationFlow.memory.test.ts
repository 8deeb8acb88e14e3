import { describeInvitationFlow } from './support/invitationFlowSuite.js';
import { inMemoryStores } from './support/stores.js';

describeInvitationFlow('the in-memory stores', inMemoryStores);
