import { describeInvitationFlow } from './support/invitationFlowSuite.js';
import { eventStoreDbStores } from './support/stores.js';

describeInvitationFlow('EventStoreDB (the in-process protocol server)', eventStoreDbStores);
