import { createInMemoryProjectionStore, createInMemoryStore } from '@dossier/core';
import { dossierSchema } from '../src/index.js';
import { describeInvitationFlow } from './support/invitationFlowSuite.js';

describeInvitationFlow('the in-memory stores', () => {
  const store = createInMemoryStore({ schema: dossierSchema });
  const states = createInMemoryProjectionStore();
  return Promise.resolve({
    store,
    states,
    close: async () => {
      await states.close();
      await store.close();
    },
  });
});
